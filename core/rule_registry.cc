#include "core/rule_registry.h"

#include <yaml-cpp/yaml.h>

namespace rdslint {
namespace {

std::string Scalar(const YAML::Node& node, const char* key) {
  const YAML::Node v = node[key];
  if (!v || !v.IsScalar()) return {};
  return v.as<std::string>();
}

std::string FlowText(const YAML::Node& node) {
  if (node.IsScalar()) return node.as<std::string>();
  YAML::Emitter out;
  out << YAML::Flow << node;
  return out.c_str();
}

}  // namespace

Status RuleRegistry::AddPack(std::string_view yaml_text, std::string_view origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string(origin) + ":" + std::to_string(e.mark.line + 1) +
                         ": " + e.msg);
  }
  try {
    const std::string pack = Scalar(root, "pack");
    const bool implemented = !root["implemented"] || root["implemented"].as<bool>();
    const YAML::Node rules = root["rules"];
    if (pack.empty() || !rules || !rules.IsSequence()) {
      return Status::Error(std::string(origin) + ": a pack needs 'pack' and a 'rules' list");
    }
    for (const YAML::Node& r : rules) {
      RuleInfo info;
      info.pack = pack;
      info.implemented = implemented;
      info.id = Scalar(r, "id");
      info.title = Scalar(r, "title");
      std::optional<Severity> sev = ParseSeverity(Scalar(r, "severity"));
      info.problem_class = Scalar(r, "class");
      if (info.id.empty() || info.title.empty() || !sev || info.problem_class.empty()) {
        return Status::Error(std::string(origin) + ":" + std::to_string(r.Mark().line + 1) +
                             ": a rule needs id, title, severity (error|warning|note) and class");
      }
      info.severity = *sev;
      info.precision = Scalar(r, "precision");
      if (info.precision.empty()) info.precision = "high";
      info.security_severity = Scalar(r, "security_severity");
      info.rationale = Scalar(r, "rationale");
      info.fix = Scalar(r, "fix");
      if (const YAML::Node ex = r["examples"]) {
        info.bad_example = Scalar(ex, "bad");
        info.good_example = Scalar(ex, "good");
      }
      if (const YAML::Node refs = r["references"]; refs && refs.IsSequence()) {
        for (const YAML::Node& ref : refs) info.references.push_back(ref.as<std::string>());
      }
      if (const YAML::Node opts = r["options"]; opts && opts.IsSequence()) {
        for (const YAML::Node& o : opts) {
          RuleOption opt;
          opt.name = Scalar(o, "name");
          if (o["default"]) opt.default_value = FlowText(o["default"]);
          opt.description = Scalar(o, "description");
          info.options.push_back(std::move(opt));
        }
      }
      if (Status added = Add(std::move(info)); !added.ok()) {
        return Status::Error(std::string(origin) + ": " + added.message());
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string(origin) + ":" + std::to_string(e.mark.line + 1) +
                         ": " + e.msg);
  }
  return Status();
}

Status RuleRegistry::Add(RuleInfo rule) {
  if (index_.count(rule.id)) return Status::Error("rule '" + rule.id + "' is defined twice");
  index_.emplace(rule.id, rules_.size());
  rules_.push_back(std::move(rule));
  return Status();
}

const RuleInfo* RuleRegistry::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &rules_[it->second];
}

std::string RuleDocUri(std::string_view rule_id) {
  return "https://github.com/rdslint/rdslint/blob/main/docs/rules/" + std::string(rule_id) +
         ".md";
}

std::string RuleMarkdown(const RuleInfo& r) {
  std::string md = "# " + r.id + "\n\n**" + r.title + "**\n\n";
  md += "Severity: " + std::string(SeverityName(r.severity)) + " · class: `" + r.problem_class +
        "` · pack: " + r.pack + "\n\n";
  md += "## Why\n\n" + r.rationale + "\n## Fix\n\n" + r.fix;
  if (!r.options.empty()) {
    md += "\n## Options\n\nSet in `.rdslint.yaml` under `CheckOptions` as `" + r.id + ".NAME`.\n\n";
    md += "| option | default | meaning |\n|---|---|---|\n";
    for (const RuleOption& o : r.options) {
      md += "| `" + o.name + "` | `" + o.default_value + "` | " + o.description + " |\n";
    }
  }
  if (!r.bad_example.empty()) md += "\n## Bad\n\n```\n" + r.bad_example + "```\n";
  if (!r.good_example.empty()) md += "\n## Good\n\n```\n" + r.good_example + "```\n";
  if (!r.references.empty()) {
    md += "\n## References\n\n";
    for (const std::string& ref : r.references) md += "- " + ref + "\n";
  }
  md += "\n## Suppressing\n\n`NOLINT(" + r.id + ")` on the line, `NOLINTNEXTLINE(" + r.id +
        ")` on the line before, or `Checks: '-" + r.id + "'` in `.rdslint.yaml`.\n";
  return md;
}

}  // namespace rdslint
