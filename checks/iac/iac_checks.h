// The iac pack: Terraform, CloudFormation, SAM, Serverless Framework and CDK
// output, read through the project graph (frontend/iac/graph.h). Every check
// runs once per run (Check::CheckProject) and reports where the graph says.
#ifndef RDSLINT_CHECKS_IAC_IAC_CHECKS_H_
#define RDSLINT_CHECKS_IAC_IAC_CHECKS_H_

#include <memory>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreateIacPasswordLiteralCheck();
std::unique_ptr<Check> CreateIacPasswordInFunctionEnvCheck();
std::unique_ptr<Check> CreateIacRefreshDeployTimeSecretCheck();
std::unique_ptr<Check> CreateIacTlsProxyNotRequiredCheck();
std::unique_ptr<Check> CreateIacTlsDbNotForcedCheck();
std::unique_ptr<Check> CreateIacTlsUrlMissingSslmodeCheck();
std::unique_ptr<Check> CreateIacEndpointFunctionDirectDbCheck();
std::unique_ptr<Check> CreateIacEndpointNoProxyCheck();
std::unique_ptr<Check> CreateIacRefreshRotationTooFrequentCheck();
std::unique_ptr<Check> CreateIacRefreshNoRotationCheck();
std::unique_ptr<Check> CreateIacIamDbAuthDisabledCheck();
std::unique_ptr<Check> CreateIacIamProxyAuthDisabledCheck();
std::unique_ptr<Check> CreateIacIamWildcardActionCheck();
std::unique_ptr<Check> CreateIacIamWildcardResourceCheck();
std::unique_ptr<Check> CreateIacIamDbconnectBadArnCheck();
std::unique_ptr<Check> CreateIacNetworkDbPublicCheck();
std::unique_ptr<Check> CreateIacNetworkDbPortOpenCheck();
std::unique_ptr<Check> CreateIacNetworkFunctionNoVpcCheck();
std::unique_ptr<Check> CreateIacPolicyParseErrorCheck();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_IAC_IAC_CHECKS_H_
