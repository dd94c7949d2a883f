// The rule packs (rules/*.yaml), embedded at build time by rules/embed.cmake.
#ifndef RDSLINT_CORE_EMBEDDED_RULES_H_
#define RDSLINT_CORE_EMBEDDED_RULES_H_

#include <string_view>
#include <vector>

namespace rdslint {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

const std::vector<EmbeddedFile>& EmbeddedRulePacks();

}  // namespace rdslint

#endif  // RDSLINT_CORE_EMBEDDED_RULES_H_
