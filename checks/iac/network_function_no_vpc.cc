// iac-network-function-no-vpc: a function that connects to a database of
// the project (through a reference to it, its proxy or its credential
// secret, or a literal RDS host) but has no VPC configuration.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

bool IsRdsHost(url::HostKind k) {
  return k == url::HostKind::kRdsInstance || k == url::HostKind::kAuroraCluster ||
         k == url::HostKind::kAuroraReader || k == url::HostKind::kAuroraCustom ||
         k == url::HostKind::kRdsProxy;
}

// What the function connects to, for the message; "" when nothing shows.
std::string ConnectsTo(const Graph& g, const Function& f) {
  for (const iac::EnvVar& e : f.environment) {
    for (const iac::Reference& ref : e.value.references) {
      const Node* n = g.Resolve(ref);
      if (!n) continue;
      if (g.FindDatabase(n->id)) return NodeName(*n) + " (" + e.name + ")";
      for (const iac::Proxy& p : g.proxies) {
        if (p.id == n->id) return "the RDS Proxy " + NodeName(p) + " (" + e.name + ")";
      }
      if (const iac::Secret* s = g.FindSecret(n->id); s && s->is_db_credential) {
        return "the database whose credentials are in " + NodeName(*s) + " (" + e.name + ")";
      }
    }
    if (g.databases.empty()) continue;
    for (const url::ConnectionString& c : UrlsIn(e.value)) {
      if (IsRdsHost(c.host_kind)) return "an RDS endpoint (" + e.name + ")";
    }
    if (std::optional<std::string> host = Literal(e.value);
        host && host->find_first_of(" \t'\"=") == std::string::npos && !host->empty()) {
      std::optional<url::ConnectionString> c = url::Analyze("host=" + *host);
      if (c && IsRdsHost(c->host_kind)) return "an RDS endpoint (" + e.name + ")";
    }
  }
  return "";
}

class IacNetworkFunctionNoVpcCheck : public Check {
 public:
  IacNetworkFunctionNoVpcCheck() : Check("iac-network-function-no-vpc") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    for (const Function& f : g.functions) {
      if (f.has_vpc) continue;
      // A VPC configuration we cannot read (a variable, an unread file) may be a real one.
      const bool absent = IsAbsent(f.vpc_config) || f.vpc_config.kind == Value::Kind::kMap;
      if (!absent) continue;
      const std::string target = ConnectsTo(g, f);
      if (target.empty()) continue;
      std::string fix;
      if (IsTerraform(f)) {
        fix =
            "add vpc_config { subnet_ids = [...], security_group_ids = [...] } with the "
            "database's private subnets";
      } else if (IsServerlessFunction(f)) {
        fix =
            "add vpc: { securityGroupIds: [...], subnetIds: [...] } (under provider: or the "
            "function) with the database's private subnets";
      } else {
        fix =
            "add VpcConfig: { SubnetIds: [...], SecurityGroupIds: [...] } with the database's "
            "private subnets";
      }
      out.Report(f.origin, NodeName(f) + " connects to " + target +
                               " but runs outside any VPC: a database in private subnets, and an "
                               "RDS Proxy (reachable only from inside its VPC), cannot be reached "
                               "from it, so connections time out unless the database is made "
                               "public; " +
                               fix + " and a role with AWSLambdaVPCAccessExecutionRole");
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacNetworkFunctionNoVpcCheck() {
  return std::make_unique<iacrules::IacNetworkFunctionNoVpcCheck>();
}

}  // namespace rdslint
