// The AST matchers of the cpp pack, written once for both adapters: rdslint
// runs them inside its own FrontendAction (checks/cpp/analyzer.cc), the
// clang-tidy plugin from its checks' registerMatchers (tools/rdslint-tidy).
// They record the nodes that matter during the traversal; Finish() then
// evaluates connection strings and follows credentials, and returns one
// CppFile per source file, for the checks in checks/cpp/*.cc.
#ifndef RDSLINT_CHECKS_CPP_COLLECTOR_H_
#define RDSLINT_CHECKS_CPP_COLLECTOR_H_

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "checks/cpp/cpp_file.h"
#include "checks/cpp/evaluator.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace rdslint::cpp_ast {

class Collector {
 public:
  // `main_file_only`: rdslint lints one file at a time; clang-tidy also
  // reports in headers (as its -header-filter says).
  explicit Collector(bool main_file_only) : main_file_only_(main_file_only) {}

  // Adds the matchers to `finder`, with `callback` receiving their matches
  // (and forwarding them to OnMatch).
  void RegisterMatchers(clang::ast_matchers::MatchFinder* finder,
                        clang::ast_matchers::MatchFinder::MatchCallback* callback);
  void OnMatch(const clang::ast_matchers::MatchFinder::MatchResult& result);

  // After the traversal: the facts of each file that has any.
  std::vector<std::pair<clang::FileID, CppFile>> Finish(clang::ASTContext& context);

 private:
  struct Call {
    const clang::Expr* node;  // CallExpr or CXXConstructExpr
    std::string api;
  };

  void AddWrite(Write w);
  CppFile& FileFor(clang::FileID fid);
  void CollectConnection(clang::ASTContext& context, const Call& call);
  void CollectStores(clang::ASTContext& context);
  void CollectSecrets(clang::ASTContext& context);
  void CollectProjectCalls(clang::ASTContext& context);
  const clang::Expr* SecretIdOf(const clang::Expr* request, const clang::CallExpr* use,
                                const clang::SourceManager& sm) const;

  const bool main_file_only_;
  std::vector<Call> calls_;
  std::vector<const clang::VarDecl*> initialised_;
  // Environment reads, Secrets Manager reads and IAM tokens: the facts the
  // project rules join with the IaC graph.
  std::vector<const clang::CallExpr*> env_calls_;
  std::vector<const clang::CallExpr*> credential_calls_;
  WriteIndex writes_;
  std::set<const clang::Expr*> seen_writes_;
  // Call sites of each function (canonical declaration), to tell code that
  // runs once (only main() calls it) from code that runs per request.
  std::map<const clang::FunctionDecl*, std::vector<const clang::CallExpr*>> call_sites_;
  std::set<std::pair<unsigned, uint32_t>> seen_anchors_;  // template instantiations repeat a call
  std::map<clang::FileID, CppFile> files_;
};

}  // namespace rdslint::cpp_ast

#endif  // RDSLINT_CHECKS_CPP_COLLECTOR_H_
