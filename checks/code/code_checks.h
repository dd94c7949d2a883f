// The code pack: TypeScript, JavaScript and Python that build connection
// strings, configure database clients and fetch credentials.
#ifndef RDSLINT_CHECKS_CODE_CODE_CHECKS_H_
#define RDSLINT_CHECKS_CODE_CODE_CHECKS_H_

#include <memory>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreateCodePasswordLiteralCheck();
std::unique_ptr<Check> CreateCodeUrlUnencodedPasswordCheck();
std::unique_ptr<Check> CreateCodeTlsMissingSslmodeCheck();
std::unique_ptr<Check> CreateCodeEndpointNotProxyCheck();
std::unique_ptr<Check> CreateCodeRefreshSecretCachedForeverCheck();
std::unique_ptr<Check> CreateCodeRefreshIamTokenCachedCheck();
std::unique_ptr<Check> CreateCodePrismaClientPerInvocationCheck();
std::unique_ptr<Check> CreateCodeSecretToProcessEnvCheck();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CODE_CODE_CHECKS_H_
