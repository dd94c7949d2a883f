// RuleRegistry::Embedded, apart from the rest of the registry: the build
// step that writes the embedded rules links the registry without them.
#include <cstdio>
#include <cstdlib>

#include "core/embedded_rules.h"
#include "core/rule_registry.h"

namespace rdslint {

const RuleRegistry& RuleRegistry::Embedded() {
  static const RuleRegistry* registry = [] {
    auto* r = new RuleRegistry;
    for (RuleInfo& rule : EmbeddedRules()) {
      // The packs were checked when they were compiled in; a duplicate here
      // is a build bug.
      const Status s = r->Add(std::move(rule));
      if (!s.ok()) {
        std::fprintf(stderr, "rdslint: internal error: %s\n", s.message().c_str());
        std::abort();
      }
    }
    return r;
  }();
  return *registry;
}

}  // namespace rdslint
