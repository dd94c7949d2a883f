// Fuzzes the Terraform frontend end to end: module loading, evaluation
// (templates, functions, modules, cycles, limits), policies and the graph.
// The input is one main.tf, or several files separated by lines
// "#~ PATH" (PATH relative to the project: "modules/db/main.tf",
// "terraform.tfvars"), so inputs can hold local modules that call each
// other.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/iac/terraform_graph.h"

namespace {

// Only a small alphabet in paths: a fuzzer's path cannot leave the virtual
// checkout, and file() reads nothing real.
std::string CleanPath(std::string_view p) {
  std::string out;
  for (char c : p.substr(0, 64)) {
    if ((c >= 'a' && c <= 'z') || c == '/' || c == '.' || c == '_') out.push_back(c);
  }
  while (!out.empty() && (out.front() == '/' || out.front() == '.')) out.erase(out.begin());
  return out.empty() ? "main.tf" : out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<rdslint::iac::tf::Input> inputs;
  std::string path = "main.tf";
  size_t start = 0;
  auto flush = [&](size_t end) {
    inputs.push_back(rdslint::iac::tf::Input{path, "/rdslint-fuzz/" + path, std::string(text.substr(start, end - start))});
  };
  for (size_t at = text.find("#~ "); at != std::string_view::npos; at = text.find("#~ ", at + 3)) {
    if (at != 0 && text[at - 1] != '\n') continue;
    flush(at);
    size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    path = CleanPath(text.substr(at + 3, eol - at - 3));
    start = eol < text.size() ? eol + 1 : eol;
  }
  flush(text.size());
  rdslint::iac::Graph g = rdslint::iac::BuildTerraformGraph(std::move(inputs));
  // Every position the graph reports lies in a file it was given.
  for (const auto& p : g.problems) {
    if (p.origin.range.end < p.origin.range.begin) __builtin_trap();
  }
  for (const auto& o : g.secret_spans) {
    if (o.range.end < o.range.begin || o.range.end > size) __builtin_trap();
  }
  return 0;
}
