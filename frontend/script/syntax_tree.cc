#include "frontend/script/syntax_tree.h"

#include <algorithm>
#include <chrono>
#include <memory>

namespace rdslint::script {
namespace {

// tree-sitter parses about 5 MB/s, but its error recovery can take seconds
// on a small broken file (a 1.5 KB one the fuzzer found took 10 s): past this
// limit, half a second plus a microsecond a byte (1 MB/s), the file is
// reported as not parsed instead of holding up a pre-commit hook.
uint64_t ParseTimeoutMicros(size_t size) { return 500'000 + size; }
constexpr size_t kMaxErrors = 8;

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

// One parser per thread, reused across files.
TSParser* ThreadParser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  return parser.get();
}

bool IsErrorNode(TSNode n) { return std::strcmp(ts_node_type(n), "ERROR") == 0; }

// "unexpected ')'" for punctuation and keywords (grammar tokens, never file
// content); a named token is described by its kind ("string", "identifier").
std::string Describe(TSNode error, std::string_view text) {
  TSNode first = error;
  while (ts_node_child_count(first) > 0) first = ts_node_child(first, 0);
  if (IsErrorNode(first) || ts_node_start_byte(first) >= ts_node_end_byte(first)) {
    return "unexpected input";
  }
  if (ts_node_is_named(first)) return std::string("unexpected ") + ts_node_type(first);
  return std::string("unexpected '") + ts_node_type(first) + "'";
}

}  // namespace

SyntaxTree SyntaxTree::Parse(std::string_view text, Language language) {
  SyntaxTree tree(text, language);
  TSParser* parser = ThreadParser();
  if (!ts_parser_set_language(parser, Grammar(language))) {
    tree.errors_.push_back(SyntaxError{SourceRange{}, GrammarAbiProblem(language)});
    return tree;
  }
  // tree-sitter 0.20 sometimes halts well before its timeout on a loaded
  // machine (a 50 ms parse stopped after 20 ms): a halted parse resumes where
  // it stopped, with what is left of our own budget, until that is spent.
  const auto start = std::chrono::steady_clock::now();
  const uint64_t budget = ParseTimeoutMicros(text.size());
  for (;;) {
    const uint64_t spent = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                     std::chrono::steady_clock::now() - start)
                                                     .count());
    if (spent >= budget) break;
    ts_parser_set_timeout_micros(parser, budget - spent);
    tree.tree_ = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    if (tree.tree_) break;
  }
  if (!tree.tree_) {
    ts_parser_reset(parser);
    tree.errors_.push_back(SyntaxError{SourceRange{}, "the " + std::string(LanguageName(language)) +
                                                          " parser gave up (time limit)"});
    return tree;
  }
  if (text.size() <= kListedNodesMaxBytes) tree.ListNodes();
  tree.FindErrors();
  return tree;
}

void SyntaxTree::ListNodes() {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree_));
  std::vector<size_t> open;  // indices of the nodes whose subtrees are being listed
  for (;;) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    open.push_back(nodes_.size());
    nodes_.push_back(ListedNode{n, ts_node_start_byte(n), static_cast<uint32_t>(open.size() - 1), 0});
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    // A leaf: close it, and every ancestor without a next sibling.
    for (;;) {
      nodes_[open.back()].end = static_cast<uint32_t>(nodes_.size());
      open.pop_back();
      if (open.empty()) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      ts_tree_cursor_goto_parent(&cursor);
    }
  }
}

SyntaxTree::SyntaxTree(SyntaxTree&& other) noexcept
    : text_(other.text_), language_(other.language_), tree_(other.tree_),
      errors_(std::move(other.errors_)), nodes_(std::move(other.nodes_)) {
  other.tree_ = nullptr;
}

SyntaxTree& SyntaxTree::operator=(SyntaxTree&& other) noexcept {
  if (this != &other) {
    if (tree_) ts_tree_delete(tree_);
    text_ = other.text_;
    language_ = other.language_;
    tree_ = other.tree_;
    errors_ = std::move(other.errors_);
    nodes_ = std::move(other.nodes_);
    other.tree_ = nullptr;
  }
  return *this;
}

SyntaxTree::~SyntaxTree() {
  if (tree_) ts_tree_delete(tree_);
}

TSNode SyntaxTree::root() const {
  if (!tree_) return TSNode{};
  return ts_tree_root_node(tree_);
}

void SyntaxTree::FindErrors() {
  const TSNode root = ts_tree_root_node(tree_);
  if (!ts_node_has_error(root)) return;
  const std::string lang(LanguageName(language_));
  Walk(*this, root, [&](TSNode n, const std::vector<TSNode>&) {
    if (errors_.size() >= kMaxErrors) return false;
    if (ts_node_is_missing(n)) {
      // An inserted zero-width token: point at where it belongs.
      errors_.push_back(SyntaxError{RangeOf(n), lang + " syntax error: missing " +
                                                    (ts_node_is_named(n)
                                                         ? std::string(ts_node_type(n))
                                                         : "'" + std::string(ts_node_type(n)) + "'")});
      return false;
    }
    if (IsErrorNode(n)) {
      errors_.push_back(SyntaxError{RangeOf(n), lang + " syntax error: " + Describe(n, text_)});
      return false;
    }
    return ts_node_has_error(n);
  });
}

namespace {

// Every probe after the first (inline in the header), filling the slot on
// a miss.
template <uint16_t (*Resolve)(const TSLanguage*, const char*)>
uint16_t Probe(internal::IdCacheEntry* table, const TSLanguage* language, const char* name) {
  const size_t h = internal::IdCacheSlot(language, name);
  for (size_t i = 0; i < internal::kIdCacheSize; ++i) {
    internal::IdCacheEntry& e = table[(h + i) & (internal::kIdCacheSize - 1)];
    if (e.name == name && e.language == language) return e.id;
    if (!e.name) {
      e = internal::IdCacheEntry{language, name, Resolve(language, name)};
      return e.id;
    }
  }
  return Resolve(language, name);
}

uint16_t SymbolForName(const TSLanguage* language, const char* type) {
  return ts_language_symbol_for_name(language, type, static_cast<uint32_t>(std::strlen(type)), true);
}

uint16_t FieldForName(const TSLanguage* language, const char* name) {
  return ts_language_field_id_for_name(language, name, static_cast<uint32_t>(std::strlen(name)));
}

}  // namespace

namespace internal {

TSSymbol NamedSymbolMissed(const TSLanguage* language, const char* type) {
  return Probe<SymbolForName>(SymbolCache(), language, type);
}

TSFieldId FieldIdMissed(const TSLanguage* language, const char* name) {
  return Probe<FieldForName>(FieldCache(), language, name);
}

}  // namespace internal

bool NodeKind::Missed(const char* type) const {
  const TSSymbol symbol = internal::NamedSymbolMissed(language_, type);
  return symbol != 0 && symbol == symbol_;
}

std::vector<TSNode> NamedChildren(TSNode n) {
  std::vector<TSNode> out;
  if (IsNull(n)) return out;
  const uint32_t count = ts_node_named_child_count(n);
  out.reserve(count);
  for (uint32_t i = 0; i < count; ++i) out.push_back(ts_node_named_child(n, i));
  return out;
}

TSNode FirstNamedChild(TSNode n) {
  if (IsNull(n) || ts_node_named_child_count(n) == 0) return TSNode{};
  return ts_node_named_child(n, 0);
}

namespace internal {

int64_t ListedIndex(const SyntaxTree& tree, TSNode root) {
  const std::vector<SyntaxTree::ListedNode>& nodes = tree.nodes();
  if (nodes.empty() || root.tree != nodes.front().node.tree) return -1;
  const uint32_t start = ts_node_start_byte(root);
  auto it = std::lower_bound(nodes.begin(), nodes.end(), start,
                             [](const SyntaxTree::ListedNode& n, uint32_t s) { return n.start < s; });
  for (; it != nodes.end() && it->start == start; ++it) {
    if (ts_node_eq(it->node, root)) return it - nodes.begin();
  }
  return -1;
}

}  // namespace internal

void Walk(TSNode root,
          const std::function<bool(TSNode node, const std::vector<TSNode>& ancestors)>& visit) {
  if (IsNull(root)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::vector<TSNode> ancestors;
  bool descend = visit(root, ancestors);
  for (;;) {
    if (descend) {
      TSNode current = ts_tree_cursor_current_node(&cursor);
      if (ts_tree_cursor_goto_first_child(&cursor)) {
        ancestors.push_back(current);
        descend = visit(ts_tree_cursor_current_node(&cursor), ancestors);
        continue;
      }
    }
    // Next sibling, else climb until an ancestor has one.
    for (;;) {
      if (ancestors.empty()) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = visit(ts_tree_cursor_current_node(&cursor), ancestors);
        break;
      }
      ts_tree_cursor_goto_parent(&cursor);
      ancestors.pop_back();
    }
  }
}

}  // namespace rdslint::script
