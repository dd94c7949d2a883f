// The reporters: clang-tidy-style text, JSON, SARIF 2.1.0, GitHub workflow
// commands and JUnit XML. Each writes the findings of one run, already
// sorted, masked and filtered, to a stream as it goes: a report of many
// findings is never held whole in memory.
#ifndef RDSLINT_CORE_REPORT_H_
#define RDSLINT_CORE_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/rule_registry.h"

namespace rdslint {

struct ReportInput {
  const std::vector<Finding>* findings = nullptr;
  const std::vector<RunNote>* notes = nullptr;
  // The rules that were enabled, in catalogue order (SARIF driver.rules).
  std::vector<const RuleInfo*> rules;
  std::string base_dir;  // absolute working directory: relative paths start here
  std::string version;
};

void WriteText(const ReportInput& in, bool color, std::ostream& out);
void WriteJson(const ReportInput& in, std::ostream& out);
void WriteSarif(const ReportInput& in, std::ostream& out);
void WriteGithub(const ReportInput& in, std::ostream& out);
void WriteJunit(const ReportInput& in, std::ostream& out);

// "path:line:col: note: message" lines for run notes (stderr in text mode).
std::string FormatRunNotes(const std::vector<RunNote>& notes, bool color);

// A path as a relative URI reference: percent-encodes what a URI cannot hold.
std::string PathToUri(const std::string& path);

}  // namespace rdslint

#endif  // RDSLINT_CORE_REPORT_H_
