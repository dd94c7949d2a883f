// iac-refresh-no-rotation: a DB credential secret that is never rotated
// (and is not an RDS-managed master password, which RDS rotates).
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacRefreshNoRotationCheck : public Check {
 public:
  IacRefreshNoRotationCheck() : Check("iac-refresh-no-rotation") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const iac::Secret& s : ctx.project().graph.secrets) {
      if (!s.is_db_credential || s.managed_master_password || s.rotation) continue;
      const std::string fix =
          IsTerraform(s)
              ? "add an aws_secretsmanager_secret_rotation with the PostgreSQL rotation function "
                "(the alternating-users one keeps a valid password at every moment), or let RDS "
                "manage the master password (manage_master_user_password = true)"
              : "add an AWS::SecretsManager::RotationSchedule with HostedRotationLambda "
                "(RotationType: PostgreSQLMultiUser keeps a valid password at every moment), or "
                "let RDS manage the master password (ManageMasterUserPassword: true)";
      out.Report(s.origin, "the database credential secret " + NodeName(s) +
                               " is never rotated: its password lives on in every copy ever "
                               "read (logs, caches, old deployments) and a leak stays valid "
                               "for good; " +
                               fix +
                               ", and have functions fetch it again after an authentication "
                               "failure");
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacRefreshNoRotationCheck() {
  return std::make_unique<iacrules::IacRefreshNoRotationCheck>();
}

}  // namespace rdslint
