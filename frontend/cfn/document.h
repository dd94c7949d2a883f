// CloudFormation templates (YAML or JSON) as a small positioned tree:
// null, scalar, list, map and intrinsic function nodes, each with the byte
// range it was written at. The short-form tags (!Ref, !Sub, !GetAtt, ...)
// and the long forms ({"Fn::Sub": ...}) read as the same function node;
// Fn::Sub strings are split into literal parts and variables, and
// {{resolve:...}} dynamic references are found in every scalar.
//
//   cfn::Document doc = cfn::Parse(text, {cfn::Syntax::kYaml});
//   if (const cfn::Node* r = doc.Get(*doc.root(), "Resources")) ...
//
// Errors are values: a syntax error leaves no tree; unknown intrinsic
// functions, malformed Fn::Sub strings and duplicate keys are errors beside
// a complete tree. YAML aliases share their anchor's node (never copied),
// "<<" merges are applied with a budget, nesting deeper than
// yaml::kMaxNesting is rejected before yaml-cpp sees it; time is linear.
#ifndef RDSLINT_FRONTEND_CFN_DOCUMENT_H_
#define RDSLINT_FRONTEND_CFN_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint::cfn {

inline constexpr uint32_t kNoNode = UINT32_MAX;

enum class Fn : uint8_t {
  kNone,
  kRef,
  kCondition,
  kSub,
  kGetAtt,
  kJoin,
  kSelect,
  kSplit,
  kIf,
  kEquals,
  kAnd,
  kOr,
  kNot,
  kImportValue,
  kFindInMap,
  kBase64,
  kCidr,
  kGetAZs,
  kTransform,
  kLength,
  kToJsonString,
};

// The long-form name: "Ref", "Condition", "Fn::Sub", ...
std::string_view FnName(Fn fn);

// One piece of an Fn::Sub string.
struct SubPart {
  enum class Kind : uint8_t { kLiteral, kVariable };
  Kind kind = Kind::kLiteral;
  // kLiteral: the text ("${!Name}" reads "${Name}"); kVariable: the name
  // between the braces, "Db.Endpoint.Address" or "AWS::Region".
  MappedText text;
  SourceRange range;  // as written; for a variable the whole "${...}"
};

// {{resolve:service:key}} inside a scalar (one split across the pieces of
// an Fn::Join is found by the graph builder on the joined value).
struct DynamicRef {
  std::string service;  // secretsmanager, ssm-secure, ssm
  uint32_t begin = 0;   // in Node::text, "{{" .. "}}" included
  uint32_t end = 0;
  // Resolved at deploy time into a secret value.
  bool secret() const { return service == "secretsmanager" || service == "ssm-secure"; }
};

struct Entry {
  MappedText key;
  SourceRange key_range;  // as written, quotes included
  uint32_t value = kNoNode;
  bool merged = false;    // brought in by a YAML "<<" merge key
};

struct Node {
  enum class Kind : uint8_t { kNull, kScalar, kList, kMap, kFunction };
  Kind kind = Kind::kNull;
  // kScalar: unquoted YAML or a JSON number/boolean, so it may read as a
  // boolean or a number; quoted and block scalars and JSON strings never do.
  bool plain = false;
  // As written: tags and anchors included, a flow collection up to its
  // closing bracket. An empty YAML value ("Key:") has an empty range just
  // after its colon.
  SourceRange range;
  MappedText text;               // kScalar, decoded, mapped to the source
  std::vector<uint32_t> items;   // kList
  std::vector<Entry> entries;    // kMap (a long-form function keeps its one entry)
  std::vector<DynamicRef> dynamic_refs;  // kScalar

  Fn fn = Fn::kNone;             // kFunction
  SourceRange fn_range;          // the "!Sub" tag or the "Fn::Sub" key
  uint32_t arg = kNoNode;        // kFunction: the argument as written
  std::vector<SubPart> sub;      // Fn::Sub: its template string, parsed

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_function(Fn f) const { return kind == Kind::kFunction && fn == f; }
  // A plain true/false (also True/TRUE, as YAML 1.1 readers take them).
  std::optional<bool> AsBool() const;
};

struct Error {
  SourceRange range;
  std::string message;  // never quotes a value
};

enum class Syntax { kYaml, kJson };

struct ParseOptions {
  Syntax syntax = Syntax::kYaml;
  // Serverless Framework files: "${self:...}", "${env:X, 'd'}" and other
  // variables are resolved before CloudFormation sees the template, so in
  // an Fn::Sub string they are literal text here, not Sub variables.
  bool serverless_variables = false;
};

class Document {
 public:
  // False after a syntax error (errors.front() says where): no tree.
  bool parsed() const { return root_ != kNoNode; }
  const Node* root() const { return parsed() ? &nodes_[root_] : nullptr; }
  const Node& at(uint32_t index) const { return nodes_[index]; }
  size_t size() const { return nodes_.size(); }

  // A map's value for `key` (the last one written), or nullptr.
  const Node* Get(const Node& map, std::string_view key) const;
  const Entry* Find(const Node& map, std::string_view key) const;
  // A function's argument, a list's item, or nullptr.
  const Node* Arg(const Node& fn) const;
  const Node* Item(const Node& list, size_t i) const;

  std::vector<Error> errors;

  // Building (the readers in this folder).
  std::vector<Node>& mutable_nodes() { return nodes_; }
  void set_root(uint32_t index) { root_ = index; }

 private:
  std::vector<Node> nodes_;
  uint32_t root_ = kNoNode;
};

Document Parse(std::string_view text, const ParseOptions& options);

// Every error a Parse reports: at most this many, then one saying so.
inline constexpr size_t kMaxErrors = 50;

}  // namespace rdslint::cfn

#endif  // RDSLINT_FRONTEND_CFN_DOCUMENT_H_
