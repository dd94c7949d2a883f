#include "core/finding.h"

#include <tuple>

namespace rdslint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "note" || name == "N" || name == "info") return Severity::kNote;
  if (name == "warning" || name == "W") return Severity::kWarning;
  if (name == "error" || name == "E") return Severity::kError;
  return std::nullopt;
}

bool FindingLess(const Finding& a, const Finding& b) {
  const Location& l = a.location;
  const Location& r = b.location;
  return std::tie(l.file, l.begin.line, l.begin.column, a.rule_id, l.end.line,
                  l.end.column, a.message) <
         std::tie(r.file, r.begin.line, r.begin.column, b.rule_id, r.end.line,
                  r.end.column, b.message);
}

}  // namespace rdslint
