// code-refresh-secret-cached-forever: a Secrets Manager read that runs once
// per container and is kept with no expiry and no re-fetch after an
// authentication failure.
#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

class CodeRefreshSecretCachedForeverCheck : public Check {
 public:
  CodeRefreshSecretCachedForeverCheck() : Check("code-refresh-secret-cached-forever") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    for (const script::CredentialRead& r : file.facts.reads) {
      if (r.iam_token || !r.once.once || r.once.expires) continue;
      std::string kept = r.once.state.empty() ? "" : " in `" + r.once.state + "`";
      if (!r.once.state.empty() && !r.once.state_decl.empty() &&
          file.Line(r.once.state_decl.begin) != file.Line(r.call.begin)) {
        kept += " (declared at " + file.Line(r.once.state_decl.begin) + ")";
      }
      ReportAt(ctx, file, r.callee,
                 "this secret is read once per container (" + r.once.how + ") and kept" + kept +
                     " with no expiry and no re-fetch after an authentication failure: single-user "
                     "rotation does not drop open connections, it breaks every new connection made "
                     "with the cached password, so after the next rotation this function fails "
                     "with 'password authentication failed' until its container is recycled; "
                     "cache it with a TTL (minutes, not the container's life) and re-fetch and "
                     "reconnect when authentication fails, or let RDS Proxy hold the secret");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeRefreshSecretCachedForeverCheck() {
  return std::make_unique<CodeRefreshSecretCachedForeverCheck>();
}

}  // namespace rdslint
