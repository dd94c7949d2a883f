// The prisma pack: schema.prisma (and prisma/schema/*.prisma) and
// prisma.config.ts.
#ifndef RDSLINT_CHECKS_PRISMA_PRISMA_CHECKS_H_
#define RDSLINT_CHECKS_PRISMA_PRISMA_CHECKS_H_

#include <memory>

#include "checks/check.h"

namespace rdslint {

std::unique_ptr<Check> CreatePrismaUrlLiteralCheck();
std::unique_ptr<Check> CreatePrismaTlsMissingSslmodeCheck();
std::unique_ptr<Check> CreatePrismaEndpointNotProxyCheck();
std::unique_ptr<Check> CreatePrismaBinaryTargetsLambdaCheck();
std::unique_ptr<Check> CreatePrismaDirectUrlMissingCheck();
std::unique_ptr<Check> CreatePrismaEnvUndefinedCheck();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_PRISMA_PRISMA_CHECKS_H_
