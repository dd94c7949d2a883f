// One whole run over paths: discovery, configuration, project facts, the
// files linted in parallel, findings sorted. The rdslint command and the
// tests both go through here.
#ifndef RDSLINT_CHECKS_LINT_RUN_H_
#define RDSLINT_CHECKS_LINT_RUN_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checks/linter.h"
#include "core/config.h"

namespace rdslint {

struct LintOptions {
  std::vector<std::string> paths;
  ConfigResolver::Overrides config;
  std::set<std::string> tags;  // only these problem classes; empty: all
  int jobs = 1;
  DiscoverOptions discover;
  // --stdin-filename: the text of paths[0], read from standard input by the
  // caller; the file on disk (if any) is not read.
  std::optional<std::string> stdin_text;
  // -p: the build folder whose compile_commands.json C++ files are parsed
  // with; "" to look one up from each file's folder, as clang-tidy does.
  std::string build_path;
  // --file-time-budget: a file whose checking takes longer gets a warning
  // note naming it and the time it took; the run goes on. 0: no budget.
  uint64_t file_time_budget_ms = 30000;
};

struct LintRun {
  std::vector<Finding> findings;  // sorted with FindingLess
  std::vector<RunNote> notes;     // sorted by file
  size_t files_checked = 0;
  ProjectFacts facts;
};

LintRun RunLint(const LintOptions& options, const RuleRegistry& rules);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_LINT_RUN_H_
