// Internal to frontend/cfn: the two readers, and what both do once a node
// is complete — recognise intrinsic functions in either form, check their
// shape, split Fn::Sub strings, find dynamic references.
#ifndef RDSLINT_FRONTEND_CFN_INTRINSICS_H_
#define RDSLINT_FRONTEND_CFN_INTRINSICS_H_

#include <string>
#include <string_view>

#include "frontend/cfn/document.h"

namespace rdslint::cfn::internal {

enum class TagKind { kData, kFunction, kUnknown };

// A yaml-cpp tag: "?" / "!" / "tag:yaml.org,2002:..." are data, "!Sub" and
// the other CloudFormation short forms are functions, anything else is not
// something CloudFormation reads.
TagKind ClassifyTag(std::string_view tag, Fn* fn);

class Finisher {
 public:
  Finisher(Document* doc, const ParseOptions& options) : doc_(doc), options_(options) {}

  // A scalar just read: its dynamic references.
  void Scalar(uint32_t index);
  // A map just closed: a single entry {"Fn::X": arg} (or "Ref", or
  // "Condition" with a name) becomes a function node in place; other
  // "Fn::" keys are unknown functions.
  void Map(uint32_t index);
  // A short-form tag around `content`: a new function node spanning `whole`.
  uint32_t Tagged(Fn fn, SourceRange tag_range, uint32_t content, SourceRange whole);

  void AddError(SourceRange range, std::string message);

 private:
  void Function(uint32_t index);
  void CheckShape(uint32_t index);
  void ParseSub(uint32_t fn_index, uint32_t template_index);

  Document* doc_;
  ParseOptions options_;
};

// The readers (yaml_reader.cc, json_reader.cc): fill `doc` or its errors.
void ReadYaml(std::string_view text, const ParseOptions& options, Document* doc);
void ReadJson(std::string_view text, const ParseOptions& options, Document* doc);

// ReadYaml's two event sources, for tests and the fuzz target: libyaml
// (false, `doc` untouched, where it cannot stand in for yaml-cpp) and
// yaml-cpp.
bool ReadYamlWithLibyaml(std::string_view text, const ParseOptions& options, Document* doc);
void ReadYamlWithYamlCpp(std::string_view text, const ParseOptions& options, Document* doc);

// Every field of every node and error of `doc`, a line each: two documents
// read alike describe alike (tests, the fuzz target).
std::string Describe(const Document& doc);

}  // namespace rdslint::cfn::internal

#endif  // RDSLINT_FRONTEND_CFN_INTRINSICS_H_
