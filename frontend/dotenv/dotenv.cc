#include "frontend/dotenv/dotenv.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frontend/yaml/yaml_source.h"

namespace rdslint::dotenv {

static_assert(kMaxYamlNesting == yaml::kMaxNesting, "one nesting limit for every YAML reader");

namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsInlineSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
// Blanks that end a line's content; '\r' covers CRLF files.
bool IsBlank(char c) { return IsInlineSpace(c) || c == '\r'; }
bool IsKeyStart(char c) { return IsAlpha(c) || c == '_'; }
bool IsKeyChar(char c) { return IsKeyStart(c) || IsDigit(c) || c == '.' || c == '-'; }
bool IsShellNameChar(char c) { return IsKeyStart(c) || IsDigit(c); }

bool HasBom(std::string_view t) { return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF"; }

bool TooLarge(std::string_view t) {
  return t.size() >= std::numeric_limits<uint32_t>::max();
}

SourceRange Range(size_t b, size_t e) {
  return SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// Offset of the '\n' ending the line that holds `p`, or t.size().
size_t LineEnd(std::string_view t, size_t p) {
  if (p >= t.size()) return t.size();
  const void* nl = std::memchr(t.data() + p, '\n', t.size() - p);
  return nl ? static_cast<const char*>(nl) - t.data() : t.size();
}

size_t NextLine(std::string_view t, size_t p) {
  size_t e = LineEnd(t, p);
  return e < t.size() ? e + 1 : t.size();
}

void Push(MappedText* m, char c, size_t at) {
  m->text.push_back(c);
  m->offsets.push_back(static_cast<uint32_t>(at));
}

// ---------------------------------------------------------------------------
// .env files

class DotenvParser {
 public:
  explicit DotenvParser(std::string_view text)
      : t_(text), n_(text.size()), budget_(2 * text.size() + (size_t{1} << 20)) {}

  Document Run();

 private:
  // Parses the value at `v` (the first non-blank after '='). Returns where the
  // next line starts; *ok is false for an unterminated quote.
  size_t ParseValue(size_t v, size_t eol, Entry* e, std::vector<uint32_t>* literal_dollars,
                    bool* ok);
  size_t ParseQuoted(size_t v, Entry* e, std::vector<uint32_t>* literal_dollars, bool* ok);
  std::string Expand(const std::string& s, const std::vector<uint32_t>& literal_dollars);
  const std::string* Lookup(std::string_view name) const;
  // Substitutions draw on a per-file budget so that A=x, B=$A$A, C=$B$B, ...
  // cannot grow exponentially; past it, references stay as written.
  bool Spend(size_t bytes) {
    if (bytes > budget_) return false;
    budget_ -= bytes;
    return true;
  }
  void AddError(size_t b, size_t e, std::string msg) {
    doc_.errors.push_back(Error{Range(b, e), std::move(msg)});
  }

  std::string_view t_;
  size_t n_;
  size_t budget_;
  Document doc_;
  std::unordered_map<std::string, std::string> vars_;  // key -> expanded value
};

Document DotenvParser::Run() {
  size_t p = HasBom(t_) ? 3 : 0;
  // Room for one entry a line holding '=' (an upper bound), reserved up
  // front: a file of many short entries then costs one array, never the
  // old and the new array together while it grows. Unused room is never
  // touched, so it takes no memory.
  size_t lines_with_equals = 0;
  for (size_t q = p; q < n_;) {
    const size_t eol = LineEnd(t_, q);
    lines_with_equals += std::memchr(t_.data() + q, '=', eol - q) != nullptr;
    q = eol + 1;
  }
  doc_.entries.reserve(lines_with_equals);
  while (p < n_) {
    size_t eol = LineEnd(t_, p);
    size_t next = eol < n_ ? eol + 1 : n_;
    size_t q = p;
    while (q < eol && IsBlank(t_[q])) ++q;
    if (q == eol || t_[q] == '#') {  // blank line or full-line comment
      p = next;
      continue;
    }
    size_t content_end = eol;
    while (content_end > q && IsBlank(t_[content_end - 1])) --content_end;

    Entry e;
    size_t ks = q;
    if (t_.substr(q, 6) == "export" && q + 6 < eol && IsInlineSpace(t_[q + 6])) {
      size_t a = q + 6;
      while (a < eol && IsInlineSpace(t_[a])) ++a;
      // "export = 1" defines a key named export.
      if (a < eol && t_[a] != '=') {
        e.exported = true;
        ks = a;
      }
    }
    size_t ke = ks;
    while (ke < eol && t_[ke] != '=' && !IsBlank(t_[ke])) ++ke;
    size_t eq = ke;
    while (eq < eol && IsInlineSpace(t_[eq])) ++eq;
    if (eq >= eol || t_[eq] != '=') {
      AddError(q, content_end, "expected KEY=VALUE");
      p = next;
      continue;
    }
    bool key_ok = false;
    if (ks == ke) {
      AddError(eq, eq + 1, "missing key before '='");
    } else if (!IsKeyStart(t_[ks])) {
      AddError(ks, ke, "invalid key: a key must start with a letter or '_'");
    } else if (!std::all_of(t_.begin() + ks, t_.begin() + ke, IsKeyChar)) {
      AddError(ks, ke, "invalid key: a key may hold only letters, digits, '_', '.' and '-'");
    } else {
      key_ok = true;
    }
    size_t v = eq + 1;
    while (v < eol && IsInlineSpace(t_[v])) ++v;
    std::vector<uint32_t> literal_dollars;
    bool value_ok = true;
    // The value is read even after a bad key so that a multi-line quoted
    // value does not turn into one error per line.
    p = ParseValue(v, eol, &e, &literal_dollars, &value_ok);
    if (!key_ok || !value_ok) continue;

    e.key = std::string(t_.substr(ks, ke - ks));
    e.key_range = Range(ks, ke);
    if (e.quote == '\'' || e.quote == '`') {
      e.expanded = e.value.text;
    } else {
      e.expanded = Expand(e.value.text, literal_dollars);
    }
    vars_[e.key] = e.expanded;
    doc_.entries.push_back(std::move(e));
  }
  return std::move(doc_);
}

size_t DotenvParser::ParseValue(size_t v, size_t eol, Entry* e,
                                std::vector<uint32_t>* literal_dollars, bool* ok) {
  *ok = true;
  if (v < eol && (t_[v] == '"' || t_[v] == '\'' || t_[v] == '`')) {
    return ParseQuoted(v, e, literal_dollars, ok);
  }
  // Unquoted: an inline comment needs a blank before '#', so "p#ss" is a value.
  size_t end = eol;
  for (size_t i = v; i < eol; ++i) {
    if (t_[i] == '#' && IsBlank(t_[i - 1])) {  // t_[v - 1] is '=' or a blank
      end = i;
      break;
    }
  }
  while (end > v && IsBlank(t_[end - 1])) --end;
  e->value = MappedText::Verbatim(t_.substr(v, end - v), static_cast<uint32_t>(v));
  e->value_range = Range(v, end);
  e->quote = 0;
  return eol < n_ ? eol + 1 : n_;
}

// Scanning to the end of the file for a closing quote is linear overall: a
// failed scan from `c` proves there is no closing quote of that kind after
// `c`, and any later opening quote would have been one (an opening quote
// follows '=' or a blank, never a backslash), so each kind fails at most once.
size_t DotenvParser::ParseQuoted(size_t v, Entry* e, std::vector<uint32_t>* literal_dollars,
                                 bool* ok) {
  const char qc = t_[v];
  const size_t c = v + 1;
  MappedText m;
  size_t close = kNpos;
  if (qc != '"') {
    // Single quotes and backticks are literal.
    const void* f = c < n_ ? std::memchr(t_.data() + c, qc, n_ - c) : nullptr;
    if (f != nullptr) {
      close = static_cast<const char*>(f) - t_.data();
      m.text.reserve(close - c);
      m.offsets.reserve(close - c + 1);
      for (size_t i = c; i < close; ++i) {
        if (t_[i] == '\r' && i + 1 < close && t_[i + 1] == '\n') continue;  // CRLF -> LF
        Push(&m, t_[i], i);
      }
    }
  } else {
    size_t i = c;
    while (i < n_) {
      const char ch = t_[i];
      if (ch == '"') {
        close = i;
        break;
      }
      if (ch == '\\' && i + 1 < n_) {
        char out = 0;
        switch (t_[i + 1]) {
          case 'n': out = '\n'; break;
          case 'r': out = '\r'; break;
          case 't': out = '\t'; break;
          case '"': out = '"'; break;
          case '\\': out = '\\'; break;
          case '$': out = '$'; break;
          default: break;
        }
        if (out != 0) {
          // An escaped '$' must not start a reference when expanding.
          if (out == '$') literal_dollars->push_back(static_cast<uint32_t>(m.text.size()));
          Push(&m, out, i);
          i += 2;
          continue;
        }
        // Other escapes are kept as written.
      }
      if (ch == '\r' && i + 1 < n_ && t_[i + 1] == '\n') {
        Push(&m, '\n', i);  // CRLF -> LF; the LF maps to both bytes
        i += 2;
        continue;
      }
      Push(&m, ch, i);
      ++i;
    }
  }
  if (close == kNpos) {
    const char* what = qc == '"'    ? "unterminated double-quoted value"
                       : qc == '\'' ? "unterminated single-quoted value"
                                    : "unterminated backtick-quoted value";
    AddError(v, v + 1, what);
    *ok = false;
    return NextLine(t_, v);
  }
  m.offsets.push_back(static_cast<uint32_t>(close));
  e->value = std::move(m);
  e->value_range = Range(c, close);
  e->quote = qc;
  // Whatever follows the closing quote on its line (a comment, or stray
  // text) is ignored, as python-dotenv and compose do.
  return NextLine(t_, close);
}

const std::string* DotenvParser::Lookup(std::string_view name) const {
  auto it = vars_.find(std::string(name));
  return it == vars_.end() ? nullptr : &it->second;
}

std::string DotenvParser::Expand(const std::string& s,
                                 const std::vector<uint32_t>& literal_dollars) {
  if (s.find('$') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  size_t ld = 0;
  // The first '}' at or after a position, cached so that "${${${..." without
  // braces closing stays linear.
  size_t close_cache = 0;
  bool close_cached = false;
  auto find_close = [&](size_t from) {
    if (!close_cached || (close_cache != std::string::npos && close_cache < from)) {
      close_cache = s.find('}', from);
      close_cached = true;
    }
    return close_cache;
  };
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (s[i] != '$') {
      out.push_back(s[i++]);
      continue;
    }
    while (ld < literal_dollars.size() && literal_dollars[ld] < i) ++ld;
    if (ld < literal_dollars.size() && literal_dollars[ld] == i) {  // was "\$"
      out.push_back('$');
      ++i;
      continue;
    }
    if (i + 1 < n && s[i + 1] == '$') {  // "$$" is compose's escape: keep, don't expand
      out.append("$$");
      i += 2;
      continue;
    }
    if (i + 1 < n && s[i + 1] == '{') {
      const size_t b = i + 2;
      size_t k = b;
      if (k < n && IsKeyStart(s[k])) {
        ++k;
        while (k < n && (IsShellNameChar(s[k]) || s[k] == '.')) ++k;
      }
      if (k == b || k >= n) {
        out.push_back('$');
        ++i;
        continue;
      }
      const std::string* val = Lookup(std::string_view(s).substr(b, k - b));
      if (s[k] == '}') {
        if (val != nullptr && Spend(val->size())) {
          out.append(*val);
        } else {
          out.append(s, i, k + 1 - i);
        }
        i = k + 1;
        continue;
      }
      const bool colon = s[k] == ':';
      const size_t op = colon ? k + 1 : k;
      if (op < n && s[op] == '-') {  // ${VAR:-default} / ${VAR-default}
        const size_t close = find_close(op + 1);
        if (close != std::string::npos) {
          const bool use_var = val != nullptr && !(colon && val->empty());
          if (!use_var) {
            out.append(s, op + 1, close - op - 1);  // the default is literal
          } else if (Spend(val->size())) {
            out.append(*val);
          } else {
            out.append(s, i, close + 1 - i);
          }
          i = close + 1;
          continue;
        }
      }
      // Other operators (:?, :+) are left as written.
      out.push_back('$');
      ++i;
      continue;
    }
    if (i + 1 < n && IsKeyStart(s[i + 1])) {
      size_t k = i + 2;
      while (k < n && IsShellNameChar(s[k])) ++k;
      const std::string* val = Lookup(std::string_view(s).substr(i + 1, k - i - 1));
      if (val != nullptr && Spend(val->size())) {
        out.append(*val);
      } else {
        out.append(s, i, k - i);
      }
      i = k;
      continue;
    }
    out.push_back('$');
    ++i;
  }
  return out;
}

MappedText Slice(const MappedText& m, size_t b, size_t e) {
  MappedText r;
  r.text = m.text.substr(b, e - b);
  r.offsets.assign(m.offsets.begin() + b, m.offsets.begin() + e + 1);
  return r;
}

MappedText EmptyAt(size_t at) {
  MappedText m;
  m.offsets.push_back(static_cast<uint32_t>(at));
  return m;
}

// Loads `text`, or reports why it cannot be read.
bool LoadYaml(std::string_view text, YAML::Node* root, Error* err) {
  if (std::optional<yaml::Error> pre = yaml::CheckBeforeParse(text)) {
    *err = Error{pre->range, std::move(pre->message)};
    return false;
  }
  try {
    *root = YAML::Load(std::string(text));
    return true;
  } catch (const YAML::Exception& e) {
    yaml::Error y = yaml::ErrorFromException(text, e);
    *err = Error{y.range, std::move(y.message)};
  } catch (const std::exception&) {
    *err = Error{SourceRange{}, "could not read YAML"};
  }
  return false;
}

// The value of `services` in a compose file, or a null node.
YAML::Node FindServices(const YAML::Node& root) {
  if (!root.IsMap()) return YAML::Node();
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == "services" && it->second.IsMap()) {
      return it->second;
    }
  }
  return YAML::Node();
}

bool IsMergeKey(const YAML::Node& k) {
  return k.IsScalar() && k.Scalar() == "<<" && k.Tag() == "?";
}

class ComposeReader {
 public:
  ComposeReader(std::string_view text, Document* doc)
      : t_(text),
        bom_(HasBom(text) ? 3 : 0),
        doc_(doc),
        budget_(4 * text.size() + (size_t{1} << 20)) {}

  void ReadService(const YAML::Node& svc, int depth);

 private:
  static constexpr int kMaxMergeDepth = 8;

  void ReadEnvironment(const YAML::Node& env, int depth);
  void AddMapEntry(const YAML::Node& k, const YAML::Node& v);
  void AddListEntry(const YAML::Node& item);
  MappedText Map(const YAML::Node& scalar, char* quote);
  size_t Pos(const YAML::Node& n) const {
    const int p = n.Mark().pos;
    return p < 0 ? 0 : std::min(static_cast<size_t>(p) + bom_, t_.size());
  }
  // Aliases share their node, so each map or sequence is read once however
  // often it is referenced (no alias bombs); a node is known by its start.
  bool FirstVisit(const YAML::Node& n) {
    return seen_.insert({n.Mark().pos, static_cast<int>(n.Type())}).second;
  }
  // Aliased scalars can still repeat a long value many times.
  bool Spend(size_t bytes) {
    if (exhausted_ || bytes > budget_) {
      if (!exhausted_) {
        doc_->errors.push_back(Error{SourceRange{}, "environment too large after alias expansion"});
      }
      exhausted_ = true;
      return false;
    }
    budget_ -= bytes;
    return true;
  }

  std::string_view t_;
  size_t bom_;
  Document* doc_;
  size_t budget_;
  bool exhausted_ = false;
  std::set<std::pair<int, int>> seen_;
  // Mapped scalars by mark: an alias repeated many times is walked once
  // (a short value can sit behind a long run of blank lines).
  std::unordered_map<int, std::pair<MappedText, char>> mapped_;
};

MappedText ComposeReader::Map(const YAML::Node& scalar, char* quote) {
  const int pos = scalar.Mark().pos;
  auto it = mapped_.find(pos);
  if (it != mapped_.end() && it->second.first.text == scalar.Scalar()) {
    *quote = it->second.second;
    return it->second.first;
  }
  MappedText m = yaml::MapScalar(t_, Pos(scalar), scalar.Scalar(), quote);
  mapped_[pos] = {m, *quote};
  return m;
}

void ComposeReader::ReadService(const YAML::Node& svc, int depth) {
  if (!svc.IsMap() || !FirstVisit(svc)) return;
  for (auto it = svc.begin(); it != svc.end(); ++it) {
    // Copies: it-> yields a temporary proxy, a reference would dangle.
    const YAML::Node k = it->first;
    const YAML::Node v = it->second;
    if (k.IsScalar() && k.Scalar() == "environment") {
      ReadEnvironment(v, 0);
    } else if (IsMergeKey(k) && depth < kMaxMergeDepth) {  // <<: *defaults
      if (v.IsMap()) ReadService(v, depth + 1);
      if (v.IsSequence()) {
        for (const YAML::Node& m : v) ReadService(m, depth + 1);
      }
    }
  }
}

void ComposeReader::ReadEnvironment(const YAML::Node& env, int depth) {
  if (!(env.IsMap() || env.IsSequence()) || !FirstVisit(env)) return;
  if (env.IsSequence()) {
    for (const YAML::Node& item : env) {
      if (exhausted_) return;
      if (item.IsScalar()) AddListEntry(item);
    }
    return;
  }
  for (auto it = env.begin(); it != env.end(); ++it) {
    if (exhausted_) return;
    const YAML::Node k = it->first;
    const YAML::Node v = it->second;
    if (IsMergeKey(k) && (v.IsMap() || v.IsSequence())) {
      // Merged entries are reported where the "<<" is, once each.
      if (depth >= kMaxMergeDepth) continue;
      if (v.IsMap()) ReadEnvironment(v, depth + 1);
      if (v.IsSequence()) {
        for (const YAML::Node& m : v) {
          if (m.IsMap()) ReadEnvironment(m, depth + 1);
        }
      }
      continue;
    }
    if (k.IsScalar() && (v.IsScalar() || v.IsNull())) AddMapEntry(k, v);
  }
}

void ComposeReader::AddMapEntry(const YAML::Node& k, const YAML::Node& v) {
  const std::string& key = k.Scalar();
  const std::string& val = v.IsScalar() ? v.Scalar() : std::string();
  if (key.empty() || !Spend(key.size() + val.size())) return;
  Entry e;
  char key_quote = 0;
  MappedText km = Map(k, &key_quote);
  e.key = key;
  e.key_range = km.ToSource(0, static_cast<uint32_t>(key.size()));
  if (v.IsScalar()) {
    e.value = Map(v, &e.quote);
  } else {
    // "KEY:" or "KEY: null". The mark of an empty node is the next token, so
    // place the empty value just after the colon unless a null token is there.
    e.inherited = true;
    size_t at = std::min<size_t>(e.key_range.end + (key_quote != 0 ? 1 : 0), t_.size());
    const size_t eol = LineEnd(t_, at);
    size_t colon = at;
    while (colon < eol && (t_[colon] == ' ' || t_[colon] == '\t')) ++colon;
    if (colon < eol && t_[colon] == ':') {
      at = colon + 1;
      size_t tok = at;
      while (tok < eol && (t_[tok] == ' ' || t_[tok] == '\t')) ++tok;
      if (tok == Pos(v)) at = tok;
    }
    e.value = EmptyAt(at);
  }
  e.value_range = e.value.ToSource(0, static_cast<uint32_t>(e.value.text.size()));
  e.expanded = e.value.text;
  doc_->entries.push_back(std::move(e));
}

void ComposeReader::AddListEntry(const YAML::Node& item) {
  const std::string& s = item.Scalar();
  if (s.empty() || !Spend(s.size())) return;
  char quote = 0;
  MappedText m = Map(item, &quote);
  Entry e;
  e.quote = quote;
  const size_t eq = s.find('=');
  if (eq == 0) return;  // "=value" names nothing
  if (eq == std::string::npos) {  // "- KEY": taken from the host
    e.key = s;
    e.key_range = m.ToSource(0, static_cast<uint32_t>(s.size()));
    e.inherited = true;
    e.value = EmptyAt(e.key_range.end);
  } else {
    e.key = s.substr(0, eq);
    e.key_range = m.ToSource(0, static_cast<uint32_t>(eq));
    e.value = Slice(m, eq + 1, s.size());
  }
  e.value_range = e.value.ToSource(0, static_cast<uint32_t>(e.value.text.size()));
  e.expanded = e.value.text;
  doc_->entries.push_back(std::move(e));
}

}  // namespace

Document ParseDotenv(std::string_view text) {
  if (TooLarge(text)) {
    Document doc;
    doc.errors.push_back(Error{SourceRange{}, "file too large"});
    return doc;
  }
  try {
    return DotenvParser(text).Run();
  } catch (const std::exception&) {  // only allocation can throw here
    Document doc;
    doc.errors.push_back(Error{SourceRange{}, "out of memory reading file"});
    return doc;
  }
}

Document ParseComposeEnvironment(std::string_view text) {
  Document doc;
  Error err;
  YAML::Node root;
  if (!LoadYaml(text, &root, &err)) {
    doc.errors.push_back(std::move(err));
    return doc;
  }
  try {
    const YAML::Node services = FindServices(root);
    if (!services.IsMap()) return doc;
    ComposeReader reader(text, &doc);
    for (auto it = services.begin(); it != services.end(); ++it) {
      reader.ReadService(it->second, 0);
    }
  } catch (const std::exception&) {
    doc.errors.push_back(Error{SourceRange{}, "could not read the compose file"});
  }
  return doc;
}

std::vector<std::string> ComposeServiceNames(std::string_view text) {
  std::vector<std::string> names;
  Error err;
  YAML::Node root;
  if (!LoadYaml(text, &root, &err)) return names;
  try {
    const YAML::Node services = FindServices(root);
    if (!services.IsMap()) return names;
    for (auto it = services.begin(); it != services.end(); ++it) {
      if (it->first.IsScalar()) names.push_back(it->first.Scalar());
    }
  } catch (const std::exception&) {
    names.clear();
  }
  return names;
}

}  // namespace rdslint::dotenv
