#include "checks/cpp/evaluator.h"

#include <algorithm>

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"

namespace rdslint::cpp_ast {
namespace {

using namespace clang;

// Beyond these a value is a hole: constants referring to constants, and
// strings that grow without bound, stay cheap.
constexpr int kMaxDepth = 24;
constexpr size_t kMaxLength = 16 * 1024;
// Constants that each use another twice double the work at every level: a
// budget of visited expressions keeps any input linear.
constexpr int kMaxVisits = 20000;

bool IsNarrowChar(QualType t) {
  t = t.getCanonicalType().getUnqualifiedType();
  return t->isCharType() || t->isChar8Type();
}

bool IsStringClass(const CXXRecordDecl* rd) {
  if (!rd || !rd->getIdentifier()) return false;
  const llvm::StringRef name = rd->getName();
  if ((name == "basic_string" || name == "basic_string_view") && rd->isInStdNamespace()) return true;
  // libpqxx 7 takes its connection string as a pqxx::zview.
  return name == "zview" && rd->getQualifiedNameAsString() == "pqxx::zview";
}

bool IsStringType(QualType t) {
  if (t.isNull()) return false;
  t = t.getNonReferenceType().getCanonicalType();
  if (const auto* rd = t->getAsCXXRecordDecl()) return IsStringClass(rd);
  if (t->isPointerType()) return IsNarrowChar(t->getPointeeType());
  if (t->isArrayType()) return IsNarrowChar(t->castAsArrayTypeUnsafe()->getElementType());
  return false;
}

std::string CalleeName(const CallExpr* call) {
  if (const FunctionDecl* fd = call->getDirectCallee()) return fd->getQualifiedNameAsString();
  return "";
}

}  // namespace

std::string EnvVariableRead(const CallExpr* call) {
  const FunctionDecl* fd = call->getDirectCallee();
  if (!fd || call->getNumArgs() < 1) return "";
  const std::string name = fd->getQualifiedNameAsString();
  if (name != "getenv" && name != "std::getenv" && name != "secure_getenv" &&
      name != "Aws::Environment::GetEnv") {
    return "";
  }
  const auto* literal = dyn_cast<StringLiteral>(StripValue(call->getArg(0)));
  if (!literal || literal->getCharByteWidth() != 1) return "";
  return literal->getString().str();
}

const Expr* StripValue(const Expr* e) {
  while (e) {
    const Expr* before = e;
    e = e->IgnoreParens()->IgnoreImplicit();
    if (const auto* cast = dyn_cast<ExplicitCastExpr>(e)) {
      if (IsStringType(cast->getType()) || IsStringType(cast->getSubExpr()->getType())) {
        e = cast->getSubExpr();
      }
    }
    if (const auto* def = dyn_cast<CXXDefaultArgExpr>(e)) e = def->getExpr();
    if (e == before) break;
  }
  return e;
}

const VarDecl* RootVariable(const Expr* e, std::string* path) {
  std::string suffix;
  for (int guard = 0; e && guard < 32; ++guard) {
    e = e->IgnoreParenImpCasts();
    if (const auto* ref = dyn_cast<DeclRefExpr>(e)) {
      const auto* var = dyn_cast<VarDecl>(ref->getDecl());
      if (!var) return nullptr;
      if (path) *path = suffix;
      return var->getCanonicalDecl();
    }
    if (const auto* member = dyn_cast<MemberExpr>(e)) {
      const std::string name = member->getMemberDecl()->getNameAsString();
      suffix = (member->isArrow() ? "->" : ".") + name + suffix;
      e = member->getBase();
      continue;
    }
    if (const auto* sub = dyn_cast<ArraySubscriptExpr>(e)) {
      suffix = "[]" + suffix;
      e = sub->getBase();
      continue;
    }
    if (const auto* op = dyn_cast<CXXOperatorCallExpr>(e)) {
      // map["key"], ptr->field through a smart pointer, *ptr.
      const OverloadedOperatorKind k = op->getOperator();
      if ((k == OO_Subscript || k == OO_Arrow || k == OO_Star) && op->getNumArgs() >= 1) {
        if (k == OO_Subscript) suffix = "[]" + suffix;
        e = op->getArg(0);
        continue;
      }
    }
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
      // s.append(a).append(b): a method that returns its own object.
      const CXXMethodDecl* m = mc->getMethodDecl();
      const QualType ret = m ? m->getReturnType() : QualType();
      if (m && ret->isLValueReferenceType() &&
          ret->getPointeeType()->getAsCXXRecordDecl() == m->getParent()) {
        e = mc->getImplicitObjectArgument();
        continue;
      }
      return nullptr;
    }
    if (const auto* unary = dyn_cast<UnaryOperator>(e)) {
      if (unary->getOpcode() == UO_Deref || unary->getOpcode() == UO_AddrOf) {
        e = unary->getSubExpr();
        continue;
      }
    }
    return nullptr;
  }
  return nullptr;
}

std::string ExpressionName(const Expr* e) {
  e = StripValue(e);
  if (!e) return "expression";
  if (const auto* ref = dyn_cast<DeclRefExpr>(e)) return ref->getDecl()->getNameAsString();
  if (const auto* member = dyn_cast<MemberExpr>(e)) {
    const Expr* base = StripValue(member->getBase());
    std::string name = member->getMemberDecl()->getNameAsString();
    if (isa<CXXThisExpr>(base)) return name;
    if (isa<DeclRefExpr>(base) || isa<MemberExpr>(base)) {
      return ExpressionName(base) + (member->isArrow() ? "->" : ".") + name;
    }
    return name;
  }
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl* m = mc->getMethodDecl();
    std::string method = m && m->getIdentifier() ? m->getNameAsString() : "call";
    const Expr* obj = mc->getImplicitObjectArgument();
    if (obj && (isa<DeclRefExpr>(StripValue(obj)) || isa<MemberExpr>(StripValue(obj)))) {
      return ExpressionName(obj) + "." + method + "()";
    }
    return method + "()";
  }
  if (const auto* op = dyn_cast<CXXOperatorCallExpr>(e)) {
    if (op->getOperator() == OO_Subscript && op->getNumArgs() >= 1) {
      return ExpressionName(op->getArg(0)) + "[]";
    }
    return "expression";
  }
  if (const auto* call = dyn_cast<CallExpr>(e)) {
    if (const FunctionDecl* fd = call->getDirectCallee(); fd && fd->getIdentifier()) {
      return fd->getNameAsString() + "()";
    }
    return "call";
  }
  if (const auto* sub = dyn_cast<ArraySubscriptExpr>(e)) return ExpressionName(sub->getBase()) + "[]";
  return "expression";
}

Evaluator::Evaluator(ASTContext& context, FileID file, const WriteIndex& writes)
    : context_(context), sm_(context.getSourceManager()), file_(file), writes_(writes) {
  bool invalid = false;
  buffer_ = sm_.getBufferData(file, &invalid);
  if (invalid) buffer_ = {};
}

std::optional<SourceRange> Evaluator::Range(clang::SourceLocation loc) {
  return Range(clang::SourceRange(loc, loc));
}

std::optional<SourceRange> Evaluator::Range(clang::SourceRange range) {
  if (range.isInvalid()) return std::nullopt;
  const SourceLocation b = sm_.getFileLoc(range.getBegin());
  const SourceLocation e = sm_.getFileLoc(range.getEnd());
  if (sm_.getFileID(b) != file_ || sm_.getFileID(e) != file_) return std::nullopt;
  const uint32_t begin = sm_.getFileOffset(b);
  const uint32_t end = sm_.getFileOffset(e) + Lexer::MeasureTokenLength(e, sm_, context_.getLangOpts());
  if (end < begin || end > buffer_.size()) return std::nullopt;
  return rdslint::SourceRange{begin, end};
}

CppHole Evaluator::Hole(const Expr* e) {
  CppHole hole;
  hole.name = ExpressionName(e);
  if (e) {
    hole.source = Range(e->getSourceRange());
    if (const auto* call = dyn_cast<CallExpr>(StripValue(e))) {
      hole.callee = CalleeName(call);
      hole.env_name = EnvVariableRead(call);
    }
  }
  return hole;
}

CppString Evaluator::Eval(const Expr* e) {
  CppString out;
  budget_ = kMaxVisits;
  Eval(e, &out, 0);
  return out;
}

void Evaluator::AppendHole(const Expr* e, CppString* out) { out->AppendHole(Hole(e)); }

uint32_t Evaluator::EscapeLength(uint32_t at) const {
  auto is = [&](size_t i, auto pred) { return i < buffer_.size() && pred(buffer_[i]); };
  if (at + 1 >= buffer_.size()) return 1;
  const char c = buffer_[at + 1];
  size_t i = at + 2;
  if (c == 'x') {
    while (is(i, [](char h) { return isxdigit(static_cast<unsigned char>(h)); })) ++i;
  } else if (c == 'u') {
    i = at + 6;
  } else if (c == 'U') {
    i = at + 10;
  } else if (c >= '0' && c <= '7') {
    while (i < at + 4 && is(i, [](char o) { return o >= '0' && o <= '7'; })) ++i;
  }
  return static_cast<uint32_t>(std::min(i, buffer_.size()) - at);
}

void Evaluator::AppendLiteral(const StringLiteral* s, CppString* out) {
  if (s->getCharByteWidth() != 1) {
    AppendHole(s, out);
    return;
  }
  const llvm::StringRef bytes = s->getBytes();
  const LangOptions& lang = context_.getLangOpts();
  const TargetInfo& target = context_.getTargetInfo();
  unsigned token = 0;
  unsigned token_offset = 0;
  for (unsigned i = 0; i < bytes.size(); ++i) {
    uint32_t b = CppString::kNoSource;
    uint32_t e = CppString::kNoSource;
    // The byte's own place when the literal is long: re-lexing each byte of
    // a huge literal would be quadratic, and nobody writes a connection
    // string that long.
    if (bytes.size() <= 4096) {
      SourceLocation loc = s->getLocationOfByte(i, sm_, lang, target, &token, &token_offset);
      if (loc.isValid()) loc = sm_.getSpellingLoc(loc);
      if (loc.isValid() && sm_.getFileID(loc) == file_) {
        b = sm_.getFileOffset(loc);
        e = b + 1;
        if (b < buffer_.size() && buffer_[b] == '\\') {
          // In a raw literal a backslash is itself; elsewhere it starts an escape.
          const SourceLocation tok = sm_.getSpellingLoc(s->getStrTokenLoc(token));
          bool raw = false;
          if (sm_.getFileID(tok) == file_) {
            const uint32_t t = sm_.getFileOffset(tok);
            const llvm::StringRef prefix = buffer_.substr(t, 4);
            raw = prefix.startswith("R\"") || prefix.startswith("u8R\"") ||
                  prefix.startswith("LR\"") || prefix.startswith("uR\"") || prefix.startswith("UR\"");
          }
          if (!raw) e = b + EscapeLength(b);
        }
      }
    }
    out->AppendSpelled(bytes[i], b, e);
  }
}

void Evaluator::AppendVariable(const DeclRefExpr* ref, const VarDecl* var, CppString* out,
                               int depth) {
  if (isa<ParmVarDecl>(var)) {
    AppendHole(ref, out);
    return;
  }
  const VarDecl* with_init = nullptr;
  const Expr* init = var->getAnyInitializer(with_init);
  const QualType type = var->getType();
  // A variable whose whole value is unknown stays a hole where it is used,
  // named after it ("token", not "GenerateConnectAuthToken()"), keeping
  // what produced it (an encoding function, say).
  const auto append_value = [&](CppString value) {
    if (value.holes.size() == 1 && value.holes[0].in_text.begin == 0 &&
        value.holes[0].in_text.end == value.text.size()) {
      CppHole hole = Hole(ref);
      hole.callee = value.holes[0].callee;
      hole.env_name = value.holes[0].env_name;
      out->AppendHole(std::move(hole));
      return;
    }
    out->Append(value);
  };
  if (var->isConstexpr() || type.isConstant(context_)) {
    if (init) {
      CppString value;
      Eval(init, &value, depth + 1);
      append_value(std::move(value));
    } else {
      AppendHole(ref, out);
    }
    return;
  }
  const auto found = writes_.find(var->getCanonicalDecl());
  const std::vector<Write>* writes = found == writes_.end() ? nullptr : &found->second;
  // Character buffers are filled by snprintf, strcpy & co., which are not
  // followed: their value is unknown.
  if (type->isArrayType() || !init) {
    AppendHole(ref, out);
    return;
  }
  if (var->hasGlobalStorage()) {
    // A global that nothing writes is a constant in all but name.
    if (writes) {
      AppendHole(ref, out);
    } else {
      CppString value;
      Eval(init, &value, depth + 1);
      append_value(std::move(value));
    }
    return;
  }
  // A local: its initial value, then each write before this use, in source
  // order (branches are not told apart: what a branch appends is taken as
  // appended).
  CppString value;
  Eval(init, &value, depth + 1);
  if (writes) {
    std::vector<const Write*> before;
    for (const Write& w : *writes) {
      if (!w.path.empty()) continue;
      if (sm_.isBeforeInTranslationUnit(w.node->getEndLoc(), ref->getBeginLoc())) before.push_back(&w);
    }
    // By where each ends: in s.append(a).append(b) both begin at s.
    std::sort(before.begin(), before.end(), [&](const Write* a, const Write* b) {
      return sm_.isBeforeInTranslationUnit(a->node->getEndLoc(), b->node->getEndLoc());
    });
    for (const Write* w : before) {
      switch (w->kind) {
        case Write::Kind::kAssign:
          value = CppString();
          if (!w->values.empty()) Eval(w->values.front(), &value, depth + 1);
          break;
        case Write::Kind::kAppend:
          if (!w->values.empty()) Eval(w->values.front(), &value, depth + 1);
          break;
        case Write::Kind::kClear:
          value = CppString();
          break;
        case Write::Kind::kOther:
          value = CppString();
          AppendHole(ref, &value);
          break;
      }
    }
  }
  append_value(std::move(value));
}

void Evaluator::AppendFormat(const CallExpr* call, CppString* out, int depth) {
  // The format string: std::format and fmt::format take it as a
  // format_string object constructed from the literal.
  const Expr* format = StripValue(call->getArg(0));
  if (const auto* construct = dyn_cast<CXXConstructExpr>(format)) {
    if (construct->getNumArgs() == 1) format = construct->getArg(0);
  }
  CppString pattern;
  Eval(format, &pattern, depth + 1);
  if (!pattern.holes.empty()) {
    AppendHole(call, out);
    return;
  }
  const std::string& t = pattern.text;
  unsigned next_arg = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
      out->Append(pattern, i, i + 1);
      ++i;
      continue;
    }
    if (t[i] != '{') {
      out->Append(pattern, i, i + 1);
      continue;
    }
    const size_t close = t.find('}', i);
    if (close == std::string::npos) {
      AppendHole(call, out);
      return;
    }
    const std::string field = t.substr(i + 1, close - i - 1);
    const size_t colon = field.find(':');
    const std::string index = field.substr(0, colon);
    unsigned arg = next_arg++;
    if (!index.empty()) {
      if (!std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        AppendHole(call, out);
        return;
      }
      arg = static_cast<unsigned>(std::stoul(index));
    }
    if (1 + arg >= call->getNumArgs()) {
      AppendHole(call, out);
      return;
    }
    const Expr* value = call->getArg(1 + arg);
    if (colon == std::string::npos && IsStringType(value->getType())) {
      Eval(value, out, depth + 1);
    } else if (colon == std::string::npos && value->getType()->isIntegerType()) {
      Expr::EvalResult result;
      if (!value->isValueDependent() && value->EvaluateAsInt(result, context_)) {
        out->AppendSynthetic(llvm::toString(result.Val.getInt(), 10));
      } else {
        AppendHole(value, out);
      }
    } else {
      AppendHole(value, out);  // a format spec changes the text
    }
    i = close;
  }
}

void Evaluator::Eval(const Expr* e, CppString* out, int depth) {
  if (!e) return;
  if (depth > kMaxDepth || out->text.size() > kMaxLength || --budget_ < 0 ||
      e->isValueDependent()) {
    AppendHole(e, out);
    return;
  }
  e = StripValue(e);
  if (const auto* s = dyn_cast<StringLiteral>(e)) {
    AppendLiteral(s, out);
    return;
  }
  if (const auto* construct = dyn_cast<CXXConstructExpr>(e)) {
    const CXXConstructorDecl* ctor = construct->getConstructor();
    if (ctor && IsStringClass(ctor->getParent())) {
      std::vector<const Expr*> args;
      for (const Expr* a : construct->arguments()) {
        if (!isa<CXXDefaultArgExpr>(a)) args.push_back(a);
      }
      if (args.size() == 1 && IsStringType(args[0]->getType())) {
        Eval(args[0], out, depth + 1);
      } else if (!args.empty()) {
        AppendHole(e, out);  // (pointer, length), (count, char), iterators, ...
      }
      return;  // no arguments: the empty string
    }
    AppendHole(e, out);
    return;
  }
  if (const auto* op = dyn_cast<CXXOperatorCallExpr>(e)) {
    if (op->getOperator() == OO_Plus && op->getNumArgs() == 2 && IsStringType(op->getType())) {
      Eval(op->getArg(0), out, depth + 1);
      Eval(op->getArg(1), out, depth + 1);
      return;
    }
    AppendHole(e, out);
    return;
  }
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl* method = mc->getMethodDecl();
    const Expr* obj = mc->getImplicitObjectArgument();
    if (method && obj && IsStringType(obj->getType())) {
      if (isa<CXXConversionDecl>(method)) {  // std::string -> std::string_view
        Eval(obj, out, depth + 1);
        return;
      }
      const llvm::StringRef name = method->getIdentifier() ? method->getName() : "";
      if ((name == "c_str" || name == "data") && mc->getNumArgs() == 0) {
        Eval(obj, out, depth + 1);
        return;
      }
      if (name == "append" && mc->getNumArgs() == 1) {
        Eval(obj, out, depth + 1);
        Eval(mc->getArg(0), out, depth + 1);
        return;
      }
    }
    AppendHole(e, out);
    return;
  }
  if (const auto* call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl* fd = call->getDirectCallee();
    const llvm::StringRef name = fd && fd->getIdentifier() ? fd->getName() : "";
    const bool in_std = fd && fd->isInStdNamespace();
    if (name == "to_string" && in_std && call->getNumArgs() == 1) {
      Expr::EvalResult result;
      const Expr* arg = call->getArg(0);
      if (!arg->isValueDependent() && arg->getType()->isIntegerType() &&
          arg->EvaluateAsInt(result, context_)) {
        out->AppendSynthetic(llvm::toString(result.Val.getInt(), 10));
        return;
      }
    }
    if (name == "format" && call->getNumArgs() >= 1 &&
        (in_std || llvm::StringRef(fd->getQualifiedNameAsString()).startswith("fmt::"))) {
      AppendFormat(call, out, depth);
      return;
    }
    AppendHole(e, out);
    return;
  }
  if (const auto* ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto* var = dyn_cast<VarDecl>(ref->getDecl())) {
      AppendVariable(ref, var, out, depth);
      return;
    }
  }
  AppendHole(e, out);
}

bool Evaluator::ArrayElements(const Expr* e, std::vector<const Expr*>* elements,
                              bool stop_at_null) {
  e = StripValue(e);
  // std::array/std::vector: their .data().
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl* m = mc->getMethodDecl();
    if (!m || !m->getIdentifier() || m->getName() != "data") return false;
    e = StripValue(mc->getImplicitObjectArgument());
  }
  const Expr* init = nullptr;
  if (const auto* ref = dyn_cast<DeclRefExpr>(e)) {
    const auto* var = dyn_cast<VarDecl>(ref->getDecl());
    if (!var) return false;
    // Elements assigned after the declaration are not followed.
    if (!var->getType().isConstant(context_) && writes_.count(var->getCanonicalDecl())) return false;
    const VarDecl* with_init = nullptr;
    init = var->getAnyInitializer(with_init);
  } else if (const auto* literal = dyn_cast<CompoundLiteralExpr>(e)) {
    init = literal->getInitializer();
  }
  if (!init) return false;
  // Down to the braced list: std::array wraps it in one more, std::vector
  // holds it in an initializer_list.
  for (int guard = 0; guard < 4; ++guard) {
    init = StripValue(init);
    if (const auto* construct = dyn_cast<CXXConstructExpr>(init)) {
      if (construct->getNumArgs() < 1) return false;
      init = construct->getArg(0);
      continue;
    }
    if (const auto* list = dyn_cast<CXXStdInitializerListExpr>(init)) {
      init = list->getSubExpr();
      continue;
    }
    if (const auto* list = dyn_cast<InitListExpr>(init)) {
      if (list->getNumInits() == 1 && isa<InitListExpr>(StripValue(list->getInit(0)))) {
        init = list->getInit(0);
        continue;
      }
      for (const Expr* element : list->inits()) {
        if (stop_at_null &&
            element->isNullPointerConstant(context_, Expr::NPC_ValueDependentIsNotNull)) {
          break;
        }
        elements->push_back(element);
      }
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace rdslint::cpp_ast
