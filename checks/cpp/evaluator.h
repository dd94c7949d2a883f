// The small constant evaluator behind the cpp checks: the string value of a
// C++ expression as far as it is known at compile time — string literals
// (escapes, adjacent literals, raw strings, macros), constexpr/const
// variables, variables that are never written, local std::strings built up
// with =, +=, append() before the use, `+` on strings, c_str()/data(),
// std::string/string_view/pqxx::zview construction, std::to_string of a
// constant, std::format/fmt::format with a literal format — with every
// unknown part kept as a named hole. Includes clang headers: only the cpp
// pack's own translation units include it.
#ifndef RDSLINT_CHECKS_CPP_EVALUATOR_H_
#define RDSLINT_CHECKS_CPP_EVALUATOR_H_

#include <map>
#include <string>
#include <vector>

#include "checks/cpp/cpp_file.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"

namespace rdslint::cpp_ast {

// A write to a variable (or to a member or element of it), as the matchers
// saw it.
struct Write {
  enum class Kind {
    kAssign,   // x = v, x.assign(v)
    kAppend,   // x += v, x.append(v)
    kClear,    // x.clear()
    kOther,    // any other mutation: a non-const method, a non-const reference argument
  };
  Kind kind = Kind::kOther;
  const clang::Expr* node = nullptr;      // the whole write
  const clang::Expr* target = nullptr;    // what is written (x, x.member, x[i])
  std::string path;                       // "" for x itself, ".member", "[]"
  std::vector<const clang::Expr*> values; // what is written into it
  // For an out-parameter (Fetch(g_password)): the call whose callee fills it.
  const clang::CallExpr* filler = nullptr;
};

// Writes by the variable written (canonical declaration).
using WriteIndex = std::map<const clang::VarDecl*, std::vector<Write>>;

// The variable an expression names or reaches into (x, x.a.b, x[i], x->a),
// with the path below it.
const clang::VarDecl* RootVariable(const clang::Expr* e, std::string* path);

// Strips what does not change a string's value: parentheses, implicit
// conversions, temporaries, casts between string types.
const clang::Expr* StripValue(const clang::Expr* e);

// A readable name for an expression that is not a literal ("db_password",
// "cfg.password", "getenv()"); never contains literal text.
std::string ExpressionName(const clang::Expr* e);

// The variable an environment read names: "DB_HOST" for getenv("DB_HOST"),
// std::getenv, secure_getenv and Aws::Environment::GetEnv; "" for any
// other call, or a name that is not a literal.
std::string EnvVariableRead(const clang::CallExpr* call);

class Evaluator {
 public:
  // Offsets in `file` are kept; bytes spelled elsewhere get none.
  Evaluator(clang::ASTContext& context, clang::FileID file, const WriteIndex& writes);

  CppString Eval(const clang::Expr* e);
  // A hole for an expression: its name, its range when it is in `file`.
  CppHole Hole(const clang::Expr* e);
  // The elements of an array the expression names (a C array or
  // std::array/std::vector initialised from a braced list), up to the first
  // null pointer when `stop_at_null`; false when they are not known.
  bool ArrayElements(const clang::Expr* e, std::vector<const clang::Expr*>* elements,
                     bool stop_at_null);
  // The offsets of a token range in `file`, when it is there.
  std::optional<SourceRange> Range(clang::SourceRange range);
  std::optional<SourceRange> Range(clang::SourceLocation loc);

 private:
  void Eval(const clang::Expr* e, CppString* out, int depth);
  void AppendLiteral(const clang::StringLiteral* s, CppString* out);
  void AppendVariable(const clang::DeclRefExpr* ref, const clang::VarDecl* var, CppString* out,
                      int depth);
  void AppendFormat(const clang::CallExpr* call, CppString* out, int depth);
  void AppendHole(const clang::Expr* e, CppString* out);
  uint32_t EscapeLength(uint32_t offset) const;

  clang::ASTContext& context_;
  const clang::SourceManager& sm_;
  clang::FileID file_;
  llvm::StringRef buffer_;
  const WriteIndex& writes_;
  int budget_ = 0;  // expressions one Eval may still visit
};

}  // namespace rdslint::cpp_ast

#endif  // RDSLINT_CHECKS_CPP_EVALUATOR_H_
