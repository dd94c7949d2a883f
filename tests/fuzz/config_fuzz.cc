// Fuzzes the .rdslint.yaml reader and NOLINT comment scanning.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.h"
#include "core/nolint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rdslint::Result<rdslint::Config> config = rdslint::ParseConfig(text, "fuzz.yaml", "/repo");
  if (config.ok()) {
    rdslint::RuleInfo rule;
    rule.id = "env-password-literal";
    rule.problem_class = "password";
    config->Enabled(rule);
    config->Excluded("/repo/a/b/.env");
  }
  for (rdslint::CommentSyntax syntax :
       {rdslint::CommentSyntax{true, false, false}, rdslint::CommentSyntax{true, true, true}}) {
    rdslint::Suppressions s = rdslint::Suppressions::Scan(text, syntax);
    s.Suppressed("env-password-literal", "password", 3);
    for (const auto& p : s.problems()) {
      if (p.range.end > size) __builtin_trap();
    }
  }
  return 0;
}
