#include "checks/check.h"

#include <cstdlib>

namespace rdslint {

Finding& CheckContext::Report(SourceRange range, std::string message) {
  return Report(range, std::move(message), rule_.severity);
}

Finding& CheckContext::Report(SourceRange range, std::string message, Severity severity) {
  Finding f;
  f.rule_id = rule_.id;
  f.severity = severity;
  f.message = std::move(message);
  f.location.file = path_;
  f.location.range = range;
  out_->push_back(std::move(f));
  return out_->back();
}

Finding& CheckContext::ReportAt(const std::string& file, SourceRange range, std::string message) {
  return ReportAt(file, range, std::move(message), rule_.severity);
}

Finding& CheckContext::ReportAt(const std::string& file, SourceRange range, std::string message,
                                Severity severity) {
  Finding& f = Report(range, std::move(message), severity);
  f.location.file = file;
  return f;
}

void CheckContext::AddFix(Finding& finding, std::string description,
                          std::vector<std::pair<SourceRange, std::string>> edits) {
  FixIt fix;
  fix.description = std::move(description);
  for (auto& [range, text] : edits) {
    fix.replacements.push_back(
        Replacement{finding.location.file, range.begin, range.size(), std::move(text)});
  }
  finding.fixes.push_back(std::move(fix));
}

std::string CheckContext::Option(std::string_view name) const {
  if (std::optional<std::string> v = config_.Option(rule_.id, name)) return *v;
  for (const RuleOption& o : rule_.options) {
    if (o.name == name) return o.default_value;
  }
  return {};
}

std::string CheckContext::OptionAt(const std::string& file, std::string_view name) const {
  if (!config_lookup_) return Option(name);
  if (std::optional<std::string> v = config_lookup_(file).Option(rule_.id, name)) return *v;
  for (const RuleOption& o : rule_.options) {
    if (o.name == name) return o.default_value;
  }
  return {};
}

int CheckContext::IntOptionAt(const std::string& file, std::string_view name, int fallback) const {
  std::string v = OptionAt(file, name);
  if (v.empty()) return fallback;
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  return end && *end == '\0' ? static_cast<int>(n) : fallback;
}

int CheckContext::IntOption(std::string_view name, int fallback) const {
  std::string v = Option(name);
  if (v.empty()) return fallback;
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  return end && *end == '\0' ? static_cast<int>(n) : fallback;
}

}  // namespace rdslint
