// GitHub Actions workflow commands: one annotation per finding.
#include "core/report.h"

namespace rdslint {
namespace {

// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
std::string EscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string EscapeProperty(const std::string& s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

const char* Command(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "notice";
  }
  return "warning";
}

}  // namespace

void WriteGithub(const ReportInput& in, std::ostream& out) {
  for (const Finding& f : *in.findings) {
    const Location& l = f.location;
    out << "::" << Command(f.severity) << " file=" << EscapeProperty(l.file) << ",line=" << l.begin.line
        << ",col=" << l.begin.column << ",endLine=" << l.end.line << ",endColumn=" << l.end.column
        << ",title=" << EscapeProperty(f.rule_id) << "::" << EscapeData(f.message + " [" + f.rule_id + "]") << "\n";
  }
  for (const RunNote& n : *in.notes) {
    out << "::"
        << (n.level == RunNote::Level::kError ? "error" : n.level == RunNote::Level::kWarning ? "warning" : "notice");
    if (!n.file.empty()) {
      out << " file=" << EscapeProperty(n.file);
      if (n.line > 0) out << ",line=" << n.line;
    }
    out << "::" << EscapeData("rdslint: " + n.message) << "\n";
  }
}

}  // namespace rdslint
