// iac-iam-db-auth-disabled: a PostgreSQL DB instance or cluster without IAM
// database authentication.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacIamDbAuthDisabledCheck : public Check {
 public:
  IacIamDbAuthDisabledCheck() : Check("iac-iam-db-auth-disabled") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const Database& d : ctx.project().graph.databases) {
      // A cluster's instances follow the cluster's setting.
      if (!IsPostgres(d) || IsClusterMember(d)) continue;
      const std::string_view attr =
          AttrName(d, "iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication");
      const std::string setting =
          IsTerraform(d) ? std::string(attr) + " = true" : std::string(attr) + ": true";
      const std::string why =
          ": every client needs a long-lived password that must be stored, fetched and "
          "refreshed after each rotation; with IAM authentication a function signs a token "
          "that lives 15 minutes (rds-db:connect on its role, over TLS) and nothing goes stale; "
          "set " +
          setting;
      if (IsAbsent(d.iam_auth)) {
        out.Report(d.origin, NodeName(d) + " does not enable IAM database authentication (" +
                                 std::string(attr) + " is not set and defaults to false)" + why);
        continue;
      }
      const std::optional<bool> on = Truth(d.iam_auth);
      if (!on || *on) continue;
      out.Report(WhereWritten(d.iam_auth), NodeName(d) + " disables IAM database authentication (" +
                                               std::string(attr) + " is false)" +
                                               Through(d.iam_auth) + why);
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacIamDbAuthDisabledCheck() {
  return std::make_unique<iacrules::IacIamDbAuthDisabledCheck>();
}

}  // namespace rdslint
