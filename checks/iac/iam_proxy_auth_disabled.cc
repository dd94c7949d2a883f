// iac-iam-proxy-auth-disabled: an RDS Proxy auth entry with IAM
// authentication DISABLED (the default).
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacIamProxyAuthDisabledCheck : public Check {
 public:
  IacIamProxyAuthDisabledCheck() : Check("iac-iam-proxy-auth-disabled") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const iac::Proxy& x : ctx.project().graph.proxies) {
      if (!MaybePostgresProxy(x)) continue;
      const std::string_view attr = AttrName(x, "iam_auth", "IAMAuth");
      const std::string setting = IsTerraform(x) ? "iam_auth = \"REQUIRED\" in its auth block"
                                                 : "IAMAuth: REQUIRED in its Auth entry";
      const std::string why =
          ": functions must hold the database password (and fetch it again after each "
          "rotation) to connect through the proxy, instead of signing a 15-minute IAM token "
          "while the proxy keeps the password in Secrets Manager; set " +
          setting + " and grant the functions rds-db:connect on the proxy";
      for (const iac::ProxyAuth& a : x.auth) {
        if (IsAbsent(a.iam_auth)) {
          out.Report(a.origin.known() ? a.origin : x.origin,
                     "the RDS Proxy " + NodeName(x) + " does not use IAM authentication (" +
                         std::string(attr) + " is not set and defaults to DISABLED)" + why);
          continue;
        }
        const std::optional<std::string> mode = Literal(a.iam_auth);
        if (!mode || !IEquals(*mode, "DISABLED")) continue;
        out.Report(WhereWritten(a.iam_auth), "the RDS Proxy " + NodeName(x) + " has " +
                                                 std::string(attr) + " DISABLED" +
                                                 Through(a.iam_auth) + why);
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacIamProxyAuthDisabledCheck() {
  return std::make_unique<iacrules::IacIamProxyAuthDisabledCheck>();
}

}  // namespace rdslint
