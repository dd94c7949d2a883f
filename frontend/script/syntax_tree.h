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

  std::string_view Text(TSNode n) const {
    if (ts_node_is_null(n)) return {};
    const uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return e <= text_.size() && b <= e ? text_.substr(b, e - b) : std::string_view();
  }

 private:
  SyntaxTree(std::string_view text, Language language) : text_(text), language_(language) {}
  void FindErrors();

  std::string_view text_;
  Language language_;
  TSTree* tree_ = nullptr;
  std::vector<SyntaxError> errors_;
};

// --- Node helpers --------------------------------------------------------

// The symbol of a named node type in a language (0 when it has none),
// cached per thread: Is() runs for every node of every walk, and comparing
// symbols is much cheaper than comparing names.
TSSymbol NamedSymbol(const TSLanguage* language, const char* type);

inline bool Is(TSNode n, const char* type) {
  if (ts_node_is_null(n)) return false;
  const TSSymbol symbol = NamedSymbol(ts_tree_language(n.tree), type);
  return symbol != 0 && ts_node_symbol(n) == symbol;
}
// Null-safe: the 0.20 runtime dereferences a null node, and optional fields
// (a `new X` without arguments) are null.
inline TSNode Field(TSNode n, const char* name) {
  if (ts_node_is_null(n)) return n;
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
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

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_SYNTAX_TREE_H_
