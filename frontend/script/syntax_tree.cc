#include "frontend/script/syntax_tree.h"

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
  tree.FindErrors();
  return tree;
}

SyntaxTree::SyntaxTree(SyntaxTree&& other) noexcept
    : text_(other.text_), language_(other.language_), tree_(other.tree_),
      errors_(std::move(other.errors_)) {
  other.tree_ = nullptr;
}

SyntaxTree& SyntaxTree::operator=(SyntaxTree&& other) noexcept {
  if (this != &other) {
    if (tree_) ts_tree_delete(tree_);
    text_ = other.text_;
    language_ = other.language_;
    tree_ = other.tree_;
    errors_ = std::move(other.errors_);
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
  Walk(root, [&](TSNode n, const std::vector<TSNode>&) {
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

TSSymbol NamedSymbol(const TSLanguage* language, const char* type) {
  // Open addressing on the literal's address: node type names are string
  // literals, so a few hundred entries cover every call site.
  struct Entry {
    const TSLanguage* language;
    const char* type;
    TSSymbol symbol;
  };
  constexpr size_t kSize = 1024;
  thread_local Entry table[kSize] = {};
  const size_t h = (reinterpret_cast<uintptr_t>(type) >> 3) ^ (reinterpret_cast<uintptr_t>(language) >> 6);
  for (size_t i = 0; i < kSize; ++i) {
    Entry& e = table[(h + i) % kSize];
    if (e.type == type && e.language == language) return e.symbol;
    if (!e.type) {
      e = Entry{language, type,
                ts_language_symbol_for_name(language, type, static_cast<uint32_t>(std::strlen(type)), true)};
      return e.symbol;
    }
  }
  return ts_language_symbol_for_name(language, type, static_cast<uint32_t>(std::strlen(type)), true);
}

std::vector<TSNode> NamedChildren(TSNode n) {
  std::vector<TSNode> out;
  if (ts_node_is_null(n)) return out;
  const uint32_t count = ts_node_named_child_count(n);
  out.reserve(count);
  for (uint32_t i = 0; i < count; ++i) out.push_back(ts_node_named_child(n, i));
  return out;
}

TSNode FirstNamedChild(TSNode n) {
  if (ts_node_is_null(n) || ts_node_named_child_count(n) == 0) return TSNode{};
  return ts_node_named_child(n, 0);
}

void Walk(TSNode root,
          const std::function<bool(TSNode node, const std::vector<TSNode>& ancestors)>& visit) {
  if (ts_node_is_null(root)) return;
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
