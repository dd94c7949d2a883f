// A strict JSON (RFC 8259) reader that keeps, for every value and every
// object key, the byte range it was read from, and for strings the decoded
// text mapped back to its source bytes. nlohmann::json cannot report
// positions, and our findings must point at the exact token.
//
//   json::ParseResult r = json::ParseJson(text);
//   if (const json::Value* v = r.value.Find("resource")) ...
//
// Errors are values; nesting deeper than kMaxDepth is an error (no stack
// overflow on hostile input); time is linear in the input.
#ifndef RDSLINT_FRONTEND_JSON_POSITIONED_JSON_H_
#define RDSLINT_FRONTEND_JSON_POSITIONED_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint::json {

inline constexpr int kMaxDepth = 256;

struct Member;

struct Value {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = kNull;
  SourceRange range;         // the value as written (quotes and brackets included)
  bool boolean = false;
  double number = 0;
  std::string number_text;   // kNumber, as written
  MappedText string;         // kString: decoded, each byte mapped to its source
  std::vector<Value> array;
  std::vector<Member> object;  // in source order; duplicate keys are kept

  bool is_object() const { return kind == kObject; }
  bool is_array() const { return kind == kArray; }
  bool is_string() const { return kind == kString; }
  // The last member with this key (JSON parsers commonly let the last win).
  const Value* Find(std::string_view key) const;
};

struct Member {
  MappedText key;         // decoded
  SourceRange key_range;  // as written, quotes included
  Value value;
};

struct Error {
  SourceRange range;
  std::string message;
};

struct ParseResult {
  Value value;
  std::vector<Error> errors;  // at most one: JSON has no useful recovery
  bool ok() const { return errors.empty(); }
};

ParseResult ParseJson(std::string_view text);

}  // namespace rdslint::json

#endif  // RDSLINT_FRONTEND_JSON_POSITIONED_JSON_H_
