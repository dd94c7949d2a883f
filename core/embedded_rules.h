// The rule packs (rules/*.yaml) as data, written at build time by
// rules/compile_rules.cc.
#ifndef RDSLINT_CORE_EMBEDDED_RULES_H_
#define RDSLINT_CORE_EMBEDDED_RULES_H_

#include <vector>

#include "core/rule_registry.h"

namespace rdslint {

// Every rule of every pack, in pack (file name) order, as AddPack reads them.
std::vector<RuleInfo> EmbeddedRules();

}  // namespace rdslint

#endif  // RDSLINT_CORE_EMBEDDED_RULES_H_
