// Writes docs/rules/<id>.md for every rule of the embedded packs, and an
// index, into the folder given. The build runs it into build/docs/rules;
// `make docs` into the source tree, whose copy SARIF's helpUri links to.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/rule_registry.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const rdslint::RuleRegistry& rules = rdslint::RuleRegistry::Embedded();
  std::string index = "# rdslint rules\n\nGenerated from `rules/*.yaml`; `make docs` refreshes these pages.\n\n"
                      "| rule | severity | class | title |\n|---|---|---|---|\n";
  for (const rdslint::RuleInfo& r : rules.rules()) {
    std::ofstream out(dir + "/" + r.id + ".md", std::ios::binary | std::ios::trunc);
    out << rdslint::RuleMarkdown(r);
    if (!out) {
      fprintf(stderr, "rule_docs: cannot write %s/%s.md\n", dir.c_str(), r.id.c_str());
      return 1;
    }
    index += "| [" + r.id + "](" + r.id + ".md) | " + std::string(rdslint::SeverityName(r.severity)) +
             " | " + r.problem_class + " | " + r.title + " |\n";
  }
  std::ofstream(dir + "/README.md", std::ios::binary | std::ios::trunc) << index;
  return 0;
}
