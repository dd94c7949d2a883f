// Internal to the CloudFormation and Serverless builders: template nodes
// (frontend/cfn) turned into graph Values — literals with segments back to
// the source, references to other nodes, parameter defaults, Fn::Sub and
// Fn::Join strings with holes, dynamic references as deploy-time secrets.
#ifndef RDSLINT_FRONTEND_IAC_CFN_VALUES_H_
#define RDSLINT_FRONTEND_IAC_CFN_VALUES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/cfn/document.h"
#include "frontend/iac/graph.h"

namespace rdslint::iac::internal {

// One file read for the graph, kept alive while the builder runs.
struct SourceFile {
  SourceFile(std::string path_in, std::string text_in, const cfn::ParseOptions& options)
      : path(std::move(path_in)),
        text(std::move(text_in)),
        doc(cfn::Parse(text, options)),
        lines(text) {}
  std::string path;  // as reported
  std::string text;
  cfn::Document doc;
  LineIndex lines;

  std::string Where(uint32_t offset) const;  // "template.yaml:12"
};

// A node and the file it is written in.
struct At {
  const SourceFile* file = nullptr;
  const cfn::Node* node = nullptr;

  explicit operator bool() const { return node != nullptr; }
  At Get(std::string_view key) const;
  At Arg() const;
  At Item(size_t i) const;
  At Value(const cfn::Entry& e) const { return At{file, &file->doc.at(e.value)}; }
  const cfn::Entry* Find(std::string_view key) const;
  Origin origin() const;
  Origin OriginOf(SourceRange r) const { return Origin{file->path, r}; }
  std::string_view Source() const;   // the node as written
  const std::string& Text() const;   // a scalar's text, else ""
  bool IsScalar() const { return node && node->is_scalar(); }
  bool IsMap() const { return node && node->is_map(); }
  bool IsList() const { return node && node->is_list(); }
  bool IsNull() const { return !node || node->is_null(); }
  bool Is(cfn::Fn fn) const { return node && node->is_function(fn); }
};

struct Resource {
  std::string logical_id;
  std::string type;
  At resource;    // the resource's map
  At properties;  // its Properties (may be empty)
  SourceRange key_range;
  std::string construct_path;  // CDK metadata aws:cdk:path
};

// What one template (or a serverless.yml's resources) declares.
struct TemplateScope {
  std::string path;    // node ids are path + "#" + logical id
  Flavor flavor = Flavor::kCloudFormation;
  std::map<std::string, At> parameters;
  std::map<std::string, Resource> resources;
  At mappings;
  // Logical ids of nodes that are not resources of the template, and the
  // node ids they stand for: SAM's generated roles (ApiFunctionRole), the
  // Serverless Framework's functions (ApiLambdaFunction is functions.api)
  // and role (IamRoleLambdaExecution).
  std::map<std::string, std::string> implicit;

  std::string NodeId(std::string_view logical_id) const;
  // The id a reference to this logical id resolves to, or "" when the
  // template declares no such thing.
  std::string ResolveId(std::string_view logical_id) const;
};

class ValueBuilder;

// The Serverless Framework's ${...} variables inside strings.
class StringVariables {
 public:
  virtual ~StringVariables() = default;
  // Appends text[begin, end) of a scalar of `file` to `out`, resolving the
  // variables it holds.
  virtual void Append(ValueBuilder& b, Value* out, const MappedText& text, size_t begin,
                      size_t end, const SourceFile& file) = 0;
  // A scalar that is exactly one variable resolves to its value, whatever
  // its kind (a map from ${self:custom.vpc}); nullopt otherwise.
  virtual std::optional<Value> Whole(ValueBuilder& b, At scalar) = 0;
};

class ValueBuilder {
 public:
  ValueBuilder(const TemplateScope& scope, std::vector<GraphProblem>* problems,
               size_t budget)
      : scope_(scope), problems_(problems), budget_(budget) {}

  void set_variables(StringVariables* v) { variables_ = v; }
  const TemplateScope& scope() const { return scope_; }

  Value Convert(At n);
  // A list as its items (a single value as one item).
  std::vector<Value> Items(At n);

  // String building: `acc` must be kString.
  static void AppendValue(Value* acc, const Value& piece, std::string_view hole_text = {});
  void AppendLiteral(Value* acc, const MappedText& m, size_t begin, size_t end,
                     const SourceFile& file);
  // Literal text that may hold Serverless variables.
  void AppendText(Value* acc, const MappedText& m, size_t begin, size_t end,
                  const SourceFile& file);
  static Value EmptyString(Origin origin);
  // A value rdslint makes up (a SAM policy template's resource): its bytes
  // all map onto `origin`.
  static Value Synthetic(std::string text, Origin origin);
  // {{resolve:...}} spans of a finished string become one hole each.
  static void MarkDynamicReferences(Value* v);
  Value Unknown(At n, std::string via = {});
  Reference MakeReference(At where, std::string_view logical_id, std::string attribute,
                          std::string text) const;

  // Recursion through parameters, aliases and variables is bounded.
  bool Enter();
  void Leave() { --depth_; }
  void Problem(Origin origin, std::string message);

 private:
  Value ConvertFunction(At n);
  Value Ref(At n, const std::string& name);
  Value GetAtt(At n);
  Value Sub(At n);
  Value Join(At n);
  Value Select(At n);
  Value FindInMap(At n);
  Value Scalar(At n);
  Value Parameter(At where, const std::string& name, const At& definition);

  const TemplateScope& scope_;
  std::vector<GraphProblem>* problems_;
  StringVariables* variables_ = nullptr;
  size_t budget_;
  bool exhausted_ = false;
  int depth_ = 0;
};

// A name that holds a secret: *PASSWORD*, *PASSWD*, *SECRET*, *TOKEN*, ...
bool IsSecretName(std::string_view name);
// The ranges of a value's literal bytes (its verbatim segments) in `file`.
void AddSecretSpans(const Value& v, std::vector<Origin>* spans);

}  // namespace rdslint::iac::internal

#endif  // RDSLINT_FRONTEND_IAC_CFN_VALUES_H_
