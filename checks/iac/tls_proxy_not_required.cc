// iac-tls-proxy-not-required: an RDS Proxy that accepts plaintext
// connections (require_tls / RequireTLS defaults to false).
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacTlsProxyNotRequiredCheck : public Check {
 public:
  IacTlsProxyNotRequiredCheck() : Check("iac-tls-proxy-not-required") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const iac::Proxy& x : ctx.project().graph.proxies) {
      if (!MaybePostgresProxy(x)) continue;
      const std::string_view attr = AttrName(x, "require_tls", "RequireTLS");
      const std::string setting = IsTerraform(x) ? "require_tls = true" : "RequireTLS: true";
      const std::string why =
          ": clients may connect in plaintext, and the password or IAM authentication token "
          "(which must only travel over TLS) then crosses the network in the clear; set " +
          setting;
      if (IsAbsent(x.require_tls)) {
        out.Report(x.origin, "the RDS Proxy " + NodeName(x) + " does not require TLS (" +
                                 std::string(attr) + " is not set and defaults to false)" + why);
        continue;
      }
      const std::optional<bool> required = Truth(x.require_tls);
      if (!required || *required) continue;  // unknown, or true
      const Origin where = WhereWritten(x.require_tls);
      Finding* f =
          out.Report(where, "the RDS Proxy " + NodeName(x) + " does not require TLS (" +
                                std::string(attr) + " is false)" + Through(x.require_tls) + why);
      if (f && WrittenInPlace(x.require_tls)) {
        ctx.AddFix(*f, "set " + setting, {{where.range, "true"}});
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacTlsProxyNotRequiredCheck() {
  return std::make_unique<iacrules::IacTlsProxyNotRequiredCheck>();
}

}  // namespace rdslint
