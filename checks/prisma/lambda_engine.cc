#include "checks/prisma/lambda_engine.h"

namespace rdslint {

std::optional<LambdaEngine> LambdaEngineFor(std::string_view runtime, std::string_view architecture) {
  constexpr std::string_view kPrefix = "nodejs";
  if (runtime.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = runtime.substr(kPrefix.size());
  int major = 0;
  size_t i = 0;
  while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && major < 1000) {
    major = major * 10 + (rest[i] - '0');
    ++i;
  }
  // nodejs20.x; the retired nodejs8.10 keeps a minor version.
  if (i == 0 || i >= rest.size() || rest[i] != '.') return std::nullopt;
  const bool arm64 = architecture == "arm64";
  if (!arm64 && architecture != "x86_64") return std::nullopt;
  const bool al2023 = major >= 20;
  LambdaEngine e;
  const std::string openssl = al2023 ? "3.0.x" : "1.0.x";
  e.target = (arm64 ? "linux-arm64-openssl-" : "rhel-openssl-") + openssl;
  e.platform = "Node.js " + std::to_string(major) + " on " +
               (al2023 ? "Amazon Linux 2023 (OpenSSL 3)" : "Amazon Linux 2 (OpenSSL 1.0)") + ", " +
               std::string(architecture);
  e.arm64_openssl3 = arm64 && al2023;
  return e;
}

}  // namespace rdslint
