// The project pack: rules that join files — the code a function runs (read
// by the script frontend), the function's environment and role in the IaC
// graph, and the policies attached to that role. Every check runs once per
// run (Check::CheckProject) and names every file involved.
#ifndef RDSLINT_CHECKS_PROJECT_PROJECT_CHECKS_H_
#define RDSLINT_CHECKS_PROJECT_PROJECT_CHECKS_H_

#include <memory>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreateProjectIamMissingSecretAccessCheck();
std::unique_ptr<Check> CreateProjectIamMissingDbconnectCheck();
std::unique_ptr<Check> CreateProjectIamTokenWithoutTlsCheck();
std::unique_ptr<Check> CreateProjectUserCaseMismatchCheck();
std::unique_ptr<Check> CreateProjectEnvUnsetCheck();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_PROJECT_PROJECT_CHECKS_H_
