// iac-network-db-public: a DB instance or cluster that is publicly
// accessible.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacNetworkDbPublicCheck : public Check {
 public:
  IacNetworkDbPublicCheck() : Check("iac-network-db-public") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const Database& d : ctx.project().graph.databases) {
      // Other engines are not ours; an engine we cannot read still counts.
      if (!IsPostgres(d) && Literal(d.engine)) continue;
      const std::optional<bool> pub = Truth(d.publicly_accessible);
      if (!pub || !*pub) continue;
      const std::string_view attr = AttrName(d, "publicly_accessible", "PubliclyAccessible");
      const std::string setting = std::string(attr) + (IsTerraform(d) ? " = false" : ": false");
      const Origin where = WhereWritten(d.publicly_accessible);
      Finding* f = out.Report(
          where, NodeName(d) + " is publicly accessible (" + std::string(attr) + " is true)" +
                     Through(d.publicly_accessible) +
                     ": its endpoint resolves to a public address and the database is one "
                     "security-group mistake away from the internet, where its password is "
                     "guessed at; set " +
                     setting +
                     ", keep it in private subnets and reach it from functions in the VPC "
                     "(through RDS Proxy)");
      if (f && WrittenInPlace(d.publicly_accessible)) {
        ctx.AddFix(*f, "set " + setting, {{where.range, "false"}});
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacNetworkDbPublicCheck() {
  return std::make_unique<iacrules::IacNetworkDbPublicCheck>();
}

}  // namespace rdslint
