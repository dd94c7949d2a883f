// A script parsed by tree-sitter, and the few node helpers every walker uses.
// Trees are walked with explicit stacks (Walk below), never by recursion over
// the input's nesting, so a file of ten thousand nested brackets costs memory
// in proportion, not stack.
#ifndef RDSLINT_FRONTEND_SCRIPT_SYNTAX_TREE_H_
#define RDSLINT_FRONTEND_SCRIPT_SYNTAX_TREE_H_

#include <tree_sitter/api.h>

#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/script/grammars.h"

namespace rdslint::script {

struct SyntaxError {
  SourceRange range;
  std::string message;  // names tokens by kind, never quotes file content
};

class SyntaxTree {
 public:
  // Parses `text`, which must outlive the tree. Never fails: text that does
  // not parse keeps a tree with ERROR nodes (tree-sitter recovers), and the
  // problems are listed in errors(). Only a runtime that refuses the grammar
  // or a parse past the time limit leaves no tree (root() is null).
  static SyntaxTree Parse(std::string_view text, Language language);

  SyntaxTree(SyntaxTree&& other) noexcept;
  SyntaxTree& operator=(SyntaxTree&& other) noexcept;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;
  ~SyntaxTree();

  TSNode root() const;
  bool ok() const { return tree_ != nullptr; }
  std::string_view text() const { return text_; }
  Language language() const { return language_; }
  bool python() const { return language_ == Language::kPython; }
  // The first few syntax errors, in source order.
  const std::vector<SyntaxError>& errors() const { return errors_; }

  // Every node of the tree in pre-order, with where its subtree ends in the
  // list: the walkers read this instead of moving a tree cursor (a file is
  // walked four or five times, and a cursor step costs more than the visit).
  // Empty for a file over kListedNodesMaxBytes, whose walks use a cursor.
  struct ListedNode {
    TSNode node;
    uint32_t start;  // start byte, for finding a subtree's root
    uint32_t depth;
    uint32_t end;    // index one past the node's last descendant
  };
  static constexpr size_t kListedNodesMaxBytes = 1 << 20;
  const std::vector<ListedNode>& nodes() const { return nodes_; }

  std::string_view Text(TSNode n) const {
    if (ts_node_is_null(n)) return {};
    const uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return e <= text_.size() && b <= e ? text_.substr(b, e - b) : std::string_view();
  }

 private:
  SyntaxTree(std::string_view text, Language language) : text_(text), language_(language) {}
  void ListNodes();
  void FindErrors();

  std::string_view text_;
  Language language_;
  TSTree* tree_ = nullptr;
  std::vector<SyntaxError> errors_;
  std::vector<ListedNode> nodes_;
};

// --- Node helpers --------------------------------------------------------

namespace internal {
// Open addressing on the literal's address: node type and field names are
// string literals, a few hundred call sites, each asked for up to four
// grammars. The table must stay sparse: a full one (the first version had
// 1,024 entries for ~1,200 pairs) probes every entry on every call. The
// first probe is inline (Is() runs for every node of every walk); the rest
// is in NamedSymbolMissed / FieldIdMissed.
struct IdCacheEntry {
  const TSLanguage* language;
  const char* name;
  uint16_t id;
};
constexpr size_t kIdCacheBits = 13;
constexpr size_t kIdCacheSize = size_t{1} << kIdCacheBits;
// Function-local, zero-initialised: no per-access check for a dynamic
// initialiser, as an extern thread_local would need.
inline IdCacheEntry* SymbolCache() {
  static thread_local IdCacheEntry table[kIdCacheSize];
  return table;
}
inline IdCacheEntry* FieldCache() {
  static thread_local IdCacheEntry table[kIdCacheSize];
  return table;
}
inline size_t IdCacheSlot(const TSLanguage* language, const char* name) {
  const uint64_t key = reinterpret_cast<uintptr_t>(name) ^ (reinterpret_cast<uintptr_t>(language) << 17);
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kIdCacheBits));
}
TSSymbol NamedSymbolMissed(const TSLanguage* language, const char* type);
TSFieldId FieldIdMissed(const TSLanguage* language, const char* name);
// The entry of `name` at its first slot in `cache`, or null (then the
// out-of-line probe finds or fills one).
template <IdCacheEntry* (*cache)()>
__attribute__((always_inline)) inline const IdCacheEntry* FirstProbe(const TSLanguage* language,
                                                                   const char* name) {
  const IdCacheEntry& e = cache()[IdCacheSlot(language, name)];
  return __builtin_expect(e.name == name && e.language == language, 1) ? &e : nullptr;
}
template <IdCacheEntry* (*cache)(), uint16_t (*missed)(const TSLanguage*, const char*)>
__attribute__((always_inline)) inline uint16_t CachedId(const TSLanguage* language, const char* name) {
  if (const IdCacheEntry* e = FirstProbe<cache>(language, name)) return e->id;
  return missed(language, name);
}
}  // namespace internal

// The symbol of a named node type in a language (0 when it has none),
// cached per thread: comparing symbols is much cheaper than comparing
// names. `type` must be a string literal (the cache is keyed by its
// address).
inline TSSymbol NamedSymbol(const TSLanguage* language, const char* type) {
  return internal::CachedId<internal::SymbolCache, internal::NamedSymbolMissed>(language, type);
}
// The id of a field name in a language (0 when it has none), cached the
// same way (tree-sitter looks a name up by comparing it with every field's).
// `name` must be a string literal.
inline TSFieldId FieldId(const TSLanguage* language, const char* name) {
  return internal::CachedId<internal::FieldCache, internal::FieldIdMissed>(language, name);
}

// A null node's id is null (the runtime's own test, inlined: it runs for
// every node of every walk).
inline bool IsNull(TSNode n) { return n.id == nullptr; }

// One node tested against many types (a visitor's chain of `is("...")`):
// its symbol and grammar are read once, not at every test.
class NodeKind {
 public:
  explicit NodeKind(TSNode n)
      : symbol_(IsNull(n) ? 0 : ts_node_symbol(n)), language_(IsNull(n) ? nullptr : ts_tree_language(n.tree)) {}
  // Inlined into the visitors' chains of tests; a miss is a tail call, so
  // the common path saves no registers (NamedSymbol here cost 8 % more).
  __attribute__((always_inline)) bool operator()(const char* type) const {
    if (!language_) return false;
    if (const internal::IdCacheEntry* e = internal::FirstProbe<internal::SymbolCache>(language_, type)) {
      return e->id != 0 && e->id == symbol_;
    }
    return Missed(type);
  }

 private:
  __attribute__((noinline)) bool Missed(const char* type) const;
  TSSymbol symbol_;
  const TSLanguage* language_;
};

// One test: the node's symbol is read only when the grammar has the type
// (a NodeKind reads it up front, for a chain).
inline bool Is(TSNode n, const char* type) {
  if (IsNull(n)) return false;
  const TSSymbol symbol = NamedSymbol(ts_tree_language(n.tree), type);
  return symbol != 0 && ts_node_symbol(n) == symbol;
}

// A call in either grammar family: JavaScript's call_expression, Python's
// call. The NodeKind form is inlined into the visitors' chains, as its tests
// are (called, it cost a visitor's walk 1 % more).
__attribute__((always_inline)) inline bool IsCall(const NodeKind& is) {
  return is("call_expression") || is("call");
}
inline bool IsCall(TSNode n) { return Is(n, "call_expression") || Is(n, "call"); }

// Null-safe: the 0.20 runtime dereferences a null node, and optional fields
// (a `new X` without arguments) are null.
inline TSNode Field(TSNode n, const char* name) {
  if (IsNull(n)) return n;
  return ts_node_child_by_field_id(n, FieldId(ts_tree_language(n.tree), name));
}
inline SourceRange RangeOf(TSNode n) {
  if (ts_node_is_null(n)) return SourceRange{};
  return SourceRange{ts_node_start_byte(n), ts_node_end_byte(n)};
}
inline bool SameNode(TSNode a, TSNode b) { return ts_node_eq(a, b); }
// The named children of a node (none for a null node).
std::vector<TSNode> NamedChildren(TSNode n);
// The first named child, or a null node.
TSNode FirstNamedChild(TSNode n);

// Pre-order walk with an explicit stack. `visit(node, ancestors)` sees the
// node and its ancestors (outermost first); it returns false to skip the
// node's children.
void Walk(TSNode root,
          const std::function<bool(TSNode node, const std::vector<TSNode>& ancestors)>& visit);

// The same walk over a node of `tree` (its root or any node below), read
// from the tree's node list when it has one.
template <typename Visit>
void Walk(const SyntaxTree& tree, TSNode root, Visit&& visit);

namespace internal {
// The index of `root` in `tree.nodes()`, or -1.
int64_t ListedIndex(const SyntaxTree& tree, TSNode root);
}  // namespace internal

template <typename Visit>
void Walk(const SyntaxTree& tree, TSNode root, Visit&& visit) {
  const int64_t first = IsNull(root) ? -1 : internal::ListedIndex(tree, root);
  if (first < 0) {
    Walk(root, visit);
    return;
  }
  const std::vector<SyntaxTree::ListedNode>& nodes = tree.nodes();
  const size_t stop = nodes[first].end;
  const uint32_t base = nodes[first].depth;
  std::vector<TSNode> ancestors;
  for (size_t i = first; i < stop;) {
    const SyntaxTree::ListedNode& n = nodes[i];
    ancestors.resize(n.depth - base);  // only ever shrinks here
    if (visit(n.node, static_cast<const std::vector<TSNode>&>(ancestors)) && n.end > i + 1) {
      ancestors.push_back(n.node);
      ++i;
    } else {
      i = n.end;
    }
  }
}

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_SYNTAX_TREE_H_
