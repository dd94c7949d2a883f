// Every pack's checks. A new pack adds its factory calls here.
#include "checks/check.h"
#include "checks/env/env_checks.h"

namespace rdslint {

std::vector<std::unique_ptr<Check>> CreateAllChecks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(CreateEnvPasswordLiteralCheck());
  checks.push_back(CreateEnvTlsMissingSslmodeCheck());
  checks.push_back(CreateEnvEndpointNotProxyCheck());
  checks.push_back(CreateEnvUrlUnencodedPasswordCheck());
  checks.push_back(CreateEnvUrlMalformedCheck());
  checks.push_back(CreateEnvPrismaConnectionLimitCheck());
  return checks;
}

}  // namespace rdslint
