// Follows AWS credentials into static storage for cpp-refresh-static-credential:
// which values come from SecretsManagerClient::GetSecretValue or
// RDSClient::GenerateConnectAuthToken (directly, through locals, through
// functions of this translation unit, through lambdas), which variables with
// static storage receive them, whether that store runs once, and whether
// anything else ever writes the variable again.
#ifndef RDSLINT_CHECKS_CPP_STORES_H_
#define RDSLINT_CHECKS_CPP_STORES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/cpp/cpp_file.h"
#include "checks/cpp/evaluator.h"
#include "clang/AST/ASTContext.h"

namespace rdslint::cpp_ast {

using CallSites = std::map<const clang::FunctionDecl*, std::vector<const clang::CallExpr*>>;

// Which credential a function hands out: SecretsManagerClient::GetSecretValue
// (and its Callable/Async forms) or RDSClient::GenerateConnectAuthToken.
std::optional<CppCredentialStore::Source> CredentialApi(const clang::FunctionDecl* fd);

struct StaticCredential {
  CppCredentialStore::Source source = CppCredentialStore::Source::kSecretsManager;
  const clang::VarDecl* root = nullptr;  // canonical declaration
  std::string path;                      // below root: ".password", "[]"
  clang::SourceLocation where;           // the store
  std::string how;                       // how we know it runs once
};

class CredentialFinder {
 public:
  CredentialFinder(clang::ASTContext& context, const WriteIndex& writes, const CallSites& call_sites)
      : context_(context), writes_(writes), call_sites_(call_sites) {}

  // Every variable with static storage that receives a credential in a store
  // that runs once, and is never written otherwise. `initialised`: every
  // variable with an initialiser the matchers saw.
  std::vector<StaticCredential> Find(const std::vector<const clang::VarDecl*>& initialised);

 private:
  using Source = CppCredentialStore::Source;

  std::optional<Source> Taint(const clang::Stmt* s, int depth);
  std::optional<Source> FunctionTaint(const clang::FunctionDecl* fd, int depth);
  std::optional<Source> LocalTaint(const clang::VarDecl* var, int depth);
  std::optional<Source> WriteTaint(const Write& w, int depth);
  // Why a statement runs at most once ("" when it may run again): behind a
  // latch on static state, inside std::call_once, in main(), or in a
  // function only such code calls.
  std::string Once(const clang::Stmt* s, int depth);
  bool IsLatch(const clang::Expr* condition);

  clang::ASTContext& context_;
  const WriteIndex& writes_;
  const CallSites& call_sites_;
  std::map<const clang::FunctionDecl*, std::optional<Source>> function_taint_;
  std::map<const clang::VarDecl*, std::optional<Source>> local_taint_;
};

}  // namespace rdslint::cpp_ast

#endif  // RDSLINT_CHECKS_CPP_STORES_H_
