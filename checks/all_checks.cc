// Every pack's checks. A new pack adds its factory calls here.
#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/env/env_checks.h"
#include "checks/iac/iac_checks.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/project/project_checks.h"

namespace rdslint {

std::vector<std::unique_ptr<Check>> CreateAllChecks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(CreateEnvPasswordLiteralCheck());
  checks.push_back(CreateEnvTlsMissingSslmodeCheck());
  checks.push_back(CreateEnvEndpointNotProxyCheck());
  checks.push_back(CreateEnvUrlUnencodedPasswordCheck());
  checks.push_back(CreateEnvUrlMalformedCheck());
  checks.push_back(CreateEnvPrismaConnectionLimitCheck());
  checks.push_back(CreatePrismaUrlLiteralCheck());
  checks.push_back(CreatePrismaTlsMissingSslmodeCheck());
  checks.push_back(CreatePrismaEndpointNotProxyCheck());
  checks.push_back(CreatePrismaBinaryTargetsLambdaCheck());
  checks.push_back(CreatePrismaDirectUrlMissingCheck());
  checks.push_back(CreatePrismaEnvUndefinedCheck());
  checks.push_back(CreateCodePasswordLiteralCheck());
  checks.push_back(CreateCodeUrlUnencodedPasswordCheck());
  checks.push_back(CreateCodeTlsMissingSslmodeCheck());
  checks.push_back(CreateCodeEndpointNotProxyCheck());
  checks.push_back(CreateCodeRefreshSecretCachedForeverCheck());
  checks.push_back(CreateCodeRefreshIamTokenCachedCheck());
  checks.push_back(CreateCodePrismaClientPerInvocationCheck());
  checks.push_back(CreateCodeSecretToProcessEnvCheck());
  for (std::unique_ptr<Check>& c : CreateCppChecks()) checks.push_back(std::move(c));
  checks.push_back(CreateIacPasswordLiteralCheck());
  checks.push_back(CreateIacPasswordInFunctionEnvCheck());
  checks.push_back(CreateIacRefreshDeployTimeSecretCheck());
  checks.push_back(CreateIacTlsProxyNotRequiredCheck());
  checks.push_back(CreateIacTlsDbNotForcedCheck());
  checks.push_back(CreateIacTlsUrlMissingSslmodeCheck());
  checks.push_back(CreateIacEndpointFunctionDirectDbCheck());
  checks.push_back(CreateIacEndpointNoProxyCheck());
  checks.push_back(CreateIacRefreshRotationTooFrequentCheck());
  checks.push_back(CreateIacRefreshNoRotationCheck());
  checks.push_back(CreateIacIamDbAuthDisabledCheck());
  checks.push_back(CreateIacIamProxyAuthDisabledCheck());
  checks.push_back(CreateIacIamWildcardActionCheck());
  checks.push_back(CreateIacIamWildcardResourceCheck());
  checks.push_back(CreateIacIamDbconnectBadArnCheck());
  checks.push_back(CreateIacNetworkDbPublicCheck());
  checks.push_back(CreateIacNetworkDbPortOpenCheck());
  checks.push_back(CreateIacNetworkFunctionNoVpcCheck());
  checks.push_back(CreateIacPolicyParseErrorCheck());
  checks.push_back(CreateProjectIamMissingSecretAccessCheck());
  checks.push_back(CreateProjectIamMissingDbconnectCheck());
  checks.push_back(CreateProjectIamTokenWithoutTlsCheck());
  checks.push_back(CreateProjectUserCaseMismatchCheck());
  checks.push_back(CreateProjectEnvUnsetCheck());
  return checks;
}

}  // namespace rdslint
