#include "checks/cpp/stores.h"

#include <algorithm>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

namespace rdslint::cpp_ast {
namespace {

using namespace clang;

// How far credentials are followed through functions and locals.
constexpr int kMaxHops = 6;

}  // namespace

std::optional<CppCredentialStore::Source> CredentialApi(const FunctionDecl* fd) {
  const auto* method = dyn_cast<CXXMethodDecl>(fd);
  if (!method || !method->getIdentifier()) return std::nullopt;
  const std::string owner = method->getParent()->getQualifiedNameAsString();
  // GetSecretValue and its Callable/Async forms.
  if (owner == "Aws::SecretsManager::SecretsManagerClient" &&
      method->getName().startswith("GetSecretValue")) {
    return CppCredentialStore::Source::kSecretsManager;
  }
  if (owner == "Aws::RDS::RDSClient" && method->getName() == "GenerateConnectAuthToken") {
    return CppCredentialStore::Source::kRdsAuthToken;
  }
  return std::nullopt;
}

namespace {

// Methods that only read, also where a non-const overload is the one called.
bool IsReadOnlyName(llvm::StringRef name) {
  static const char* const kNames[] = {"empty", "size",  "length",    "find",  "count",
                                       "contains", "end", "begin",   "has_value", "get",
                                       "value", "c_str", "data",  "at",        "compare"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool EndsInReturn(const Stmt* s) {
  if (!s) return false;
  if (isa<ReturnStmt>(s)) return true;
  if (const auto* block = dyn_cast<CompoundStmt>(s)) return block->size() && isa<ReturnStmt>(block->body_back());
  return false;
}

}  // namespace

std::optional<CredentialFinder::Source> CredentialFinder::FunctionTaint(const FunctionDecl* fd,
                                                                       int depth) {
  if (depth > kMaxHops) return std::nullopt;
  const FunctionDecl* canonical = fd->getCanonicalDecl();
  if (auto it = function_taint_.find(canonical); it != function_taint_.end()) return it->second;
  function_taint_[canonical] = std::nullopt;  // recursion ends here
  const FunctionDecl* def = nullptr;
  if (!fd->hasBody(def) || !def) return std::nullopt;
  const Stmt* body = def->getBody();
  if (!body || context_.getSourceManager().isInSystemHeader(def->getLocation())) return std::nullopt;
  std::optional<Source> src = Taint(body, depth);
  function_taint_[canonical] = src;
  return src;
}

std::optional<CredentialFinder::Source> CredentialFinder::LocalTaint(const VarDecl* var, int depth) {
  if (depth > kMaxHops) return std::nullopt;
  const VarDecl* canonical = var->getCanonicalDecl();
  if (auto it = local_taint_.find(canonical); it != local_taint_.end()) return it->second;
  local_taint_[canonical] = std::nullopt;
  std::optional<Source> src;
  if (const Expr* init = var->getInit()) src = Taint(init, depth);
  if (!src) {
    if (auto it = writes_.find(canonical); it != writes_.end()) {
      for (const Write& w : it->second) {
        if ((src = WriteTaint(w, depth))) break;
      }
    }
  }
  local_taint_[canonical] = src;
  return src;
}

std::optional<CredentialFinder::Source> CredentialFinder::Taint(const Stmt* s, int depth) {
  if (!s) return std::nullopt;
  if (const auto* call = dyn_cast<CallExpr>(s)) {
    if (const FunctionDecl* fd = call->getDirectCallee()) {
      if (std::optional<Source> src = CredentialApi(fd)) return src;
      if (std::optional<Source> src = FunctionTaint(fd, depth + 1)) return src;
    }
  }
  if (const auto* ref = dyn_cast<DeclRefExpr>(s)) {
    const auto* var = dyn_cast<VarDecl>(ref->getDecl());
    if (var && var->hasLocalStorage() && !isa<ParmVarDecl>(var)) return LocalTaint(var, depth + 1);
  }
  if (const auto* lambda = dyn_cast<LambdaExpr>(s)) return Taint(lambda->getBody(), depth + 1);
  for (const Stmt* child : s->children()) {
    if (std::optional<Source> src = Taint(child, depth)) return src;
  }
  return std::nullopt;
}

std::optional<CredentialFinder::Source> CredentialFinder::WriteTaint(const Write& w, int depth) {
  if (w.filler) {
    // What the callee puts into its out-parameter, not what its arguments hold.
    const FunctionDecl* fd = w.filler->getDirectCallee();
    if (!fd) return std::nullopt;
    if (std::optional<Source> src = CredentialApi(fd)) return src;
    return FunctionTaint(fd, depth + 1);
  }
  for (const Expr* v : w.values) {
    if (std::optional<Source> src = Taint(v, depth)) return src;
  }
  return std::nullopt;
}

bool CredentialFinder::IsLatch(const Expr* condition) {
  bool has_state = false;
  bool ok = true;
  std::vector<const Stmt*> todo{condition};
  while (!todo.empty() && ok) {
    const Stmt* s = todo.back();
    todo.pop_back();
    if (!s) continue;
    if (const auto* ref = dyn_cast<DeclRefExpr>(s)) {
      if (const auto* var = dyn_cast<VarDecl>(ref->getDecl())) {
        if (var->hasGlobalStorage()) {
          has_state = true;
        } else {
          ok = false;  // a parameter or local: a caller can ask for a refresh
        }
      }
    } else if (const auto* mc = dyn_cast<CXXMemberCallExpr>(s)) {
      const CXXMethodDecl* m = mc->getMethodDecl();
      ok = m && (m->isConst() || isa<CXXConversionDecl>(m) ||
                 (m->getIdentifier() && IsReadOnlyName(m->getName())));
    } else if (isa<CallExpr>(s) && !isa<CXXOperatorCallExpr>(s)) {
      ok = false;  // a clock, an expiry check: the store can run again
    }
    for (const Stmt* child : s->children()) todo.push_back(child);
  }
  return ok && has_state;
}

std::string CredentialFinder::Once(const Stmt* s, int depth) {
  if (depth > 4) return "";
  DynTypedNode node = DynTypedNode::create(*s);
  const Stmt* child = s;
  for (int guard = 0; guard < 256; ++guard) {
    DynTypedNodeList parents = context_.getParents(node);
    if (parents.empty()) return "";
    const DynTypedNode parent = parents[0];
    if (const auto* if_stmt = parent.get<IfStmt>()) {
      if ((child == if_stmt->getThen() || child == if_stmt->getElse()) && IsLatch(if_stmt->getCond())) {
        return "filled once, behind a check of static state";
      }
    }
    if (const auto* block = parent.get<CompoundStmt>()) {
      // `if (!cached.empty()) return cached;` before the store.
      for (const Stmt* sibling : block->body()) {
        if (sibling == child) break;
        const auto* early = dyn_cast<IfStmt>(sibling);
        if (early && !early->getElse() && EndsInReturn(early->getThen()) && IsLatch(early->getCond())) {
          return "filled once, after an early return on static state";
        }
      }
    }
    if (parent.get<ForStmt>() || parent.get<WhileStmt>() || parent.get<DoStmt>() ||
        parent.get<CXXForRangeStmt>()) {
      return "";  // a store in a loop runs again
    }
    if (parent.get<LambdaExpr>()) {
      // std::call_once(flag, [] { ... }): the lambda runs once.
      DynTypedNode up = parent;
      for (int i = 0; i < 6; ++i) {
        DynTypedNodeList ups = context_.getParents(up);
        if (ups.empty()) break;
        up = ups[0];
        if (const auto* call = up.get<CallExpr>()) {
          const FunctionDecl* fd = call->getDirectCallee();
          if (fd && fd->getIdentifier() && fd->getName() == "call_once" && fd->isInStdNamespace()) {
            return "filled once, inside std::call_once";
          }
          break;
        }
      }
      return "";  // a lambda may run any number of times
    }
    if (const auto* fd = parent.get<FunctionDecl>()) {
      if (const auto* method = dyn_cast<CXXMethodDecl>(fd); method && method->getParent()->isLambda()) {
        node = parent;  // up to the lambda expression
        child = nullptr;
        continue;
      }
      if (fd->isMain()) return "filled once, in main()";
      auto it = call_sites_.find(fd->getCanonicalDecl());
      if (it == call_sites_.end() || it->second.empty()) return "";
      for (const CallExpr* call : it->second) {
        if (Once(call, depth + 1).empty()) return "";
      }
      return "filled once, in " + fd->getNameAsString() + "(), which only code that runs once calls";
    }
    if (const auto* record = parent.get<CXXRecordDecl>(); record && record->isLambda()) {
      node = parent;
      continue;
    }
    if (parent.get<Decl>()) return "";
    child = parent.get<Stmt>();
    if (!child) return "";
    node = parent;
  }
  return "";
}

std::vector<StaticCredential> CredentialFinder::Find(const std::vector<const VarDecl*>& initialised) {
  const SourceManager& sm = context_.getSourceManager();
  std::vector<StaticCredential> candidates;
  for (const VarDecl* var : initialised) {
    if (!var->hasGlobalStorage() || isa<ParmVarDecl>(var)) continue;
    const Expr* init = var->getInit();
    std::optional<Source> src = init ? Taint(init, 0) : std::nullopt;
    if (!src) continue;
    candidates.push_back(StaticCredential{
        *src, var->getCanonicalDecl(), "", var->getLocation(),
        var->isStaticLocal() ? "initialised once, on first use" : "initialised once, at start-up"});
  }
  for (const auto& [root, writes] : writes_) {
    if (!root->hasGlobalStorage()) continue;
    for (const Write& w : writes) {
      const std::optional<Source> src = WriteTaint(w, 0);
      if (!src) continue;
      std::string how = Once(w.node, 0);
      // A store that can run again is a refresh; it shows below as a write
      // that is not once.
      if (!how.empty()) candidates.push_back(StaticCredential{*src, root, w.path, w.target->getBeginLoc(), how});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [&](const StaticCredential& a, const StaticCredential& b) {
    return sm.isBeforeInTranslationUnit(a.where, b.where);
  });
  std::vector<StaticCredential> out;
  std::map<const VarDecl*, bool> decided;  // root -> reported or refreshed
  for (const StaticCredential& c : candidates) {
    if (decided.count(c.root)) continue;
    bool refreshed = false;
    if (auto it = writes_.find(c.root); it != writes_.end()) {
      for (const Write& w : it->second) {
        if (Once(w.node, 0).empty()) {
          refreshed = true;  // cleared on a failure, re-fetched on expiry, ...
          break;
        }
      }
    }
    decided[c.root] = true;
    if (!refreshed) out.push_back(c);
  }
  return out;
}

}  // namespace rdslint::cpp_ast
