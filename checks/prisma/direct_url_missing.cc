// prisma-direct-url-missing: the URL Prisma's CLI migrates with goes through
// a pooler (RDS Proxy, pgbouncer=true) and no direct URL is set.
#include <map>
#include <string>

#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

// Whether a variable's value in the project goes through a pooler: the
// first of its sources (.env, compose, CI, a function's environment or a
// reference there to an RDS Proxy) that does.
struct PooledVar {
  bool pooled = false;
  std::string why, where;
};

PooledVar PooledVariable(const std::string& name, const ProjectFacts& project) {
  PooledVar out;
  out.pooled = VisitEnvValueSources(project, name, [&](const EnvValueSource& s) {
    if (s.proxy_reference) {
      out.why = "an RDS Proxy endpoint";
    } else if (!s.conn || !IsPoolerUrl(*s.conn, &out.why)) {
      return false;
    }
    out.where = name + " is set to it in " + s.where;
    return true;
  });
  if (!out.pooled) out.why.clear();
  return out;
}

class PrismaDirectUrlMissingCheck : public Check {
 public:
  PrismaDirectUrlMissingCheck() : Check("prisma-direct-url-missing") {}

  // Every schema of a monorepo reads the same few variables, each defined
  // once per service: the answer for each is worked out once, here, and
  // only read (by every thread) afterwards.
  void Prepare(const ProjectFacts& project) override {
    for (const std::string& name : project.prisma_env_vars) {
      variables_.emplace(name, PooledVariable(name, project));
    }
  }

  // Whether the setting's URL goes through a pooler: its literal, or a
  // value the project gives its variable.
  bool Pooled(const PrismaUrl& u, const ProjectFacts& project, std::string* why,
              std::string* where) const {
    if (u.kind == PrismaUrl::Kind::kLiteral) return u.conn && IsPoolerUrl(*u.conn, why);
    if (u.kind != PrismaUrl::Kind::kEnv) return false;
    auto it = variables_.find(u.env_var);
    const PooledVar var = it != variables_.end() ? it->second : PooledVariable(u.env_var, project);
    if (!var.pooled) return false;
    *why = var.why;
    *where = var.where;
    return true;
  }

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

 private:
  std::map<std::string, PooledVar, std::less<>> variables_;
};

}  // namespace

std::unique_ptr<Check> CreatePrismaDirectUrlMissingCheck() {
  return std::make_unique<PrismaDirectUrlMissingCheck>();
}

}  // namespace rdslint
