#include "core/baseline.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace rdslint {

Result<Baseline> Baseline::Parse(std::string_view json_text, std::string_view origin) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("findings") || !j["findings"].is_array()) {
    return Status::Error(std::string(origin) +
                         ": not an rdslint baseline (expected {\"findings\": [...]}, as "
                         "--write-baseline writes)");
  }
  Baseline b;
  size_t index = 0;
  for (const nlohmann::json& f : j["findings"]) {
    if (!f.is_object() || !f.contains("rule") || !f.contains("file") || !f.contains("fingerprint") ||
        !f["rule"].is_string() || !f["file"].is_string() || !f["fingerprint"].is_string()) {
      return Status::Error(std::string(origin) + ": findings[" + std::to_string(index) +
                           "] needs string 'rule', 'file' and 'fingerprint'");
    }
    b.keys_.emplace(f["rule"].get<std::string>(), f["file"].get<std::string>(),
                    f["fingerprint"].get<std::string>());
    ++index;
  }
  return b;
}

std::string Baseline::Write(const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const Finding& f : findings) {
    // The message is kept for the reader of the file; it is already masked.
    list.push_back({{"rule", f.rule_id},
                    {"file", f.location.file},
                    {"fingerprint", f.fingerprint},
                    {"line", f.location.begin.line},
                    {"message", f.message}});
  }
  nlohmann::json out = {{"tool", "rdslint"}, {"version", 1}, {"findings", list}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool Baseline::Contains(const Finding& f) const {
  return keys_.count({f.rule_id, f.location.file, f.fingerprint}) > 0;
}

size_t ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings) {
  size_t before = findings->size();
  findings->erase(std::remove_if(findings->begin(), findings->end(),
                                 [&](const Finding& f) { return baseline.Contains(f); }),
                  findings->end());
  return before - findings->size();
}

}  // namespace rdslint
