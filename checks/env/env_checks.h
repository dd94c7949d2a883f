// The env pack: .env files and compose environment blocks.
#ifndef RDSLINT_CHECKS_ENV_ENV_CHECKS_H_
#define RDSLINT_CHECKS_ENV_ENV_CHECKS_H_

#include <memory>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreateEnvPasswordLiteralCheck();
std::unique_ptr<Check> CreateEnvTlsMissingSslmodeCheck();
std::unique_ptr<Check> CreateEnvEndpointNotProxyCheck();
std::unique_ptr<Check> CreateEnvUrlUnencodedPasswordCheck();
std::unique_ptr<Check> CreateEnvUrlMalformedCheck();
std::unique_ptr<Check> CreateEnvPrismaConnectionLimitCheck();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_ENV_ENV_CHECKS_H_
