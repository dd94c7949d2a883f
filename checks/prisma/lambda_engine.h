// Which Prisma query engine (binaryTargets entry) a Lambda function needs,
// from its runtime and architecture. Sources, cited in the rule pack:
// Prisma's "Deploy to AWS Lambda" page (Node.js 16 and 18: rhel-openssl-1.0.x;
// Node.js 20+: rhel-openssl-3.0.x; arm64 needs a linux-arm64-openssl-*
// engine), Prisma's binaryTargets table (linux-arm64-openssl-1.0.x, -1.1.x,
// -3.0.x for ARM64 glibc distributions), and Lambda's runtime table
// (nodejs18.x and older run on Amazon Linux 2, OpenSSL 1.0; nodejs20.x and
// later on Amazon Linux 2023, OpenSSL 3).
#ifndef RDSLINT_CHECKS_PRISMA_LAMBDA_ENGINE_H_
#define RDSLINT_CHECKS_PRISMA_LAMBDA_ENGINE_H_

#include <optional>
#include <string>
#include <string_view>

namespace rdslint {

struct LambdaEngine {
  std::string target;    // "rhel-openssl-3.0.x"
  std::string platform;  // "Node.js 20 on Amazon Linux 2023 (OpenSSL 3), x86_64"
  bool arm64_openssl3 = false;  // where Prisma's Lambda page shows the 1.0.x arm64 target
};

// nodejsN.x with architecture x86_64 or arm64; nullopt for other runtimes
// (they run no Prisma Client) and unknown architectures.
std::optional<LambdaEngine> LambdaEngineFor(std::string_view runtime, std::string_view architecture);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_PRISMA_LAMBDA_ENGINE_H_
