// env-endpoint-not-proxy: a URL whose host is an RDS instance or cluster
// endpoint rather than an RDS Proxy endpoint.
#include "checks/check.h"
#include "checks/env/env_checks.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"

namespace rdslint {
namespace {

class EnvEndpointNotProxyCheck : public Check {
 public:
  EnvEndpointNotProxyCheck() : Check("env-endpoint-not-proxy") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    for (const EnvValue& v : file.values) {
      if (!v.conn || !v.conn->IsRdsDirect()) continue;
      std::string message =
          "the connection URL in " + VarName(v) + " points at " +
          std::string(url::HostKindPhrase(v.conn->host_kind)) +
          ", not an RDS Proxy: every warm function keeps its own connections, a burst of "
          "invocations exhausts max_connections, and failover and credential rotation reach "
          "each function separately; connect through the proxy endpoint "
          "(NAME.proxy-ID.REGION.rds.amazonaws.com)";
      if (IsPrismaUrl(v, ctx.project())) {
        message += "; with Prisma, prepared statements pin proxy sessions, so the proxy brings "
                   "failover, IAM auth and credential handling more than multiplexing (do not "
                   "add pgbouncer=true behind RDS Proxy)";
      }
      ctx.Report(v.ToSource(v.conn->host.range), message);
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvEndpointNotProxyCheck() {
  return std::make_unique<EnvEndpointNotProxyCheck>();
}

}  // namespace rdslint
