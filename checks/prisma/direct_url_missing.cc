// prisma-direct-url-missing: the URL Prisma's CLI migrates with goes through
// a pooler (RDS Proxy, pgbouncer=true) and no direct URL is set.
#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

// Whether the setting's URL goes through a pooler: its literal, or a value
// the project gives its variable (.env, compose, CI, a function's
// environment or a reference there to an RDS Proxy).
bool Pooled(const PrismaUrl& u, const ProjectFacts& project, std::string* why, std::string* where) {
  if (u.kind == PrismaUrl::Kind::kLiteral) return u.conn && IsPoolerUrl(*u.conn, why);
  if (u.kind != PrismaUrl::Kind::kEnv) return false;
  for (const EnvValueSource& s : EnvValueSources(project, u.env_var)) {
    if (s.proxy_reference) {
      *why = "an RDS Proxy endpoint";
    } else if (!s.conn || !IsPoolerUrl(*s.conn, why)) {
      continue;
    }
    *where = u.env_var + " is set to it in " + s.where;
    return true;
  }
  return false;
}

class PrismaDirectUrlMissingCheck : public Check {
 public:
  PrismaDirectUrlMissingCheck() : Check("prisma-direct-url-missing") {}

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    const ProjectFacts& project = ctx.project();
    const bool config = file.source == PrismaFile::Source::kConfig;
    for (const PrismaDatasource& ds : file.datasources) {
      const PrismaUrl* u = ds.Find(PrismaUrl::Key::kUrl);
      if (!u || ds.Find(PrismaUrl::Key::kDirectUrl)) continue;
      std::string why, where;
      if (!Pooled(*u, project, &why, &where)) continue;
      const SourceRange at = u->kind == PrismaUrl::Kind::kEnv ? u->env_var_range : u->value_range;
      const std::string pooler =
          why == "pgbouncer=true"
              ? "in PgBouncer's transaction mode migrations fail ('prepared statement \"s0\" "
                "already exists'), as the schema engine needs one session of its own"
              : "through RDS Proxy every migration session is pinned to one database "
                "connection (Prisma uses prepared statements), so the proxy pools nothing there "
                "and only stands between the CLI and the database";
      const std::string via = where.empty() ? "" : " (" + where + ")";
      if (config) {
        ctx.Report(at, SettingName(file, ds, *u) + " is the URL the " +
                           project.PrismaGeneration() +
                           " CLI migrates with, and it goes through a connection pooler, " + why +
                           via + ": " + pooler +
                           "; point it at the database's own endpoint (what directUrl held "
                           "before Prisma 7) and give the pooled URL to the driver adapter "
                           "that serves queries at runtime");
      } else {
        ctx.Report(at, SettingName(file, ds, *u) + " goes through a connection pooler, " + why +
                           via + ", and the datasource sets no directUrl: Prisma's CLI (migrate, "
                           "db push, introspection) then connects through the pooler too, and " +
                           pooler +
                           (project.IsPrisma7()
                                ? "; Prisma 7 migrates with datasource.url in prisma.config.ts: "
                                  "point that at the database's own endpoint"
                                : "; add directUrl = env(\"DIRECT_URL\") with the database's own "
                                  "endpoint (" + project.PrismaGeneration() + ")"));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreatePrismaDirectUrlMissingCheck() {
  return std::make_unique<PrismaDirectUrlMissingCheck>();
}

}  // namespace rdslint
