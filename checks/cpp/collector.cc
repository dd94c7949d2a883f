#include "checks/cpp/collector.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "checks/cpp/stores.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace rdslint::cpp_ast {
namespace {

using namespace clang;
using namespace clang::ast_matchers;

// Methods of standard classes that change the object (a non-const method of
// a standard container is often only a non-const overload of a read).
bool IsStdMutator(llvm::StringRef name) {
  static const char* const kNames[] = {
      "assign",    "append",     "clear",        "insert",    "insert_or_assign", "try_emplace",
      "emplace",   "emplace_back", "emplace_front", "push_back", "push_front",      "pop_back",
      "pop_front", "erase",      "replace",      "resize",    "swap",             "reset",
      "release",   "store",      "exchange",     "merge",     "extract",          "operator=",
      "operator+="};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool LooksLikeConnectionString(const CppString& v) {
  return v.text.find('=') != std::string::npos || v.text.find("://") != std::string::npos;
}

// key='value', quoted and escaped as libpq's conninfo parser wants, so that
// the analyser reads the value whatever it holds.
void AppendPair(std::string_view key, const CppString& value, CppString* out) {
  if (!out->text.empty()) out->AppendSynthetic(" ");
  out->AppendSynthetic(std::string(key) + "='");
  for (size_t i = 0; i < value.text.size();) {
    if (const CppHole* h = value.HoleAt(i)) {
      out->Append(value, h->in_text.begin, h->in_text.end);
      i = h->in_text.end;
      continue;
    }
    if (value.text[i] == '\'' || value.text[i] == '\\') out->AppendSynthetic("\\");
    out->Append(value, i, i + 1);
    ++i;
  }
  out->AppendSynthetic("'");
}

bool IsPasswordLikeName(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"password", "passwd", "pwd", "secret", "token", "apikey", "api_key"}) {
    if (name.find(w) != std::string::npos) return true;
  }
  return false;
}

bool MethodNamed(const CXXMemberCallExpr* mc, std::initializer_list<llvm::StringRef> names) {
  const CXXMethodDecl* m = mc->getMethodDecl();
  if (!m || !m->getIdentifier()) return false;
  for (llvm::StringRef n : names) {
    if (m->getName() == n) return true;
  }
  return false;
}

bool IsNull(ASTContext& context, const Expr* e) {
  return e->isNullPointerConstant(context, Expr::NPC_ValueDependentIsNotNull);
}

// Contiguous runs of `s`'s bytes spelled in the file (literal text, not holes).
void AddSpelledRuns(const CppString& s, std::vector<SourceRange>* out) {
  size_t i = 0;
  while (i < s.text.size()) {
    if (s.begin[i] == CppString::kNoSource || s.HoleAt(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < s.text.size() && s.begin[j + 1] != CppString::kNoSource && !s.HoleAt(j + 1) &&
           s.begin[j + 1] >= s.end[j] && s.begin[j + 1] <= s.end[j] + 1) {
      ++j;
    }
    out->push_back(SourceRange{s.begin[i], s.end[j]});
    i = j + 1;
  }
}

}  // namespace

void Collector::RegisterMatchers(MatchFinder* finder, MatchFinder::MatchCallback* callback) {
  const auto not_system = unless(isExpansionInSystemHeader());
  // libpqxx 6: pqxx::connection is basic_connection_base<connect_direct>,
  // derived from connection_base; libpqxx 7: a class of its own.
  const auto pqxx_connection = cxxRecordDecl(
      anyOf(isSameOrDerivedFrom("::pqxx::connection"), isSameOrDerivedFrom("::pqxx::connection_base")));

  finder->addMatcher(
      callExpr(not_system, callee(functionDecl(hasAnyName(
                               "::PQconnectdb", "::PQconnectStart", "::PQconnectdbParams",
                               "::PQconnectStartParams", "::PQsetdbLogin"))))
          .bind("pq"),
      callback);
  finder->addMatcher(
      cxxConstructExpr(not_system, hasArgument(0, expr()),
                       hasDeclaration(cxxConstructorDecl(ofClass(pqxx_connection),
                                                         unless(isCopyConstructor()),
                                                         unless(isMoveConstructor()))))
          .bind("pqxx"),
      callback);
  // std::make_unique<pqxx::connection>("...") constructs inside <memory>.
  finder->addMatcher(
      callExpr(not_system, hasArgument(0, expr()),
               callee(functionDecl(
                   hasAnyName("::std::make_unique", "::std::make_shared"),
                   hasTemplateArgument(0, refersToType(hasUnqualifiedDesugaredType(
                                              recordType(hasDeclaration(pqxx_connection))))))))
          .bind("pqxx_make"),
      callback);
  finder->addMatcher(varDecl(not_system, hasInitializer(expr())).bind("var"), callback);
  finder->addMatcher(binaryOperator(not_system, isAssignmentOperator()).bind("assign"), callback);
  finder->addMatcher(cxxOperatorCallExpr(not_system, isAssignmentOperator()).bind("assign"), callback);
  finder->addMatcher(callExpr(not_system).bind("call"), callback);
}

void Collector::AddWrite(Write w) {
  if (!w.target || !seen_writes_.insert(w.node).second) return;
  const VarDecl* root = RootVariable(w.target, &w.path);
  if (!root) return;
  writes_[root].push_back(std::move(w));
}

void Collector::OnMatch(const MatchFinder::MatchResult& result) {
  const auto& nodes = result.Nodes;
  if (const auto* call = nodes.getNodeAs<CallExpr>("pq")) {
    calls_.push_back(Call{call, call->getDirectCallee()->getNameAsString()});
  }
  if (const auto* construct = nodes.getNodeAs<CXXConstructExpr>("pqxx")) {
    calls_.push_back(Call{construct, "pqxx::connection"});
  }
  if (const auto* make = nodes.getNodeAs<CallExpr>("pqxx_make")) {
    calls_.push_back(Call{make, "pqxx::connection"});
  }
  if (const auto* var = nodes.getNodeAs<VarDecl>("var")) initialised_.push_back(var);

  if (const auto* op = nodes.getNodeAs<BinaryOperator>("assign")) {
    Write w;
    w.kind = op->getOpcode() == BO_Assign      ? Write::Kind::kAssign
             : op->getOpcode() == BO_AddAssign ? Write::Kind::kAppend
                                               : Write::Kind::kOther;
    w.node = op;
    w.target = op->getLHS();
    w.values = {op->getRHS()};
    AddWrite(std::move(w));
  }
  if (const auto* op = nodes.getNodeAs<CXXOperatorCallExpr>("assign")) {
    if (op->getNumArgs() == 2) {
      Write w;
      w.kind = op->getOperator() == OO_Equal       ? Write::Kind::kAssign
               : op->getOperator() == OO_PlusEqual ? Write::Kind::kAppend
                                                   : Write::Kind::kOther;
      w.node = op;
      w.target = op->getArg(0);
      w.values = {op->getArg(1)};
      AddWrite(std::move(w));
    }
  }
  const auto* call = nodes.getNodeAs<CallExpr>("call");
  if (!call || isa<CXXOperatorCallExpr>(call)) return;
  const FunctionDecl* callee = call->getDirectCallee();
  if (callee) {
    call_sites_[callee->getCanonicalDecl()].push_back(call);
    if (!EnvVariableRead(call).empty()) env_calls_.push_back(call);
    if (CredentialApi(callee) && isa<CXXMemberCallExpr>(call)) credential_calls_.push_back(call);
  }

  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(call)) {
    const CXXMethodDecl* m = mc->getMethodDecl();
    if (m && !m->isConst() && !isa<CXXConversionDecl>(m)) {
      const llvm::StringRef name = m->getIdentifier() ? m->getName() : "";
      if (!m->getParent()->isInStdNamespace() || IsStdMutator(name)) {
        Write w;
        w.node = mc;
        w.target = mc->getImplicitObjectArgument();
        if (name == "append" && mc->getNumArgs() == 1) {
          w.kind = Write::Kind::kAppend;
        } else if (name == "assign" && mc->getNumArgs() == 1) {
          w.kind = Write::Kind::kAssign;
        } else if (name == "clear") {
          w.kind = Write::Kind::kClear;
        }
        for (const Expr* a : mc->arguments()) w.values.push_back(a);
        AddWrite(std::move(w));
      }
    }
  }
  // Out-parameters: Fetch(g_password), Fetch(&g_password).
  if (!callee) return;
  for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
    const QualType type = callee->getParamDecl(i)->getType();
    const bool by_ref = type->isLValueReferenceType() && !type->getPointeeType().isConstQualified();
    const Expr* arg = call->getArg(i)->IgnoreParenImpCasts();
    const bool by_pointer = type->isPointerType() && !type->getPointeeType().isConstQualified() &&
                            isa<UnaryOperator>(arg) &&
                            cast<UnaryOperator>(arg)->getOpcode() == UO_AddrOf;
    if (!by_ref && !by_pointer) continue;
    Write w;
    w.node = call->getArg(i);
    w.target = arg;
    w.filler = call;
    AddWrite(std::move(w));
  }
}

CppFile& Collector::FileFor(FileID fid) { return files_[fid]; }

void Collector::CollectConnection(ASTContext& context, const Call& call) {
  const SourceManager& sm = context.getSourceManager();
  const SourceLocation at = sm.getExpansionLoc(call.node->getBeginLoc());
  const FileID fid = sm.getFileID(at);
  if (fid.isInvalid() || (main_file_only_ && fid != sm.getMainFileID())) return;
  Evaluator eval(context, fid, writes_);
  std::optional<SourceRange> anchor = eval.Range(at);
  if (!anchor) return;
  if (!seen_anchors_.insert({fid.getHashValue(), anchor->begin}).second) return;

  CppConnection c;
  c.api = call.api;
  c.anchor = *anchor;
  const auto* construct = dyn_cast<CXXConstructExpr>(call.node);
  const auto* ce = dyn_cast<CallExpr>(call.node);
  const auto arg = [&](unsigned i) -> const Expr* {
    if (construct) return i < construct->getNumArgs() ? construct->getArg(i) : nullptr;
    return i < ce->getNumArgs() ? ce->getArg(i) : nullptr;
  };

  if (c.api == "PQconnectdbParams" || c.api == "PQconnectStartParams") {
    std::vector<const Expr*> keys, values;
    if (!arg(2) || !eval.ArrayElements(arg(0), &keys, true) ||
        !eval.ArrayElements(arg(1), &values, false)) {
      return;  // arrays built at run time: nothing to say
    }
    // libpq expands the first dbname value as a connection string unless
    // expand_dbname is 0.
    bool expand = true;
    Expr::EvalResult flag;
    if (!arg(2)->isValueDependent() && arg(2)->EvaluateAsInt(flag, context)) {
      expand = flag.Val.getInt() != 0;
    }
    c.synthesized = true;
    for (size_t i = 0; i < keys.size() && i < values.size(); ++i) {
      const CppString key = eval.Eval(keys[i]);
      if (!key.holes.empty() || key.text.empty() || IsNull(context, values[i])) continue;
      CppString value = eval.Eval(values[i]);
      if (expand && key.text == "dbname" && LooksLikeConnectionString(value)) {
        expand = false;
        if (value.text.find("://") != std::string::npos) {  // a URL stands alone
          c.value = std::move(value);
          c.synthesized = false;
          break;
        }
        if (!c.value.text.empty()) c.value.AppendSynthetic(" ");
        c.value.Append(value);
        continue;
      }
      AppendPair(key.text, value, &c.value);
    }
  } else if (c.api == "PQsetdbLogin") {
    // PQsetdbLogin(host, port, options, tty, dbName, login, pwd); a dbName
    // holding '=' or a URI is a connection string the others override.
    static const char* const kKeys[] = {"host", "port", "options", nullptr, "dbname", "user", "password"};
    c.synthesized = true;
    bool expanded = false;
    if (const Expr* db = arg(4); db && !IsNull(context, db)) {
      CppString value = eval.Eval(db);
      if (LooksLikeConnectionString(value)) {
        expanded = true;
        if (value.text.find("://") != std::string::npos) {
          c.value = std::move(value);
          c.synthesized = false;
        } else {
          c.value.Append(value);
        }
      }
    }
    for (unsigned i = 0; i < 7 && c.synthesized; ++i) {
      const Expr* a = arg(i);
      if (!kKeys[i] || !a || IsNull(context, a) || (i == 4 && expanded)) continue;
      AppendPair(kKeys[i], eval.Eval(a), &c.value);
    }
  } else {
    const Expr* conninfo = arg(0);
    if (!conninfo) return;
    c.value = eval.Eval(conninfo);
  }
  if (c.value.text.empty()) return;
  url::AnalyzeOptions options;
  options.holes = c.value.HoleRanges();
  c.conn = url::Analyze(c.value.text, options);
  FileFor(fid).connections.push_back(std::move(c));
}

void Collector::CollectStores(ASTContext& context) {
  const SourceManager& sm = context.getSourceManager();
  CredentialFinder finder(context, writes_, call_sites_);
  for (const StaticCredential& found : finder.Find(initialised_)) {
    const SourceLocation at = sm.getExpansionLoc(found.where);
    const FileID fid = sm.getFileID(at);
    if (fid.isInvalid() || (main_file_only_ && fid != sm.getMainFileID())) continue;
    Evaluator eval(context, fid, writes_);
    std::optional<SourceRange> where = eval.Range(at);
    if (!where) continue;
    const VarDecl* var = found.root;
    CppCredentialStore store;
    store.source = found.source;
    store.where = *where;
    store.how = found.how;
    if (var->isStaticLocal()) {
      store.storage = CppCredentialStore::Storage::kFunctionStatic;
      store.variable = var->getNameAsString();
    } else {
      store.storage = var->isStaticDataMember() ? CppCredentialStore::Storage::kStaticMember
                                                : CppCredentialStore::Storage::kGlobal;
      store.variable = var->getQualifiedNameAsString();
      for (size_t at; (at = store.variable.find("(anonymous namespace)::")) != std::string::npos;) {
        store.variable.erase(at, 23);
      }
    }
    if (var->getTLSKind() != VarDecl::TLS_None) store.storage = CppCredentialStore::Storage::kThreadLocal;
    store.member_of_object = !found.path.empty();
    store.variable += found.path;
    FileFor(fid).credential_stores.push_back(std::move(store));
  }
}

void Collector::CollectSecrets(ASTContext& context) {
  const SourceManager& sm = context.getSourceManager();
  for (auto& [fid, file] : files_) {
    for (const CppConnection& c : file.connections) {
      if (!c.conn || !c.conn->password.present) continue;
      // A whole literal password, quotes aside; never the code of a hole.
      if (!c.conn->password.has_holes) {
        if (std::optional<SourceRange> r = c.value.ToSource(c.conn->password.range)) {
          file.secrets.push_back(*r);
        }
      }
      // A password assembled from several literals: mask each piece.
      CppString password;
      password.Append(c.value, c.conn->password.range.begin, c.conn->password.range.end);
      AddSpelledRuns(password, &file.secrets);
    }
  }
  // Literals of password-like variables, whether or not they reach a call.
  for (const VarDecl* var : initialised_) {
    if (!var->getIdentifier() || !IsPasswordLikeName(var->getName().str())) continue;
    const SourceLocation at = sm.getExpansionLoc(var->getLocation());
    const FileID fid = sm.getFileID(at);
    if (fid.isInvalid() || (main_file_only_ && fid != sm.getMainFileID())) continue;
    Evaluator eval(context, fid, writes_);
    const CppString value = eval.Eval(var->getInit());
    std::vector<SourceRange> runs;
    AddSpelledRuns(value, &runs);
    if (runs.empty()) continue;
    CppFile& file = FileFor(fid);
    file.secrets.insert(file.secrets.end(), runs.begin(), runs.end());
  }
}

// The SecretId a GetSecretValueRequest carries: given in the expression
// itself (GetSecretValueRequest().WithSecretId(id)), or set on the variable
// by SetSecretId/WithSecretId before the call (the last such write), or in
// the variable's initialiser.
const Expr* Collector::SecretIdOf(const Expr* request, const CallExpr* use,
                                  const SourceManager& sm) const {
  const Expr* e = request;
  for (int hops = 0; e && hops < 16; ++hops) {
    e = e->IgnoreParens()->IgnoreImplicit();
    if (const auto* construct = dyn_cast<CXXConstructExpr>(e)) {
      if (construct->getNumArgs() != 1 || !construct->getConstructor()->isCopyOrMoveConstructor()) return nullptr;
      e = construct->getArg(0);
      continue;
    }
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
      if (MethodNamed(mc, {"WithSecretId"}) && mc->getNumArgs() == 1) return mc->getArg(0);
      e = mc->getImplicitObjectArgument();  // .WithVersionStage(...) further down the chain
      continue;
    }
    const auto* ref = dyn_cast<DeclRefExpr>(e);
    const auto* var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    if (!var) return nullptr;
    const Expr* last = nullptr;
    if (auto it = writes_.find(var->getCanonicalDecl()); it != writes_.end()) {
      for (const Write& w : it->second) {
        const auto* mc = dyn_cast<CXXMemberCallExpr>(w.node);
        if (!mc || !w.path.empty() || mc->getNumArgs() != 1 || !MethodNamed(mc, {"SetSecretId", "WithSecretId"}) ||
            !sm.isBeforeInTranslationUnit(mc->getBeginLoc(), use->getBeginLoc())) {
          continue;
        }
        if (!last || sm.isBeforeInTranslationUnit(last->getBeginLoc(), mc->getBeginLoc())) last = mc->getArg(0);
      }
    }
    if (last) return last;
    e = var->getInit();
  }
  return nullptr;
}

void Collector::CollectProjectCalls(ASTContext& context) {
  const SourceManager& sm = context.getSourceManager();
  std::set<std::pair<unsigned, uint32_t>> seen;  // template instantiations repeat a call
  // The file a call is written in and its range there, the first time it
  // is met in a file whose facts are wanted.
  const auto place = [&](const CallExpr* call, FileID* fid) -> std::optional<SourceRange> {
    *fid = sm.getFileID(sm.getExpansionLoc(call->getBeginLoc()));
    if (fid->isInvalid() || (main_file_only_ && *fid != sm.getMainFileID())) return std::nullopt;
    std::optional<SourceRange> where = Evaluator(context, *fid, writes_).Range(call->getSourceRange());
    if (!where || !seen.insert({fid->getHashValue(), where->begin}).second) return std::nullopt;
    return where;
  };
  FileID fid;
  for (const CallExpr* call : env_calls_) {
    if (const std::optional<SourceRange> where = place(call, &fid)) {
      FileFor(fid).env_reads.push_back(CppEnvRead{EnvVariableRead(call), *where});
    }
  }
  for (const CallExpr* call : credential_calls_) {
    const std::optional<SourceRange> where = place(call, &fid);
    if (!where) continue;
    Evaluator eval(context, fid, writes_);
    const auto* mc = cast<CXXMemberCallExpr>(call);
    CppCredentialCall c;
    c.iam_token = CredentialApi(call->getDirectCallee()) == CppCredentialStore::Source::kRdsAuthToken;
    c.call = *where;
    c.callee = eval.Range(mc->getCallee()->getSourceRange()).value_or(*where);
    const auto argument = [&](const Expr* e) {
      return CppArgument{eval.Eval(e), eval.Range(e->getSourceRange()).value_or(*where)};
    };
    if (c.iam_token && call->getNumArgs() >= 4) {
      // GenerateConnectAuthToken(host, region, port, user)
      c.host = argument(call->getArg(0));
      c.id = argument(call->getArg(3));
    } else if (!c.iam_token && call->getNumArgs() >= 1) {
      if (const Expr* id = SecretIdOf(call->getArg(0), call, sm)) c.id = argument(id);
    }
    FileFor(fid).credential_calls.push_back(std::move(c));
  }
}

std::vector<std::pair<FileID, CppFile>> Collector::Finish(ASTContext& context) {
  for (const Call& call : calls_) CollectConnection(context, call);
  CollectProjectCalls(context);
  CollectStores(context);
  CollectSecrets(context);
  std::vector<std::pair<FileID, CppFile>> out;
  for (auto& [fid, file] : files_) out.emplace_back(fid, std::move(file));
  files_.clear();
  return out;
}

}  // namespace rdslint::cpp_ast
