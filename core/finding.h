// What a check reports, with everything a reporter needs and nothing it
// would have to look up again.
#ifndef RDSLINT_CORE_FINDING_H_
#define RDSLINT_CORE_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);  // "note", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

// A byte-exact edit of one file, as clang-tidy's replacements are.
struct Replacement {
  std::string file;       // path as reported
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string text;       // never a secret: fixes edit around the secret, not with it
};

struct FixIt {
  std::string description;
  std::vector<Replacement> replacements;
};

struct Location {
  std::string file;  // path as reported: relative to the working directory when below it
  SourceRange range;
  LineColumn begin;
  LineColumn end;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  std::string message;  // built from non-secret parts; masked again before output
  Location location;
  std::vector<FixIt> fixes;
  std::vector<RelatedLocation> related;
  // Filled by the linter once the file is done: the source line of the
  // finding with secrets masked, and a fingerprint that survives line moves.
  std::string masked_line;
  int caret_begin = 1;  // 1-based columns of the finding in masked_line
  int caret_end = 2;
  std::string fingerprint;
};

// Orders findings by file, line, column, rule and message, so that output is
// the same whatever the thread count.
bool FindingLess(const Finding& a, const Finding& b);

// Something the run wants to tell the user that is not a finding about the
// code: a skipped file, a configuration problem.
struct RunNote {
  enum class Level { kNote, kWarning, kError };
  Level level = Level::kNote;
  std::string file;  // may be empty
  int line = 0;      // 0 when not about a line
  int column = 0;
  std::string message;
};

}  // namespace rdslint

#endif  // RDSLINT_CORE_FINDING_H_
