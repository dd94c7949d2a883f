// Fuzzes the Serverless Framework reader (serverless.yml into the project
// graph) with ${file(...)} resolving to a second, fixed file and to the input
// itself, so includes, self-inclusion and variables are all reached.
// cfn_fuzz also calls it, without includes, among the CloudFormation readers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/iac/serverless_graph.h"

namespace {

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) __builtin_trap();
}

constexpr std::string_view kIncluded =
    "DB_HOST: db.proxy-abc.eu-west-1.rds.amazonaws.com\n"
    "password: ${self:custom.password}\n"
    "nested: ${file(./other.yml):DB_HOST}\n"
    "list: [a, b, {c: d}]\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  int reads = 0;
  rdslint::iac::ReadServiceFile read = [&](std::string_view rel, std::string* path,
                                           std::string* out) {
    if (++reads > 64) return false;
    if (rel.find("self") != std::string_view::npos) {
      *path = "serverless.yml";
      *out = std::string(text);
    } else {
      *path = "config/" + std::string(rel.substr(0, 64));
      *out = std::string(kIncluded);
    }
    return true;
  };
  for (bool with_files : {false, true}) {
    rdslint::iac::Graph g;
    std::vector<rdslint::iac::GraphProblem> problems;
    rdslint::iac::AddServerlessConfig("serverless.yml", text,
                                      with_files ? read : rdslint::iac::ReadServiceFile(), &g,
                                      &problems);
    for (const rdslint::iac::GraphProblem& p : problems) {
      // Problems in an included file are located in that file.
      const size_t limit = p.origin.file == "serverless.yml" ? size : std::max(size, kIncluded.size());
      CheckRange(p.origin.range, limit);
    }
    for (const rdslint::iac::Function& f : g.functions) {
      for (const rdslint::iac::EnvVar& e : f.environment) {
        for (const rdslint::iac::Segment& s : e.value.segments) {
          if (s.begin > s.end || s.end > e.value.text.size()) __builtin_trap();
        }
      }
    }
  }
  return 0;
}
