// A parsed snippet with its scopes and evaluator, for the script tests.
#ifndef RDSLINT_TESTS_SCRIPT_SCRIPT_TEST_UTIL_H_
#define RDSLINT_TESTS_SCRIPT_SCRIPT_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "frontend/script/control.h"
#include "frontend/script/scopes.h"
#include "frontend/script/syntax_tree.h"
#include "frontend/script/values.h"

namespace rdslint::script {

class Script {
 public:
  Script(std::string text, Language language)
      : text_(std::move(text)), tree_(SyntaxTree::Parse(text_, language)), scopes_(tree_),
        eval_(tree_, scopes_) {}
  Script(const Script&) = delete;
  Script& operator=(const Script&) = delete;

  const SyntaxTree& tree() const { return tree_; }
  const ScopeIndex& scopes() const { return scopes_; }
  Evaluator& eval() { return eval_; }
  const std::string& text() const { return text_; }

  // The value of the last binding of `name` (module scope first).
  ValuePtr Value(std::string_view name) {
    const Binding* found = nullptr;
    for (const Binding& b : scopes_.bindings()) {
      if (b.name == name && (!found || b.statement.begin >= found->statement.begin)) found = &b;
    }
    if (!found) return nullptr;
    return eval_.ValueOf(*found);
  }

  // The smallest named node whose text is exactly `snippet`, of `type`
  // when given; the n-th one in source order.
  TSNode Find(std::string_view snippet, const char* type = nullptr, int nth = 0) {
    TSNode result{};
    int seen = 0;
    Walk(tree_.root(), [&](TSNode n, const std::vector<TSNode>&) {
      if (!ts_node_is_null(result)) return false;
      if (ts_node_is_named(n) && tree_.Text(n) == snippet && (!type || Is(n, type))) {
        if (seen++ == nth) {
          result = n;
          return false;
        }
      }
      return true;
    });
    return result;
  }

  uint32_t Offset(std::string_view snippet, size_t from = 0) const {
    return static_cast<uint32_t>(text_.find(snippet, from));
  }
  std::string_view Source(SourceRange r) const {
    return std::string_view(text_).substr(r.begin, r.size());
  }

 private:
  std::string text_;
  SyntaxTree tree_;
  ScopeIndex scopes_;
  Evaluator eval_;
};

}  // namespace rdslint::script

#endif  // RDSLINT_TESTS_SCRIPT_SCRIPT_TEST_UTIL_H_
