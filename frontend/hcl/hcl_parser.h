// HCL2 native syntax (.tf, .hcl, .tfvars) into the tree of hcl_ast.h.
//
//   hcl::ParseResult r = hcl::ParseHcl(text);
//   for (const hcl::Block& b : r.body.blocks) ...   // r.errors may be non-empty
//
// Never throws, never recurses past kMaxNesting, linear in the input. On a
// syntax error the parser reports it and skips to the next line (or the end
// of the enclosing bracket), so later blocks are still read.
#ifndef RDSLINT_FRONTEND_HCL_HCL_PARSER_H_
#define RDSLINT_FRONTEND_HCL_HCL_PARSER_H_

#include <string_view>
#include <vector>

#include "frontend/hcl/hcl_ast.h"

namespace rdslint::hcl {

inline constexpr int kMaxNesting = 256;

struct ParseResult {
  Body body;
  std::vector<Error> errors;  // sorted by position
  bool ok() const { return errors.empty(); }
};

ParseResult ParseHcl(std::string_view text);

// One expression alone (for tests and for values held in other formats).
struct ExpressionResult {
  ExprPtr expr;  // never null
  std::vector<Error> errors;
};
ExpressionResult ParseHclExpression(std::string_view text);
// The same, for decoded text whose bytes map back to a file (a .tf.json
// string holding a reference); ranges in the result are file positions.
ExpressionResult ParseHclExpression(const MappedText& text);

// A template without quotes, as in a .tf.json string value: `hello ${var.x}`.
// `offsets` maps each byte of `text` to its position in the real file (so a
// JSON string with escapes still points at its source); ranges in the result
// are file positions.
ExpressionResult ParseHclTemplate(const MappedText& text);

}  // namespace rdslint::hcl

#endif  // RDSLINT_FRONTEND_HCL_HCL_PARSER_H_
