// code-refresh-iam-token-cached: an RDS IAM authentication token signed once
// and reused with no expiry under 15 minutes.
#include <cmath>

#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

constexpr double kTokenLifetimeSeconds = 15 * 60;

class CodeRefreshIamTokenCachedCheck : public Check {
 public:
  CodeRefreshIamTokenCachedCheck() : Check("code-refresh-iam-token-cached") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    for (const script::CredentialRead& r : file.facts.reads) {
      if (!r.iam_token || !r.once.once) continue;
      const bool too_long = r.once.expires && r.once.ttl_seconds >= kTokenLifetimeSeconds;
      if (r.once.expires && !too_long) continue;
      const std::string kept = r.once.state.empty() ? "" : " in `" + r.once.state + "`";
      const std::string lifetime =
          too_long ? " for " + std::to_string(static_cast<long>(std::lround(r.once.ttl_seconds / 60))) +
                         " minutes"
                   : " with no expiry";
      ReportAt(ctx, file, r.callee,
                 "this RDS IAM token is signed once (" + r.once.how + ") and reused" + kept +
                     lifetime +
                     ": a token is valid for 15 minutes, so every new connection after that fails "
                     "with 'PAM authentication failed'; sign a fresh token for each new connection "
                     "(node-postgres takes password: async () => signer.getAuthToken()) or cache "
                     "it for less than 15 minutes");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeRefreshIamTokenCachedCheck() {
  return std::make_unique<CodeRefreshIamTokenCachedCheck>();
}

}  // namespace rdslint
