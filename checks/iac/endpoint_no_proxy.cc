// iac-endpoint-no-proxy: a Lambda project with a PostgreSQL database that
// no RDS Proxy fronts.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

#include <string_view>
#include <unordered_set>

namespace rdslint {
namespace iacrules {
namespace {

class IacEndpointNoProxyCheck : public Check {
 public:
  IacEndpointNoProxyCheck() : Check("iac-endpoint-no-proxy") {}

  void CheckProject(CheckContext& ctx) override {
    const Graph& g = ctx.project().graph;
    if (!g.IsLambdaProject() && !ctx.project().lambda_project) return;
    // A proxy whose targets are not all in the graph (another stack, a
    // module not read, a target resource not linked) may front any of them.
    for (const iac::Proxy& p : g.proxies) {
      bool unresolved = p.targets.empty();
      ProxyFronts(g, p, "", &unresolved);
      if (unresolved) return;
    }
    // Every proxy target is a node of the graph by now: the databases they
    // name, once (a monorepo has thousands of each).
    std::unordered_set<std::string_view> fronted;
    for (const iac::Proxy& p : g.proxies) {
      for (const iac::Reference& t : p.targets) fronted.insert(t.node);
    }
    Reporter out(ctx);
    for (const Database& d : g.databases) {
      if (!IsPostgres(d) || IsClusterMember(d)) continue;
      if (fronted.count(d.id)) continue;
      const std::string fix =
          IsTerraform(d) ? std::string(
                               "add an aws_db_proxy (engine_family = \"POSTGRESQL\", require_tls = "
                               "true) with an aws_db_proxy_target for it")
                         : std::string(
                               "add an AWS::RDS::DBProxy (EngineFamily: POSTGRESQL, RequireTLS: "
                               "true) and an AWS::RDS::DBProxyTargetGroup naming it");
      out.Report(d.origin,
                 "no RDS Proxy fronts the PostgreSQL database " + NodeName(d) +
                     " of this Lambda project: every warm function instance opens its own "
                     "connections, a burst of invocations exhausts max_connections, and a "
                     "failover or a rotated password reaches each function separately; " +
                     fix + ", and point the functions at the proxy's endpoint");
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacEndpointNoProxyCheck() {
  return std::make_unique<iacrules::IacEndpointNoProxyCheck>();
}

}  // namespace rdslint
