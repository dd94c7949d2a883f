// iac-password-literal: a DB master password written as a literal, directly
// or as a variable's default, a .tfvars value or a parameter's Default.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacPasswordLiteralCheck : public Check {
 public:
  IacPasswordLiteralCheck() : Check("iac-password-literal") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const Database& d : ctx.project().graph.databases) {
      const Value& p = d.password;
      // A secret resolved at deploy time ({{resolve:secretsmanager:...}}) is
      // the right way to set a master password; holes are judged where
      // they are defined.
      if (!p.is_literal_string() || p.text.empty() || p.deploy_time_secret) continue;
      const std::string_view attr =
          AttrName(d, d.cluster ? "master_password" : "password", "MasterUserPassword");
      const Origin where = WhereWritten(p);
      std::string subject = WrittenInPlace(p)
                                ? "the master password of " + NodeName(d) + " is a literal"
                                : "this literal is the master password of " + NodeName(d) + " (" +
                                      std::string(attr) + ")" + Through(p);
      const std::string fix =
          IsTerraform(d)
              ? "set manage_master_user_password = true and drop " + std::string(attr) +
                    " (RDS keeps the password in Secrets Manager and rotates it), or take it from "
                    "a generated secret"
              : "set ManageMasterUserPassword: true and drop MasterUserPassword (RDS keeps the "
                "password in Secrets Manager and rotates it), or resolve it from a generated "
                "secret ('{{resolve:secretsmanager:...}}')";
      out.Report(where, subject +
                            ": it is copied into every clone and into the deployed "
                            "configuration, and a rotation leaves every copy stale, so clients "
                            "holding it fail with 'password authentication failed'; " +
                            fix);
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacPasswordLiteralCheck() {
  return std::make_unique<iacrules::IacPasswordLiteralCheck>();
}

}  // namespace rdslint
