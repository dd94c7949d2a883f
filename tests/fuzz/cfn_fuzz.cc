// Fuzzes the CloudFormation reader (YAML and JSON, intrinsic functions,
// Fn::Sub strings, aliases and merges) and the builders that turn templates
// and serverless.yml into the project graph.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "frontend/cfn/document.h"
#include "frontend/cfn/intrinsics.h"
#include "frontend/iac/cloudformation_graph.h"
#include "frontend/iac/serverless_graph.h"

namespace {

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) __builtin_trap();
}

void CheckMapped(const rdslint::MappedText& m, size_t size) {
  if (m.offsets.size() != m.text.size() + 1) __builtin_trap();
  for (uint32_t o : m.offsets) {
    if (o > size) __builtin_trap();
  }
}

void CheckDocument(const rdslint::cfn::Document& doc, size_t size) {
  for (const rdslint::cfn::Error& e : doc.errors) CheckRange(e.range, size);
  if (!doc.parsed()) return;
  for (size_t i = 0; i < doc.size(); ++i) {
    const rdslint::cfn::Node& n = doc.at(static_cast<uint32_t>(i));
    CheckRange(n.range, size);
    if (n.is_scalar()) CheckMapped(n.text, size);
    for (const rdslint::cfn::Entry& e : n.entries) {
      CheckRange(e.key_range, size);
      CheckMapped(e.key, size);
      if (e.value >= doc.size()) __builtin_trap();
    }
    for (uint32_t item : n.items) {
      if (item >= doc.size()) __builtin_trap();
    }
    for (const rdslint::cfn::SubPart& p : n.sub) {
      CheckRange(p.range, size);
      CheckMapped(p.text, size);
    }
    for (const rdslint::cfn::DynamicRef& d : n.dynamic_refs) {
      if (d.begin > d.end || d.end > n.text.text.size()) __builtin_trap();
    }
  }
}

void CheckGraph(const rdslint::iac::Graph& g, const std::vector<rdslint::iac::GraphProblem>& problems,
                size_t size) {
  for (const rdslint::iac::GraphProblem& p : problems) CheckRange(p.origin.range, size);
  for (const rdslint::iac::Origin& o : g.secret_spans) CheckRange(o.range, size);
  for (const rdslint::iac::Function& f : g.functions) {
    CheckRange(f.origin.range, size);
    for (const rdslint::iac::EnvVar& e : f.environment) {
      CheckRange(e.name_origin.range, size);
      for (const rdslint::iac::Segment& s : e.value.segments) {
        if (s.begin > s.end || s.end > e.value.text.size()) __builtin_trap();
        CheckRange(s.origin.range, size);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using rdslint::cfn::Syntax;
  CheckDocument(rdslint::cfn::Parse(text, {Syntax::kYaml, false}), size);
  CheckDocument(rdslint::cfn::Parse(text, {Syntax::kYaml, true}), size);
  CheckDocument(rdslint::cfn::Parse(text, {Syntax::kJson, false}), size);
  // libyaml stands in for yaml-cpp only where both read the same document.
  for (bool serverless : {false, true}) {
    const rdslint::cfn::ParseOptions options{Syntax::kYaml, serverless};
    rdslint::cfn::Document fast, slow;
    if (rdslint::cfn::internal::ReadYamlWithLibyaml(text, options, &fast)) {
      rdslint::cfn::internal::ReadYamlWithYamlCpp(text, options, &slow);
      if (rdslint::cfn::internal::Describe(fast) != rdslint::cfn::internal::Describe(slow)) __builtin_trap();
    }
  }

  for (const char* path : {"template.yaml", "cdk.out/App.template.json"}) {
    rdslint::iac::Graph g;
    std::vector<rdslint::iac::GraphProblem> problems;
    rdslint::iac::AddCloudFormationTemplate(path, text, rdslint::iac::Flavor::kCloudFormation, &g,
                                            &problems);
    CheckGraph(g, problems, size);
  }
  // No other file exists here: ${file(...)} reads nothing.
  rdslint::iac::Graph g;
  std::vector<rdslint::iac::GraphProblem> problems;
  rdslint::iac::AddServerlessConfig("serverless.yml", text, {}, &g, &problems);
  CheckGraph(g, problems, size);
  return 0;
}
