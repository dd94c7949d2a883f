// env-prisma-connection-limit: in a Lambda project, a Prisma URL with no
// connection_limit.
#include "checks/check.h"
#include "checks/env/env_checks.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"

namespace rdslint {

bool IsPrismaUrl(const EnvValue& v, const ProjectFacts& project) {
  if (!project.uses_prisma) return false;
  if (project.prisma_env_vars.empty()) return v.entry->key == "DATABASE_URL";
  return project.prisma_env_vars.count(v.entry->key) > 0;
}

namespace {

class EnvPrismaConnectionLimitCheck : public Check {
 public:
  EnvPrismaConnectionLimitCheck() : Check("env-prisma-connection-limit") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    const ProjectFacts& project = ctx.project();
    if (!project.lambda_project) return;
    // Under Prisma 7 the URL goes to node-pg, whose pool size is the pg
    // config's `max`: the code pack judges that, not the URL.
    if (project.PrismaGeneration() == "Prisma 7") return;
    for (const EnvValue& v : file.values) {
      if (!v.conn || v.conn->syntax != url::Syntax::kUrl ||
          v.conn->scheme_kind != url::SchemeKind::kPostgres || !IsPrismaUrl(v, project))
        continue;
      // A local database is for development, not for the deployed function.
      if (v.conn->host_kind == url::HostKind::kLoopback ||
          v.conn->host_kind == url::HostKind::kComposeService)
        continue;
      if (v.conn->FindParam("connection_limit")) continue;
      ctx.Report(v.ToSource(v.conn->range),
                 VarName(v) + " is the Prisma URL of a Lambda project (" +
                     project.lambda_evidence +
                     ") and sets no connection_limit: each warm function instance opens a "
                     "pool of num_cpus * 2 + 1 connections, so a burst of invocations "
                     "exhausts the database's max_connections; add connection_limit=1 "
                     "unless an external pooler sits in front");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvPrismaConnectionLimitCheck() {
  return std::make_unique<EnvPrismaConnectionLimitCheck>();
}

}  // namespace rdslint
