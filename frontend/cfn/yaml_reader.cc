// YAML templates through an event parser. Events (not YAML::Load) because
// they give every node's mark and tag, and because an alias arrives as a
// reference to its anchor: it shares the anchor's node here and is never
// copied, so an alias bomb costs nothing.
//
// The events come from libyaml when it can stand in for yaml-cpp, else from
// yaml-cpp, whose errors, marks and quirks the reader was written against.
// libyaml reads a template about 13 times faster (74 against 5.6 MB/s on a
// SAM template), and yaml-cpp spent half of a run's facts pass. It stands in
// for a plain-ASCII text (libyaml counts marks in characters, yaml-cpp in
// bytes) without carriage returns (yaml-cpp reads a lone one as text) that
// libyaml reads to its end without error, meeting nothing the two mark or
// accept differently (LibyamlEvents): there the reader builds the same
// document from either (checked on every YAML file of testdata/ and on
// corner cases by tests/cfn/yaml_sources_test.cc; the cfn fuzz target traps
// on any difference). Anything else, a syntax error among it, goes to
// yaml-cpp as before.
#include <yaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <exception>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "frontend/cfn/intrinsics.h"
#include "frontend/yaml/yaml_source.h"

namespace rdslint::cfn::internal {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDelimiter(char c) { return IsSpace(c) || c == ',' || c == ']' || c == '}' || c == '#'; }

class Reader : public YAML::EventHandler {
 public:
  Reader(std::string_view text, const ParseOptions& options, Document* doc)
      : t_(text),
        bom_(yaml::HasBom(text) ? 3 : 0),
        doc_(doc),
        finish_(doc, options),
        merge_budget_(2 * text.size() + 10000) {}

  bool done() const { return documents_ > 0; }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const size_t pos = Pos(mark);
    size_t len = NullTokenLength(pos);
    Node n;
    if (len > 0) {
      n.range = Range(pos, pos + len);
    } else {
      // An empty value: yaml-cpp marks the next token; place it where it
      // would have been written.
      const size_t at = EmptyValuePosition(pos);
      n.range = Range(at, at);
    }
    const uint32_t index = Add(std::move(n));
    if (anchor != YAML::NullAnchor) anchors_[anchor] = index;
    Attach(index, nodes()[index].range);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const size_t pos = Pos(mark);
    size_t end = pos + 1;
    while (end < t_.size() && !IsDelimiter(t_[end])) ++end;
    auto it = anchors_.find(anchor);
    uint32_t index;
    if (it == anchors_.end() || open_[it->second]) {
      // "&a [*a]": yaml-cpp would build a cycle; nothing reads one.
      finish_.AddError(Range(pos, end), it == anchors_.end()
                                            ? "alias to an anchor that cannot be used here"
                                            : "alias to a node that contains it");
      Node n;
      n.range = Range(pos, end);
      index = Add(std::move(n));
    } else {
      index = it->second;
    }
    Attach(index, Range(pos, end));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const size_t pos = Pos(mark);
    Props props = ReadProperties(pos, tag);
    Node n;
    n.kind = Node::Kind::kScalar;
    char quote = 0;
    size_t end;
    if (value.empty() && (props.content >= t_.size() ||
                          (!IsQuote(t_[props.content]) && !IsBlockIndicator(props.content)))) {
      // "!GetAZs" with nothing after it.
      const size_t at = props.tag_range.empty() ? props.content : props.tag_end;
      n.text = MappedText::Verbatim("", static_cast<uint32_t>(at));
      end = at;
      props.content = at;
    } else {
      n.text = yaml::MapScalar(t_, pos, value, &quote);
      end = n.text.offsets.back();
      if (quote != 0) {
        if (end >= t_.size() || t_[end] != quote) {
          // yaml-cpp lets a quoted scalar run to the end of the file.
          finish_.AddError(Range(props.content, props.content + 1),
                           "YAML syntax error: unterminated quoted scalar");
          fatal_ = true;
        }
        end = std::min(end + 1, t_.size());
      } else {
        while (end > props.content && (t_[end - 1] == '\n' || t_[end - 1] == '\r')) --end;
      }
    }
    n.plain = quote == 0 && (tag == "?" || tag == "tag:yaml.org,2002:bool" ||
                             tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
                             (props.fn != Fn::kNone && !IsBlockIndicator(props.content)));
    n.range = Range(props.content, std::max(end, props.content));
    // A key is not a node of its own.
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key &&
        props.fn == Fn::kNone) {
      Open& o = stack_.back();
      o.have_key = true;
      o.key_ok = true;
      o.key = std::move(n.text);
      o.key_range = Range(pos, n.range.end);
      o.key_plain = quote == 0 && tag == "?";
      o.last_end = n.range.end;
      return;
    }
    uint32_t index = Add(std::move(n));
    finish_.Scalar(index);
    index = Wrap(index, props, pos);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = index;
    Attach(index, nodes()[index].range);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Start(mark, tag, anchor, style, false);
  }
  void OnSequenceEnd() override { End(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Start(mark, tag, anchor, style, true);
  }
  void OnMapEnd() override { End(); }

  uint32_t root() const { return root_; }
  bool fatal() const { return fatal_; }

 private:
  struct Props {
    size_t content = 0;  // where the node's own text starts
    Fn fn = Fn::kNone;   // a CloudFormation short-form tag
    SourceRange tag_range;
    size_t tag_end = 0;
  };

  struct Open {
    uint32_t node = kNoNode;
    bool is_map = false;
    bool flow = false;
    Props props;
    size_t mark = 0;
    YAML::anchor_t anchor = YAML::NullAnchor;
    size_t last_end = 0;  // end of the last thing written inside
    // Maps: the pending key.
    bool have_key = false;
    bool key_ok = false;
    bool key_plain = false;
    MappedText key;
    SourceRange key_range;
    std::unordered_set<std::string> keys;
    std::vector<std::pair<uint32_t, SourceRange>> merges;  // "<<" values
  };

  std::vector<Node>& nodes() { return doc_->mutable_nodes(); }

  size_t Pos(const YAML::Mark& mark) const {
    if (mark.pos < 0) return t_.size();
    return std::min(static_cast<size_t>(mark.pos) + bom_, t_.size());
  }

  static SourceRange Range(size_t b, size_t e) {
    return SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(std::max(b, e))};
  }

  bool IsQuote(char c) const { return c == '\'' || c == '"'; }
  bool IsBlockIndicator(size_t p) const { return p < t_.size() && (t_[p] == '|' || t_[p] == '>'); }

  uint32_t Add(Node n) {
    nodes().push_back(std::move(n));
    open_.push_back(false);
    return static_cast<uint32_t>(nodes().size() - 1);
  }

  // "null", "Null", "NULL" or "~" at `p`, followed by a delimiter.
  size_t NullTokenLength(size_t p) const {
    for (std::string_view tok : {"null", "Null", "NULL", "~"}) {
      if (t_.substr(p, tok.size()) == tok &&
          (p + tok.size() >= t_.size() || IsDelimiter(t_[p + tok.size()]))) {
        return tok.size();
      }
    }
    return 0;
  }

  // Just after the pending key's colon, or just after the "-" / "," / "["
  // that introduced an empty item.
  size_t EmptyValuePosition(size_t mark) const {
    if (!stack_.empty() && stack_.back().is_map && stack_.back().have_key) {
      size_t p = stack_.back().key_range.end;
      while (p < t_.size() && IsBlank(t_[p])) ++p;
      if (p < t_.size() && t_[p] == ':') return p + 1;
      return stack_.back().key_range.end;
    }
    size_t p = std::min(mark, t_.size());
    while (p > 0 && IsSpace(t_[p - 1])) --p;
    return p;
  }

  // Skips the node's properties (&anchor, !tag) at `pos`.
  Props ReadProperties(size_t pos, const std::string& tag) {
    Props p;
    size_t j = pos;
    for (int k = 0; k < 2 && j < t_.size() && (t_[j] == '&' || t_[j] == '!'); ++k) {
      const size_t b = j;
      // A property ends at a blank, or in flow context at an indicator.
      while (j < t_.size() && !IsSpace(t_[j]) && t_[j] != ',' && t_[j] != ']' && t_[j] != '}') ++j;
      if (t_[b] == '!') {
        p.tag_range = Range(b, j);
        p.tag_end = j;
      }
      while (j < t_.size() && IsSpace(t_[j])) ++j;
      // A comment between a tag and its value.
      while (j < t_.size() && t_[j] == '#') {
        while (j < t_.size() && t_[j] != '\n') ++j;
        while (j < t_.size() && IsSpace(t_[j])) ++j;
      }
    }
    p.content = j;
    switch (ClassifyTag(tag, &p.fn)) {
      case TagKind::kData:
      case TagKind::kFunction:
        break;
      case TagKind::kUnknown:
        finish_.AddError(p.tag_range.empty() ? Range(pos, pos + 1) : p.tag_range,
                         "unknown tag '" + TagForMessage(tag) +
                             "': CloudFormation reads only its intrinsic function tags "
                             "(!Ref, !Sub, !GetAtt, ...)");
        break;
    }
    return p;
  }

  std::string TagForMessage(const std::string& tag) const {
    std::string t = tag.substr(0, 40);
    for (char& c : t) {
      if (static_cast<unsigned char>(c) < 0x20) c = '?';
    }
    return t;
  }

  // A short-form function around `content`.
  uint32_t Wrap(uint32_t content, const Props& props, size_t pos) {
    if (props.fn == Fn::kNone) return content;
    const SourceRange whole = Range(pos, nodes()[content].range.end);
    const uint32_t index = finish_.Tagged(props.fn, props.tag_range, content, whole);
    open_.resize(nodes().size(), false);
    return index;
  }

  void Start(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
             YAML::EmitterStyle::value style, bool is_map) {
    const size_t pos = Pos(mark);
    Open o;
    o.props = ReadProperties(pos, tag);
    o.mark = pos;
    o.anchor = anchor;
    o.is_map = is_map;
    o.flow = style == YAML::EmitterStyle::Flow;
    Node n;
    n.kind = is_map ? Node::Kind::kMap : Node::Kind::kList;
    n.range = Range(o.props.content, o.props.content);
    o.node = Add(std::move(n));
    open_[o.node] = true;
    o.last_end = o.props.content + (o.flow ? 1 : 0);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = o.node;
    // A key that is a collection is not something CloudFormation reads.
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
      finish_.AddError(Range(pos, pos + 1), "a mapping key must be a plain string");
    }
    stack_.push_back(std::move(o));
  }

  void End() {
    if (stack_.empty()) return;
    Open o = std::move(stack_.back());
    stack_.pop_back();
    open_[o.node] = false;
    size_t end = o.last_end;
    if (o.flow) {
      // The closing bracket: after the last item only blanks, commas and
      // comments can stand before it.
      const char closer = o.is_map ? '}' : ']';
      size_t p = o.last_end;
      while (p < t_.size()) {
        if (IsSpace(t_[p]) || t_[p] == ',' || t_[p] == ':') {
          ++p;
        } else if (t_[p] == '#') {
          while (p < t_.size() && t_[p] != '\n') ++p;
        } else {
          break;
        }
      }
      if (p < t_.size() && t_[p] == closer) end = p + 1;
    }
    nodes()[o.node].range.end = static_cast<uint32_t>(std::max<size_t>(end, o.props.content));
    if (o.is_map) {
      ApplyMerges(o);
      finish_.Map(o.node);
    }
    uint32_t index = Wrap(o.node, o.props, o.mark);
    if (o.anchor != YAML::NullAnchor) anchors_[o.anchor] = index;
    Attach(index, nodes()[index].range);
  }

  // "<<: *base" / "<<: [*a, *b]": entries not written in the map itself,
  // earlier merged maps first, as YAML 1.1 readers (js-yaml, PyYAML) do.
  void ApplyMerges(Open& o) {
    for (const auto& [value, at] : o.merges) {
      const Node& v = nodes()[value];
      std::vector<uint32_t> sources;
      if (v.is_map()) {
        sources.push_back(value);
      } else if (v.is_list()) {
        for (uint32_t item : v.items) {
          if (nodes()[item].is_map()) sources.push_back(item);
        }
      }
      if (sources.empty()) {
        finish_.AddError(at, "'<<' must merge a mapping or a list of mappings");
        continue;
      }
      for (uint32_t s : sources) {
        const std::vector<Entry> entries = nodes()[s].entries;  // copy: nodes() may grow
        for (const Entry& e : entries) {
          if (merge_budget_ == 0) {
            if (!merge_exhausted_) finish_.AddError(at, "YAML merge keys expand to too much data");
            merge_exhausted_ = true;
            return;
          }
          --merge_budget_;
          if (!o.keys.insert(e.key.text).second) continue;
          Entry copy = e;
          copy.merged = true;
          nodes()[o.node].entries.push_back(std::move(copy));
        }
      }
    }
  }

  // `written`: where this occurrence stands (an alias, not its anchor).
  void Attach(uint32_t index, SourceRange written) {
    if (stack_.empty()) {
      if (root_ == kNoNode) root_ = index;
      return;
    }
    Open& o = stack_.back();
    o.last_end = std::max<size_t>(o.last_end, written.end);
    if (!o.is_map) {
      nodes()[o.node].items.push_back(index);
      return;
    }
    if (!o.have_key) {
      o.have_key = true;
      const Node& k = nodes()[index];
      if (k.is_scalar()) {  // an aliased scalar used as a key
        o.key_ok = true;
        o.key = k.text;
        o.key_range = written;
        o.key_plain = k.plain;
        return;
      }
      // A key that is not a string (a collection, a null, a function):
      // reported where it starts (collections in Start), its value dropped.
      o.key_ok = false;
      if (k.is_null() || k.kind == Node::Kind::kFunction) {
        finish_.AddError(k.range, "a mapping key must be a plain string");
      }
      return;
    }
    o.have_key = false;
    if (!o.key_ok) return;
    if (o.key_plain && o.key.text == "<<") {
      o.merges.emplace_back(index, o.key_range);
      return;
    }
    if (!o.keys.insert(o.key.text).second) {
      finish_.AddError(o.key_range, "duplicate key '" + TagForMessage(o.key.text) + "'");
    }
    nodes()[o.node].entries.push_back(Entry{std::move(o.key), o.key_range, index, false});
    o.key = MappedText{};
  }

  std::string_view t_;
  size_t bom_;
  Document* doc_;
  Finisher finish_;
  std::vector<Open> stack_;
  std::vector<bool> open_;  // per node: a collection still being read
  std::unordered_map<YAML::anchor_t, uint32_t> anchors_;
  uint32_t root_ = kNoNode;
  int documents_ = 0;
  size_t merge_budget_;
  bool merge_exhausted_ = false;
  bool fatal_ = false;  // a syntax error yaml-cpp let through
};

// Past blanks, line breaks and comments from `p`.
size_t NextToken(std::string_view text, size_t p) {
  while (p < text.size()) {
    if (IsSpace(text[p])) {
      ++p;
    } else if (text[p] == '#' && (p == 0 || IsSpace(text[p - 1]))) {
      while (p < text.size() && text[p] != '\n') ++p;
    } else {
      break;
    }
  }
  return p;
}

// The reader's events from libyaml, as yaml-cpp would give them: anchors
// numbered from 1 in order of definition, tag "?" for an untagged plain
// scalar or collection and "!" for an untagged quoted one, a plain untagged
// null spelling as a null; the first document only. True when libyaml reads
// the whole stream without error and finds a node in the first document
// (yaml-cpp reads one document, but fails on what ends it badly: a stray "}"
// after it), and nothing in it is left to yaml-cpp (below); else what the
// reader was given is to be thrown away.
bool LibyamlEvents(std::string_view text, Reader* reader) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return false;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::unordered_map<std::string, YAML::anchor_t> anchors;
  YAML::anchor_t next_anchor = 1;
  auto define = [&](const yaml_char_t* name) -> YAML::anchor_t {
    if (name == nullptr) return YAML::NullAnchor;
    anchors[reinterpret_cast<const char*>(name)] = next_anchor;
    return next_anchor++;
  };
  auto mark = [](const yaml_mark_t& m) {
    YAML::Mark out;
    out.pos = static_cast<int>(m.index);
    out.line = static_cast<int>(m.line);
    out.column = static_cast<int>(m.column);
    return out;
  };
  auto tag_of = [](const yaml_char_t* tag, bool plain) -> std::string {
    if (tag != nullptr) return reinterpret_cast<const char*>(tag);
    return plain ? "?" : "!";
  };
  // Where a node stands: yaml-cpp marks an empty value at the next token,
  // libyaml where the value would be; the reader places an empty map value
  // after its key's colon whatever the mark, but other empty nodes (a list
  // item, a key) by the mark: those are left to yaml-cpp. So are a flow
  // map's key without a value ("{a, b}") and a collection as a key, which
  // yaml-cpp may take for a syntax error.
  struct Level {
    bool map;
    bool flow;
    bool value_next;
  };
  std::vector<Level> levels;
  auto place = [&levels]() {  // true for a map value; moves the map on
    if (levels.empty() || !levels.back().map) return false;
    const bool value = levels.back().value_next;
    levels.back().value_next = !value;
    return value;
  };
  auto key_place = [&levels]() { return !levels.empty() && levels.back().map && !levels.back().value_next; };
  bool ok = false, nodes = false, first_read = false;
  for (bool done = false; !done;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) {
      ok = false;
      break;
    }
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (reader) reader->OnDocumentStart(mark(e.start_mark));
        break;
      case YAML_DOCUMENT_END_EVENT:
        if (!first_read) ok = nodes;
        first_read = true;
        if (reader) reader->OnDocumentEnd();
        reader = nullptr;  // the rest of the stream is only checked
        break;
      case YAML_STREAM_END_EVENT:
        done = true;
        break;
      case YAML_ALIAS_EVENT: {
        nodes = true;
        place();
        const auto it = anchors.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors.end()) {  // yaml-cpp's error to give
          ok = false;
          done = true;
          break;
        }
        if (reader) reader->OnAlias(mark(e.start_mark), it->second);
        break;
      }
      case YAML_SCALAR_EVENT: {
        nodes = true;
        const auto& s = e.data.scalar;
        const std::string value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        const YAML::anchor_t anchor = define(s.anchor);
        const bool map_value = place();
        // An empty list item, key or document (tagged or not), an empty
        // value in a flow map, and the non-specific tag "!" written out:
        // left to yaml-cpp.
        if ((plain && value.empty() && (!map_value || levels.back().flow)) ||
            (s.tag != nullptr && std::string_view(reinterpret_cast<const char*>(s.tag)) == "!")) {
          ok = false;
          done = true;
          break;
        }
        if (!reader) break;
        if (plain && s.tag == nullptr && value.empty()) {
          // An empty map value: yaml-cpp marks the next token (which the
          // reader reads as the null's spelling when it is one, "~").
          YAML::Mark next = mark(e.start_mark);
          next.pos = static_cast<int>(NextToken(text, e.start_mark.index));
          reader->OnNull(next, anchor);
        } else if (plain && s.tag == nullptr &&
                   (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
          reader->OnNull(mark(e.start_mark), anchor);
        } else {
          reader->OnScalar(mark(e.start_mark), tag_of(s.tag, plain), anchor, value);
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        nodes = true;
        const bool is_map = e.type == YAML_MAPPING_START_EVENT;
        const yaml_char_t* anchor_name = is_map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
        const yaml_char_t* tag = is_map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
        const bool flow = is_map ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                 : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        const YAML::anchor_t anchor = define(anchor_name);
        if (key_place()) {
          ok = false;
          done = true;
          break;
        }
        place();
        levels.push_back(Level{is_map, flow, false});
        if (!reader) break;
        const auto style = flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
        if (is_map) {
          reader->OnMapStart(mark(e.start_mark), tag_of(tag, true), anchor, style);
        } else {
          reader->OnSequenceStart(mark(e.start_mark), tag_of(tag, true), anchor, style);
        }
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
        if (!levels.empty()) levels.pop_back();
        if (reader) reader->OnSequenceEnd();
        break;
      case YAML_MAPPING_END_EVENT:
        if (!levels.empty()) levels.pop_back();
        if (reader) reader->OnMapEnd();
        break;
      default:
        break;
    }
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  return ok;
}

// Plain ASCII (tabs and line feeds), no carriage return, no byte order mark.
bool LibyamlMayRead(std::string_view text) {
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u >= 0x7f) return false;
  }
  return true;
}

void Finish(const Reader& reader, Document* doc) {
  if (reader.fatal()) {
    doc->mutable_nodes().clear();
  } else if (reader.root() == kNoNode) {  // an empty file
    Node n;
    doc->mutable_nodes().push_back(n);
    doc->set_root(static_cast<uint32_t>(doc->mutable_nodes().size() - 1));
  } else {
    doc->set_root(reader.root());
  }
}

}  // namespace

bool ReadYamlWithLibyaml(std::string_view text, const ParseOptions& options, Document* doc) {
  if (!LibyamlMayRead(text) || yaml::CheckBeforeParse(text)) return false;
  Document read;
  Reader reader(text, options, &read);
  if (!LibyamlEvents(text, &reader)) return false;
  Finish(reader, &read);
  *doc = std::move(read);
  return true;
}

void ReadYamlWithYamlCpp(std::string_view text, const ParseOptions& options, Document* doc) {
  if (std::optional<yaml::Error> pre = yaml::CheckBeforeParse(text)) {
    doc->errors.push_back(Error{pre->range, pre->message});
    return;
  }
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    Reader reader(text, options, doc);
    // One document: a template is one, and a second would not be read by
    // CloudFormation either.
    parser.HandleNextDocument(reader);
    Finish(reader, doc);
  } catch (const YAML::Exception& e) {
    yaml::Error y = yaml::ErrorFromException(text, e);
    doc->errors.insert(doc->errors.begin(), Error{y.range, std::move(y.message)});
    doc->mutable_nodes().clear();
    doc->set_root(kNoNode);
  } catch (const std::exception&) {
    doc->errors.insert(doc->errors.begin(), Error{SourceRange{}, "could not read YAML"});
    doc->mutable_nodes().clear();
    doc->set_root(kNoNode);
  }
}

void ReadYaml(std::string_view text, const ParseOptions& options, Document* doc) {
  if (!ReadYamlWithLibyaml(text, options, doc)) ReadYamlWithYamlCpp(text, options, doc);
}

}  // namespace rdslint::cfn::internal
