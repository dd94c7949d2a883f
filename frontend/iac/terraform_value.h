// Making iac::Values while evaluating Terraform: strings assembled piece by
// piece that keep, for every byte, where it was written (Segments) and
// which parts stayed unknown (Holes), and the provenance (references, via,
// deploy-time secrets) that travels with a value through every operation.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_VALUE_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_VALUE_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/source.h"
#include "frontend/iac/graph.h"
#include "frontend/json/positioned_json.h"

namespace rdslint::iac::tf {

// Strings longer than this stay unknown: a hostile configuration cannot
// make evaluation build gigabytes ("${local.a}${local.a}" doubling).
inline constexpr size_t kMaxStringSize = 1 << 20;

Value MakeUnknown(std::string text, Origin origin);
Value MakeNull(Origin origin);
Value MakeBool(bool b, Origin origin);
Value MakeNumber(double n, Origin origin);
Value MakeNumberText(std::string text, Origin origin);
// A string copied from source bytes (each byte mapped by `text`).
Value MakeString(const MappedText& text, const std::string& file, Origin origin);
// A string computed here: its bytes map to `origin` as a whole.
Value MakeSyntheticString(std::string text, Origin origin);

bool IsKnown(const Value& v);  // not kUnknown, and (for strings) no holes
// Deep: no unknown anywhere inside.
bool IsWhollyKnown(const Value& v);

// The number in a kNumber (or a numeric kString, as Terraform converts).
std::optional<double> AsNumber(const Value& v);
std::string FormatNumber(double n);
// Terraform's conversion of a primitive to string: numbers as written,
// bools as true/false. nullopt for null, collections and unknowns.
std::optional<std::string> AsPlainString(const Value& v);

// Copies references, via and the deploy-time flag of `from` into `into`
// (deduplicated).
void AddProvenance(Value* into, const Value& from);
void AddVia(Value* into, std::string via);

// An unknown standing for an operation over `inputs`: it keeps what every
// input referenced.
Value UnknownFrom(std::string text, Origin origin, const std::vector<const Value*>& inputs);

// Equality of two known values (for ==, contains, lookups).
bool SameValue(const Value& a, const Value& b);

// Assembles a kString from pieces.
class StringBuilder {
 public:
  // Source bytes mapped by `text` (a template literal, a JSON string).
  void Literal(const MappedText& text, const std::string& file);
  void Literal(const MappedText& text, uint32_t begin, uint32_t end, const std::string& file);
  // Bytes computed here, mapped as a whole to `origin`.
  void Synthetic(std::string_view text, const Origin& origin);
  // A string value (its segments and holes come along); a number or bool
  // converted; an unknown (or a collection) becomes a hole.
  void Append(const Value& v);
  // A part of `v` (a kString): bytes [begin, end) with their segments/holes.
  void AppendSlice(const Value& v, uint32_t begin, uint32_t end);
  // An unknown written at `where` as `text` ("${aws_db_instance.x.address}").
  void Hole(std::string_view text, const Origin& where, const Value& unknown);

  size_t size() const { return v_.text.size(); }
  bool overflow() const { return overflow_; }
  Value Finish(Origin origin);

 private:
  void AddSegment(uint32_t begin, uint32_t end, const Origin& origin, bool verbatim);
  Value v_{};
  bool overflow_ = false;
};

// A JSON document (decoded from `source`, a kString whose text is the JSON)
// as a Value, each element's origin mapped back through `source`'s segments.
// Parts of strings that fall in one of `source`'s holes become holes.
Value FromJson(const json::Value& j, const Value& source);
// The same for JSON read straight from a file.
Value FromJsonFile(const json::Value& j, const std::string& file);

// Maps [begin, end) of v.text to the source, from the segments holding the
// first and the last byte (when both lie in the same file).
std::optional<Origin> MapRange(const Value& v, uint32_t begin, uint32_t end);

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_VALUE_H_
