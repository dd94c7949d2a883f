// Fix-its out of the process: clang-tidy's replacements YAML (for
// clang-apply-replacements and editors), and --fix applying them in place.
#ifndef RDSLINT_CORE_FIXES_H_
#define RDSLINT_CORE_FIXES_H_

#include <string>
#include <vector>

#include "core/finding.h"

namespace rdslint {

// clang-tidy's --export-fixes format. `main_file` is the MainSourceFile
// field (clang-tidy puts the translation unit there; rdslint the first file
// with a fix, or "" when there is none). File paths are made absolute with
// `base_dir`, as clang-apply-replacements expects.
std::string FormatReplacementsYaml(const std::vector<Finding>& findings, const std::string& base_dir);

struct FixResult {
  int files_changed = 0;
  int fixes_applied = 0;
  int fixes_skipped = 0;         // overlapped an earlier fix in the same file
  std::vector<RunNote> errors;   // files that could not be rewritten
};

// Applies every fix-it to the files on disk. Fixes are taken in finding
// order; one that overlaps an already accepted one is skipped (and counted),
// so the result never depends on luck.
FixResult ApplyFixes(const std::vector<Finding>& findings);

}  // namespace rdslint

#endif  // RDSLINT_CORE_FIXES_H_
