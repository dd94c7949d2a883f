// iac-iam-wildcard-action: an Allow of every action (*) or of every action
// of Secrets Manager, RDS, RDS IAM authentication or KMS.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

struct Broad {
  std::string_view action;
  std::string_view meaning;
};

constexpr Broad kBroad[] = {
    {"*", "every action of every service"},
    {"*:*", "every action of every service"},
    {"secretsmanager:*",
     "every Secrets Manager action, including PutSecretValue, DeleteSecret and changes to "
     "rotation"},
    {"rds:*",
     "every RDS action, including DeleteDBInstance and ModifyDBInstance (which can reset the "
     "master password)"},
    {"rds-db:*", "every RDS IAM-authentication action"},
    {"kms:*", "every KMS action, including key policy changes and ScheduleKeyDeletion"},
};

class IacIamWildcardActionCheck : public Check {
 public:
  IacIamWildcardActionCheck() : Check("iac-iam-wildcard-action") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const OwnedStatement& os : AllStatements(ctx.project().graph)) {
      if (!IsAllow(*os.statement)) continue;
      for (const Value& a : os.statement->actions) {
        const std::optional<std::string> action = Literal(a);
        if (!action) continue;
        for (const Broad& b : kBroad) {
          if (!IEquals(*action, b.action)) continue;
          out.Report(WhereWritten(a),
                     OwnerName(*os.owner) + " allows " + *action + " (" + std::string(b.meaning) +
                         ")" + Through(a) +
                         ": a function that only reads its database credentials gets far more "
                         "than it needs; list the actions it uses (secretsmanager:GetSecretValue, "
                         "kms:Decrypt for a customer-managed key, rds-db:connect)");
          break;
        }
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacIamWildcardActionCheck() {
  return std::make_unique<iacrules::IacIamWildcardActionCheck>();
}

}  // namespace rdslint
