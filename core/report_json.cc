// rdslint's own JSON: one object per finding, stable keys (see README).
#include <nlohmann/json.hpp>

#include "core/json_stream.h"
#include "core/report.h"

namespace rdslint {

namespace {

nlohmann::json FixesJson(const Finding& f) {
  nlohmann::json fixes = nlohmann::json::array();
  for (const FixIt& fix : f.fixes) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Replacement& r : fix.replacements) {
      edits.push_back({{"file", r.file}, {"offset", r.offset}, {"length", r.length},
                       {"text", r.text}});
    }
    fixes.push_back({{"description", fix.description}, {"replacements", edits}});
  }
  return fixes;
}

}  // namespace

void WriteJson(const ReportInput& in, std::ostream& out) {
  nlohmann::json notes = nlohmann::json::array();
  for (const RunNote& n : *in.notes) {
    nlohmann::json j = {{"level", n.level == RunNote::Level::kError     ? "error"
                                  : n.level == RunNote::Level::kWarning ? "warning"
                                                                        : "note"},
                        {"message", n.message}};
    if (!n.file.empty()) j["file"] = n.file;
    if (n.line > 0) j["line"] = n.line;
    notes.push_back(std::move(j));
  }
  const nlohmann::json doc = {{"tool", "rdslint"}, {"version", in.version},
                              {"findings", nlohmann::json::array()}, {"notes", notes}};
  const std::vector<Finding>& findings = *in.findings;
  WriteJsonWithStreamedArray(doc, "findings", findings.size(), [&findings](size_t i) {
    const Finding& f = findings[i];
    const Location& l = f.location;
    return nlohmann::json{
        {"rule", f.rule_id},
        {"severity", SeverityName(f.severity)},
        {"message", f.message},
        {"file", l.file},
        {"line", l.begin.line},
        {"column", l.begin.column},
        {"endLine", l.end.line},
        {"endColumn", l.end.column},
        {"offset", l.range.begin},
        {"length", l.range.size()},
        {"fingerprint", f.fingerprint},
        {"fixes", FixesJson(f)},
    };
  }, out);
}

}  // namespace rdslint
