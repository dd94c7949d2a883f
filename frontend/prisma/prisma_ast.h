// The Prisma schema language (PSL) as a positioned tree: blocks
// (datasource, generator, model, enum, view, type, and blocks of keywords
// this reader does not know yet), their properties, fields and attributes,
// and every value with its exact byte range.
#ifndef RDSLINT_FRONTEND_PRISMA_PRISMA_AST_H_
#define RDSLINT_FRONTEND_PRISMA_PRISMA_AST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint::prisma {

struct Argument;

// A value: "text", 42, -1.5, true / Cascade / db.VarChar (a path), a call
// such as env("DATABASE_URL") or now(), or a one-line array [a, "b"].
struct Expression {
  enum class Kind { kString, kNumber, kPath, kFunction, kArray };
  Kind kind = Kind::kPath;
  SourceRange range;              // the whole expression as written
  MappedText string;              // kString: decoded, mapped to the bytes between the quotes
  std::string text;               // kNumber as written, kPath, kFunction: the callee path
  SourceRange name_range;         // kFunction: the callee
  std::vector<Argument> arguments;  // kFunction
  std::vector<Expression> items;    // kArray

  bool is_string() const { return kind == Kind::kString; }
  // env("X"): the string argument naming the variable, else nullptr.
  const Expression* EnvVariable() const;
};

// `name: value`, `name:` (no value, as the editor leaves it) or `value`.
struct Argument {
  std::string name;  // empty for a positional argument
  SourceRange name_range;
  bool has_value = true;
  Expression value;
  SourceRange range;
};

// @id, @default(now()), @db.VarChar(255), @@index([a, b]).
struct Attribute {
  std::string name;  // the path after the @ or @@: "id", "db.VarChar", "index"
  bool block = false;  // @@
  SourceRange range;
  SourceRange name_range;
  bool has_arguments = false;  // written with parentheses
  std::vector<Argument> arguments;
};

struct FieldType {
  std::string name;   // "String", "User", "Unsupported"
  SourceRange range;  // the type with its ? or []
  bool optional = false;
  bool list = false;
  std::optional<Expression> unsupported;  // Unsupported("circle"): the string
};

// `key = value` in a datasource, a generator, or an unknown block.
struct Property {
  std::string key;
  SourceRange key_range;
  Expression value;
  SourceRange range;       // key to the end of the value
  SourceRange line_range;  // the whole line, its indentation and line break included
  std::string indent;      // the line's indentation as written
  std::string line_break;  // "\n", "\r\n", "\r", or "" at the end of the file
};

// A field of a model, view or composite type, or a value of an enum (no type).
struct Field {
  std::string name;
  SourceRange name_range;
  std::optional<FieldType> type;
  std::vector<Attribute> attributes;
  SourceRange range;
  std::string doc;  // the /// lines right above it, joined with '\n'
};

enum class BlockKind { kDatasource, kGenerator, kModel, kEnum, kView, kType, kUnknown };

struct Block {
  BlockKind kind = BlockKind::kUnknown;
  std::string keyword;  // as written: "datasource", "model", or an unknown keyword
  SourceRange keyword_range;
  std::string name;
  SourceRange name_range;
  SourceRange range;  // keyword to the closing brace
  std::vector<Property> properties;  // datasource, generator, unknown blocks
  std::vector<Field> fields;          // model, view, type, enum, unknown blocks
  std::vector<Attribute> attributes;  // @@ block attributes
  std::string doc;

  // The first property named `key`, or nullptr (Prisma rejects duplicates).
  const Property* Find(std::string_view key) const;
};

struct Comment {
  SourceRange range;  // from the slashes to the end of the line
  bool doc = false;   // ///
};

struct Error {
  SourceRange range;
  std::string message;  // never quotes a value
};

struct Schema {
  std::vector<Block> blocks;
  std::vector<Comment> comments;
  std::vector<Error> errors;  // in source order
  bool ok() const { return errors.empty(); }
};

std::string_view BlockKindName(BlockKind kind);

// String escapes, shared by the schema parser and the prisma.config.ts
// reader: a hex digit's value (-1 if not one), and a code point appended as
// UTF-8 (U+FFFD for surrogates and values past U+10FFFF), each byte mapped
// to `source`.
int HexValue(char c);
void AppendUtf8(uint32_t cp, uint32_t source, MappedText* out);

}  // namespace rdslint::prisma

#endif  // RDSLINT_FRONTEND_PRISMA_PRISMA_AST_H_
