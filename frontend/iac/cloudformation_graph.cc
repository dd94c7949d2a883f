#include "frontend/iac/cloudformation_graph.h"

#include <memory>
#include <string>
#include <utility>

#include "frontend/iac/cfn_builder.h"
#include "frontend/iac/cfn_values.h"

namespace rdslint::iac {
namespace {

using internal::At;

bool EndsWithJson(std::string_view path) {
  if (path.size() < 5) return false;
  std::string ext(path.substr(path.size() - 5));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext == ".json";
}

bool InCdkOut(std::string_view path) {
  return path.substr(0, 8) == "cdk.out/" || path.find("/cdk.out/") != std::string_view::npos;
}

}  // namespace

bool LooksLikeCloudFormation(std::string_view text) {
  if (text.find("AWSTemplateFormatVersion") != std::string_view::npos) return true;
  if (text.find("AWS::Serverless") != std::string_view::npos) return true;
  const size_t aws = text.find("AWS::");
  return aws != std::string_view::npos && text.find("Resources") != std::string_view::npos;
}

bool AddCloudFormationTemplate(std::string_view path, std::string_view text, Flavor flavor,
                               Graph* graph, std::vector<GraphProblem>* problems) {
  if (!LooksLikeCloudFormation(text)) return false;
  std::vector<GraphProblem> ignored;
  if (!problems) problems = &ignored;
  const cfn::ParseOptions options{EndsWithJson(path) ? cfn::Syntax::kJson : cfn::Syntax::kYaml};
  auto file = std::make_unique<internal::SourceFile>(std::string(path), std::string(text), options);
  auto report = [&](const cfn::Error& e) {
    problems->push_back(GraphProblem{Origin{std::string(path), e.range}, e.message});
  };
  if (!file->doc.parsed()) {
    // It looked like a template: a syntax error is worth reporting.
    for (const cfn::Error& e : file->doc.errors) report(e);
    internal::MarkLikelySecrets(path, text, &graph->secret_spans);
    graph->sources.push_back(GraphSource{std::string(path), TextFingerprint(text)});
    return true;
  }
  const At root{file.get(), file->doc.root()};
  if (!internal::IsTemplateRoot(root)) return false;
  for (const cfn::Error& e : file->doc.errors) report(e);
  graph->sources.push_back(GraphSource{std::string(path), TextFingerprint(text)});

  internal::TemplateScope scope;
  scope.path = std::string(path);
  internal::DeclareTemplate(root, &scope);
  scope.flavor = flavor;
  if (flavor == Flavor::kCloudFormation) {
    bool cdk = InCdkOut(path);
    for (const auto& [id, r] : scope.resources) cdk = cdk || !r.construct_path.empty();
    if (internal::HasServerlessTransform(root)) {
      scope.flavor = Flavor::kSam;
    } else if (cdk) {
      scope.flavor = Flavor::kCdk;
    }
  }

  // Aliases can make a small file stand for a large tree: values are
  // bounded by the file's size.
  internal::ValueBuilder values(scope, problems, 4 * file->doc.size() + 20000);
  Graph local;
  internal::CfnBuilder builder(scope, values, &local);
  if (scope.flavor == Flavor::kSam) builder.set_sam_globals(root.Get("Globals").Get("Function"));
  builder.Build();
  builder.Link();

  // A literal Default of a password parameter is a password in the file.
  for (const auto& [name, def] : scope.parameters) {
    const At no_echo = def.Get("NoEcho");
    const bool secret = (no_echo && (no_echo.node->AsBool() == true || no_echo.Text() == "true")) ||
                        internal::IsSecretName(name);
    if (secret) internal::AddSecretSpans(values.Convert(def.Get("Default")), &local.secret_spans);
  }
  graph->Merge(std::move(local));
  return true;
}

}  // namespace rdslint::iac
