// SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with tags,
// precision and security-severity; relative URIs against %SRCROOT%; full
// regions; primaryLocationLineHash fingerprints; fixes.
#include <nlohmann/json.hpp>

#include "core/json_stream.h"
#include "core/report.h"

namespace rdslint {
namespace {

using nlohmann::json;

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "warning";
}

// "env-password-literal" -> "EnvPasswordLiteral", SARIF's rule name style.
std::string RuleName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

std::string FirstParagraph(const std::string& text) {
  size_t end = text.find("\n\n");
  std::string p = text.substr(0, end);
  for (char& c : p) {
    if (c == '\n') c = ' ';
  }
  while (!p.empty() && p.back() == ' ') p.pop_back();
  return p;
}

std::string HelpText(const RuleInfo& r) {
  std::string text = r.title + "\n\n" + r.rationale + "\nFix: " + r.fix;
  for (const std::string& ref : r.references) text += "\nSee " + ref;
  return text;
}

bool IsAbsolute(const std::string& path) { return !path.empty() && path[0] == '/'; }

json ArtifactLocation(const std::string& file) {
  if (IsAbsolute(file)) return {{"uri", "file://" + PathToUri(file)}};
  return {{"uri", PathToUri(file)}, {"uriBaseId", "%SRCROOT%"}};
}

}  // namespace

std::string PathToUri(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

void WriteSarif(const ReportInput& in, std::ostream& out) {
  json rules = json::array();
  std::map<std::string, size_t> rule_index;
  for (const RuleInfo* r : in.rules) {
    rule_index[r->id] = rules.size();
    json props = {{"tags", json::array({r->problem_class, "security"})},
                  {"precision", r->precision},
                  {"problem.severity", Level(r->severity) == std::string("note") ? "recommendation"
                                                                                 : Level(r->severity)}};
    if (!r->security_severity.empty()) props["security-severity"] = r->security_severity;
    rules.push_back({
        {"id", r->id},
        {"name", RuleName(r->id)},
        {"shortDescription", {{"text", r->title}}},
        {"fullDescription", {{"text", FirstParagraph(r->rationale)}}},
        {"help", {{"text", HelpText(*r)}, {"markdown", RuleMarkdown(*r)}}},
        {"helpUri", RuleDocUri(r->id)},
        {"defaultConfiguration", {{"level", Level(r->severity)}}},
        {"properties", props},
    });
  }

  auto result_of = [&in, &rule_index](size_t i) {
    const Finding& f = (*in.findings)[i];
    const Location& l = f.location;
    json region = {{"startLine", l.begin.line},   {"startColumn", l.begin.column},
                   {"endLine", l.end.line},       {"endColumn", l.end.column},
                   {"byteOffset", l.range.begin}, {"byteLength", l.range.size()}};
    json physical = {{"artifactLocation", ArtifactLocation(l.file)}, {"region", region}};
    // The context is the finding's (masked) line: a superset of the region
    // only when the region stays on that line (SARIF1008).
    if (l.end.line == l.begin.line) {
      physical["contextRegion"] = {{"startLine", l.begin.line},
                                   {"snippet", {{"text", f.masked_line}}}};
    }
    json result = {
        {"ruleId", f.rule_id},
        {"level", Level(f.severity)},
        {"message", {{"text", f.message}}},
        {"locations", json::array({{{"physicalLocation", physical}}})},
        {"partialFingerprints", {{"primaryLocationLineHash", f.fingerprint}}},
    };
    if (auto it = rule_index.find(f.rule_id); it != rule_index.end()) {
      result["ruleIndex"] = it->second;
    }
    // The other places a cross-file finding involves (the function, its
    // role's statements, the code line).
    if (!f.related.empty()) {
      json related = json::array();
      int id = 1;
      for (const RelatedLocation& r : f.related) {
        const Location& rl = r.location;
        json rregion = {{"byteOffset", rl.range.begin}, {"byteLength", rl.range.size()}};
        if (rl.begin.line > 0) {
          rregion["startLine"] = rl.begin.line;
          rregion["startColumn"] = rl.begin.column;
          rregion["endLine"] = rl.end.line;
          rregion["endColumn"] = rl.end.column;
        }
        related.push_back({{"id", id++},
                           {"physicalLocation", {{"artifactLocation", ArtifactLocation(rl.file)}, {"region", rregion}}},
                           {"message", {{"text", r.message}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    if (!f.fixes.empty()) {
      json fixes = json::array();
      for (const FixIt& fix : f.fixes) {
        std::map<std::string, json> by_file;
        for (const Replacement& r : fix.replacements) {
          by_file[r.file].push_back({{"deletedRegion", {{"byteOffset", r.offset}, {"byteLength", r.length}}},
                                     {"insertedContent", {{"text", r.text}}}});
        }
        json changes = json::array();
        for (auto& [file, replacements] : by_file) {
          changes.push_back({{"artifactLocation", ArtifactLocation(file)}, {"replacements", replacements}});
        }
        fixes.push_back({{"description", {{"text", fix.description}}}, {"artifactChanges", changes}});
      }
      result["fixes"] = fixes;
    }
    return result;
  };

  json notifications = json::array();
  for (const RunNote& n : *in.notes) {
    json note = {{"level", n.level == RunNote::Level::kError     ? "error"
                           : n.level == RunNote::Level::kWarning ? "warning"
                                                                 : "note"},
                 {"message", {{"text", n.message}}}};
    if (!n.file.empty()) {
      json loc = {{"physicalLocation", {{"artifactLocation", ArtifactLocation(n.file)}}}};
      if (n.line > 0) loc["physicalLocation"]["region"] = {{"startLine", n.line}};
      note["locations"] = json::array({loc});
    }
    notifications.push_back(std::move(note));
  }
  bool failed = false;
  for (const RunNote& n : *in.notes) failed |= n.level == RunNote::Level::kError;

  json run = {
      {"tool",
       {{"driver",
         {{"name", "rdslint"},
          {"version", in.version},
          {"semanticVersion", in.version},
          {"informationUri", "https://github.com/rdslint/rdslint"},
          {"rules", rules}}}}},
      {"invocations",
       json::array({{{"executionSuccessful", !failed},
                     {"toolExecutionNotifications", notifications}}})},
      {"originalUriBaseIds",
       {{"%SRCROOT%", {{"uri", "file://" + PathToUri(in.base_dir) + "/"}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", json::array()},  // streamed below
  };
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({run})}};
  WriteJsonWithStreamedArray(log, "results", in.findings->size(), result_of, out);
}

}  // namespace rdslint
