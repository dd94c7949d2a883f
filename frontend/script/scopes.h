// Names and what they are bound to, within one file: functions (with their
// parameters), const/let/var and Python assignments, imports (as qualified
// names: `import { Pool } from "pg"` binds Pool to "pg.Pool"), destructuring.
// Enough for the light dataflow of the code rules; not a type checker.
#ifndef RDSLINT_FRONTEND_SCRIPT_SCOPES_H_
#define RDSLINT_FRONTEND_SCRIPT_SCOPES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/script/syntax_tree.h"

namespace rdslint::script {

inline constexpr int kModuleScope = -1;

struct FunctionInfo {
  TSNode node{};
  TSNode body{};          // statement_block, block, or an arrow's expression
  std::string name;       // "getPrisma", "handler", "exports.handler"; "" when anonymous
  int parent = kModuleScope;  // the enclosing function
  SourceRange range;
  std::vector<std::string> decorators;  // Python: decorators as written ("functools.lru_cache(maxsize=1)")
  std::vector<std::string> globals;     // Python: names declared global / nonlocal
};

enum class BindingKind {
  kConst,      // const, or a Python module constant assigned once
  kLet,        // let / var without or with a value
  kParam,
  kFunction,   // a function or class declaration
  kImport,
  kAssign,     // x = value (also ??=, ||=)
  kAugment,    // x += value
  kOpaque,     // catch, for, with targets: bound to something unknown
};

struct PathStep {
  std::string key;   // property name; empty for an index
  int index = -1;    // array / tuple position
};

struct Binding {
  std::string name;
  SourceRange name_range;
  BindingKind kind = BindingKind::kOpaque;
  int scope = kModuleScope;  // the function the name lives in
  TSNode value{};            // initializer / right-hand side / function node
  std::vector<PathStep> path;  // from `value` to this name, for destructuring
  std::string qualified;     // kImport: "pg.Pool", "urllib.parse", "@prisma/client.PrismaClient"
  SourceRange statement;     // the declaration or assignment as a whole
  char op = 0;               // kAugment: '+', ...
  int function = -1;         // kFunction: index in functions()
};

// What a name at some place refers to.
struct Resolution {
  const Binding* binding = nullptr;  // the assignment whose value is read there
  int scope = kModuleScope;          // where the name lives
  bool declared = false;             // false: a global of the runtime (process, JSON, os...)
  bool mutable_value = false;        // several assignments reach the place: value unknown
};

class ScopeIndex {
 public:
  explicit ScopeIndex(const SyntaxTree& tree);

  const std::vector<FunctionInfo>& functions() const { return functions_; }
  const std::vector<Binding>& bindings() const { return bindings_; }

  // The innermost function containing `offset`, or kModuleScope.
  int FunctionAt(uint32_t offset) const;
  // Whether function `inner` is `outer` or nested in it.
  bool Within(int inner, int outer) const;

  Resolution Resolve(std::string_view name, uint32_t offset) const;
  // Every binding of a name in a scope (declarations and assignments), in
  // source order.
  std::vector<const Binding*> BindingsOf(std::string_view name, int scope) const;
  // The function a binding or name denotes, or -1.
  int FunctionNamed(std::string_view name, uint32_t offset) const;

 private:
  void Collect(const SyntaxTree& tree);
  void CollectAssignments(const SyntaxTree& tree);
  int DeclaringScope(std::string_view name, int from, bool python) const;
  void Add(Binding b);
  void BindPattern(const SyntaxTree& tree, TSNode pattern, Binding base, std::vector<PathStep> path);
  void BindPythonTarget(const SyntaxTree& tree, TSNode target, Binding base, std::vector<PathStep> path);

  std::vector<FunctionInfo> functions_;
  std::vector<uint32_t> function_starts_;  // sorted with functions_ (by start)
  std::vector<Binding> bindings_;
  std::vector<TSNode> pending_assignments_;  // found by Collect, bound by CollectAssignments
  std::map<std::pair<int, std::string>, std::vector<size_t>, std::less<>> index_;
  bool python_ = false;
};

// Text helpers shared by the script modules.
std::string CollapseSpace(std::string_view s, size_t max_len);

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_SCOPES_H_
