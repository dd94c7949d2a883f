// clang-tidy's format: "path:line:col: severity: message [rule-id]", then the
// source line (secrets masked) and a caret under the finding.
#include "core/report.h"

namespace rdslint {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kGreen = "\033[1;32m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\033[1;31m";
    case Severity::kWarning: return "\033[1;35m";
    case Severity::kNote: return "\033[1;36m";
  }
  return "";
}

std::string CaretLine(const Finding& f) {
  const std::string& line = f.masked_line;
  std::string out;
  const int begin = std::max(1, f.caret_begin);
  for (int col = 1; col < begin; ++col) {
    size_t i = static_cast<size_t>(col - 1);
    out.push_back(i < line.size() && line[i] == '\t' ? '\t' : ' ');
  }
  out.push_back('^');
  for (int col = begin + 1; col < f.caret_end; ++col) out.push_back('~');
  return out;
}

}  // namespace

void WriteText(const ReportInput& in, bool color, std::ostream& out) {
  for (const Finding& f : *in.findings) {
    const Location& l = f.location;
    if (color) out << kBold;
    out << l.file << ":" << l.begin.line << ":" << l.begin.column << ": ";
    if (color) out << SeverityColor(f.severity);
    out << SeverityName(f.severity) << ":";
    if (color) out << kReset << kBold;
    out << " " << f.message << " [" << f.rule_id << "]";
    if (color) out << kReset;
    out << "\n";
    out << f.masked_line << "\n";
    if (color) out << kGreen;
    out << CaretLine(f);
    if (color) out << kReset;
    out << "\n";
  }
}

std::string FormatRunNotes(const std::vector<RunNote>& notes, bool color) {
  std::string out;
  for (const RunNote& n : notes) {
    if (color) out += kBold;
    out += n.file.empty() ? std::string("rdslint") : n.file;
    if (n.line > 0) out += ":" + std::to_string(n.line) + ":" + std::to_string(n.column);
    out += ": ";
    Severity s = n.level == RunNote::Level::kError     ? Severity::kError
                 : n.level == RunNote::Level::kWarning ? Severity::kWarning
                                                       : Severity::kNote;
    if (color) out += SeverityColor(s);
    out += std::string(SeverityName(s)) + ":";
    if (color) out += kReset;
    out += " " + n.message + "\n";
  }
  return out;
}

}  // namespace rdslint
