// The rule catalogue as data: every rule's metadata, read from the rule packs
// (rules/*.yaml) that are embedded into the binary at build time.
#ifndef RDSLINT_CORE_RULE_REGISTRY_H_
#define RDSLINT_CORE_RULE_REGISTRY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace rdslint {

struct RuleOption {
  std::string name;
  std::string default_value;  // as written in the pack (scalar or flow list)
  std::string description;
};

struct RuleInfo {
  std::string id;
  std::string pack;
  std::string title;          // one line
  Severity severity = Severity::kWarning;
  std::string problem_class;  // password, tls, endpoint, refresh, iam, network, deploy
  std::string precision;      // SARIF precision: very-high, high, medium, low
  std::string security_severity;  // "0.0".."10.0", for GitHub code scanning
  std::string rationale;      // markdown
  std::string fix;            // markdown
  std::string bad_example;
  std::string good_example;
  std::vector<std::string> references;
  std::vector<RuleOption> options;
  bool implemented = true;    // false for rules of a pack whose checks have not landed
};

class RuleRegistry {
 public:
  // Adds one pack's YAML text. `origin` names it in error messages.
  Status AddPack(std::string_view yaml_text, std::string_view origin);
  // Adds one rule (an error if its id is taken).
  Status Add(RuleInfo rule);

  const RuleInfo* Find(std::string_view id) const;
  const std::vector<RuleInfo>& rules() const { return rules_; }

  // The registry of the packs compiled into the binary (rules/*.yaml, read
  // at build time by rules/compile_rules.cc; core/rule_registry_embedded.cc).
  static const RuleRegistry& Embedded();

 private:
  std::vector<RuleInfo> rules_;
  std::map<std::string, size_t, std::less<>> index_;
};

// Where a rule's documentation lives (SARIF helpUri, LSP links): the page
// docs/rules/<id>.md of the repository, generated from the pack.
std::string RuleDocUri(std::string_view rule_id);

// A rule's documentation page in Markdown: title, severity and class,
// rationale, fix, options, examples, references. docs/rules/<id>.md and
// SARIF's help.markdown are this text.
std::string RuleMarkdown(const RuleInfo& rule);

}  // namespace rdslint

#endif  // RDSLINT_CORE_RULE_REGISTRY_H_
