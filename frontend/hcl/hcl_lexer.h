// Splits HCL native syntax into tokens. Like HashiCorp's scanner it is modal:
// inside quoted strings and heredocs it yields template literal chunks, and
// `${` / `%{` switch back to expression tokens until the matching `}`.
// One pass, no backtracking, never fails: bad input yields kInvalid tokens
// and errors.
#ifndef RDSLINT_FRONTEND_HCL_HCL_LEXER_H_
#define RDSLINT_FRONTEND_HCL_HCL_LEXER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/hcl/hcl_ast.h"

namespace rdslint::hcl {

enum class TokenType : uint8_t {
  kEof,
  kNewline,
  kIdent,
  kNumber,
  kOBrace, kCBrace, kOBrack, kCBrack, kOParen, kCParen,
  kOQuote, kCQuote,      // " ... "
  kOHeredoc, kCHeredoc,  // <<EOT\n ... EOT
  kTemplateLiteral,      // raw chunk of template text (escapes not decoded)
  kTemplateInterp,       // ${   (strip: ${~)
  kTemplateControl,      // %{   (strip: %{~)
  kTemplateSeqEnd,       // }    closing either (strip: ~})
  kEqual, kComma, kColon, kDoubleColon, kQuestion, kDot, kEllipsis, kFatArrow,
  kPlus, kMinus, kStar, kSlash, kPercent, kBang, kAnd, kOr,
  kEqualOp, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual,
  kInvalid,
};

struct Token {
  TokenType type = TokenType::kEof;
  SourceRange range;
  // kTemplateInterp/Control: `~` after the opener; kTemplateSeqEnd: `~`
  // before the closer; kOHeredoc: `<<-` (indentation is stripped).
  bool flag = false;
  // kCQuote/kCHeredoc made up by the lexer for an unterminated string (the
  // error is already reported).
  bool synthetic = false;
};

struct LexResult {
  std::vector<Token> tokens;  // always ends with kEof
  std::vector<Error> errors;
};

LexResult Lex(std::string_view text);

// The text of a template with no delimiters (a .tf.json string value): only
// literal chunks and `${`/`%{` sequences, ended by kEof.
LexResult LexTemplate(std::string_view text);

}  // namespace rdslint::hcl

#endif  // RDSLINT_FRONTEND_HCL_HCL_LEXER_H_
