// The cpp pack: C++ client code that reaches PostgreSQL through libpq and
// libpqxx and gets credentials through the AWS SDK for C++. Each check reads
// the CppFile the shared matchers produce (checks/cpp/collector.cc); rdslint
// and the clang-tidy plugin (tools/rdslint-tidy) run the same objects.
#ifndef RDSLINT_CHECKS_CPP_CPP_CHECKS_H_
#define RDSLINT_CHECKS_CPP_CPP_CHECKS_H_

#include <memory>
#include <vector>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreateCppPasswordLiteralCheck();
std::unique_ptr<Check> CreateCppTlsMissingSslmodeCheck();
std::unique_ptr<Check> CreateCppEndpointNotProxyCheck();
std::unique_ptr<Check> CreateCppUrlUnencodedPasswordCheck();
std::unique_ptr<Check> CreateCppRefreshStaticCredentialCheck();

// All five, in catalogue order.
std::vector<std::unique_ptr<Check>> CreateCppChecks();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CPP_CPP_CHECKS_H_
