// clang-tidy's suppression comments — NOLINT, NOLINTNEXTLINE, NOLINTBEGIN and
// NOLINTEND, each with an optional (glob,glob) list — inside whatever
// comment syntax the file has.
#ifndef RDSLINT_CORE_NOLINT_H_
#define RDSLINT_CORE_NOLINT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint {

// Which comment introducers a file kind has.
struct CommentSyntax {
  bool hash = false;         // # ...
  bool double_slash = false; // // ...
  bool block = false;        // /* ... */
};

struct NolintProblem {
  SourceRange range;
  std::string message;
};

class Suppressions {
 public:
  static Suppressions Scan(std::string_view text, CommentSyntax syntax);

  // Whether a finding of `rule_id` (or of its problem class) starting on
  // 1-based `line` is suppressed.
  bool Suppressed(std::string_view rule_id, std::string_view problem_class, int line) const;

  // Unmatched NOLINTBEGIN / NOLINTEND comments.
  const std::vector<NolintProblem>& problems() const { return problems_; }
  bool empty() const { return directives_.empty(); }

 private:
  struct Directive {
    int first_line = 0;  // inclusive
    int last_line = 0;   // inclusive
    std::vector<std::string> globs;  // empty: every rule
  };
  std::vector<Directive> directives_;
  std::vector<NolintProblem> problems_;
};

}  // namespace rdslint

#endif  // RDSLINT_CORE_NOLINT_H_
