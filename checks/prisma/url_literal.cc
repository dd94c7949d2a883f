// prisma-url-literal: url / directUrl / shadowDatabaseUrl written as a string
// instead of read from the environment.
#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

class PrismaUrlLiteralCheck : public Check {
 public:
  PrismaUrlLiteralCheck() : Check("prisma-url-literal") {}

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    const bool config = file.source == PrismaFile::Source::kConfig;
    const std::string how = config ? "env('" : "env(\"";
    const std::string end = config ? "')" : "\")";
    for (const PrismaDatasource& ds : file.datasources) {
      for (const PrismaUrl& u : ds.urls) {
        if (u.kind != PrismaUrl::Kind::kLiteral || !u.conn) continue;
        const url::ConnectionString& c = *u.conn;
        // A template built from variables is code, not a literal; it still
        // counts when the password itself is written into it.
        if (u.has_holes && c.password_kind != url::PasswordKind::kLiteral) continue;
        const std::string var = u.key == PrismaUrl::Key::kUrl ? "DATABASE_URL"
                                : u.key == PrismaUrl::Key::kDirectUrl ? "DIRECT_URL"
                                                                      : "SHADOW_DATABASE_URL";
        // Prisma 7 rejects a url in the schema: the URL moves to prisma.config.ts.
        const std::string read =
            !config && ctx.project().IsPrisma7()
                ? "Prisma 7 rejects it in the schema: move it to datasource." + u.key_name +
                      " in prisma.config.ts and read it with env('" + var + "')"
                : "read it with " + how + var + end + " (" + ctx.project().PrismaGeneration() + ")";
        if (c.password_kind == url::PasswordKind::kLiteral) {
          ctx.Report(u.value_range,
                     SettingName(file, ds, u) +
                         " is a string literal holding a password: it is committed with the "
                         "code, copied into every build and generated client, and goes stale at "
                         "the next rotation, when each new connection fails with 'password "
                         "authentication failed'; " + read +
                         " and fill the variable at runtime from Secrets Manager, or sign an "
                         "IAM token",
                     Severity::kError);
        } else {
          ctx.Report(u.value_range,
                     SettingName(file, ds, u) +
                         " is a string literal: the database it points at is fixed in the code "
                         "for every environment, and the next step is usually a password "
                         "pasted into it; " + read,
                     Severity::kWarning);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreatePrismaUrlLiteralCheck() {
  return std::make_unique<PrismaUrlLiteralCheck>();
}

}  // namespace rdslint
