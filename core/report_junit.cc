// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure):
// one test case per rule that ran, one failure per finding.
#include <map>

#include "core/report.h"

namespace rdslint {
namespace {

std::string Xml(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 has no place for most control characters.
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

void WriteJunit(const ReportInput& in, std::ostream& out) {
  std::map<std::string, std::vector<const Finding*>> by_rule;
  for (const RuleInfo* r : in.rules) by_rule[r->id];
  for (const Finding& f : *in.findings) by_rule[f.rule_id].push_back(&f);
  size_t failures = in.findings->size();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"rdslint\" tests=\"" << by_rule.size() << "\" failures=\"" << failures << "\">\n";
  out << "  <testsuite name=\"rdslint\" tests=\"" << by_rule.size() << "\" failures=\"" << failures
      << "\" errors=\"0\">\n";
  for (const auto& [rule, findings] : by_rule) {
    out << "    <testcase classname=\"rdslint\" name=\"" << Xml(rule) << "\"";
    if (findings.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const Finding* f : findings) {
      const Location& l = f->location;
      const std::string where = l.file + ":" + std::to_string(l.begin.line) + ":" +
                                std::to_string(l.begin.column);
      out << "      <failure type=\"" << SeverityName(f->severity) << "\" message=\"" << Xml(where + ": " + f->message)
          << "\">" << Xml(where + ": " + f->message + "\n" + f->masked_line) << "</failure>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace rdslint
