// The template half of the parser: decoding literal chunks, HCL's `~` strip
// markers and `<<-` indentation, and nesting %{if}/%{for} directives. The
// parser collects a flat list of RawTemplateParts (one per token sequence)
// and hands it here.
#ifndef RDSLINT_FRONTEND_HCL_HCL_TEMPLATE_H_
#define RDSLINT_FRONTEND_HCL_HCL_TEMPLATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "frontend/hcl/hcl_ast.h"

namespace rdslint::hcl {

struct RawTemplatePart {
  enum Kind { kLiteral, kInterp, kIf, kElse, kEndIf, kFor, kEndFor };
  Kind kind = kLiteral;
  SourceRange range;
  MappedText text;  // kLiteral, decoded
  ExprPtr expr;     // kInterp, kIf condition, kFor collection
  std::string key_var, value_var;  // kFor
  bool strip_before = false;  // `${~` / `%{~`: trim the literal before
  bool strip_after = false;   // `~}`: trim the literal after
};

// A chunk of a quoted string: \n \r \t \" \\ \uNNNN \UNNNNNNNN, $${ and %%{.
MappedText DecodeQuotedLiteral(std::string_view raw, uint32_t begin, std::vector<Error>* errors);
// A chunk of a heredoc (or a JSON string template): only $${ and %%{.
MappedText DecodeHeredocLiteral(std::string_view raw, uint32_t begin);

// Applies strip markers and (for `<<-`) indentation removal, then nests the
// directives. Errors for unbalanced directives are appended.
Template BuildTemplate(std::vector<RawTemplatePart> raw, bool heredoc, bool flush,
                       std::vector<Error>* errors);

}  // namespace rdslint::hcl

#endif  // RDSLINT_FRONTEND_HCL_HCL_TEMPLATE_H_
