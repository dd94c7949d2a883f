// Reads a Prisma schema file (schema.prisma, or one file of a multi-file
// schema in prisma/schema/) into the tree of prisma_ast.h.
//
//   prisma::Schema s = prisma::ParseSchema(text);
//   for (const prisma::Block& b : s.blocks) ...   // s.errors may be non-empty
//
// The grammar is Prisma's own (prisma-engines' schema-ast), which is line
// oriented: a block opens with `{` at the end of its first line (the rest of
// that line is ignored, as Prisma does) and closes with `}` first on a line;
// every property, field and @@attribute is one line, arrays included.
// Strings are JSON strings with no control characters; an unknown escape is
// an error, as in Prisma. Where this reader is deliberately more lenient
// than Prisma: a block whose keyword it does not know (`policy Name {`) is
// kept with its properties and fields, so that a schema of a later Prisma
// still parses; names are not validated (a field named `1a` parses, as in
// Prisma's parser, and is left to Prisma's validator).
//
// Never throws, never recurses deeper than kMaxNesting, linear in the input.
// An invalid line is reported once (consecutive invalid lines as one error)
// and skipped, so the rest of the file is still read.
#ifndef RDSLINT_FRONTEND_PRISMA_PRISMA_PARSER_H_
#define RDSLINT_FRONTEND_PRISMA_PRISMA_PARSER_H_

#include <string_view>

#include "frontend/prisma/prisma_ast.h"

namespace rdslint::prisma {

inline constexpr int kMaxNesting = 64;

Schema ParseSchema(std::string_view text);

}  // namespace rdslint::prisma

#endif  // RDSLINT_FRONTEND_PRISMA_PRISMA_PARSER_H_
