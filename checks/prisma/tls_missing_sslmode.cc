// prisma-tls-missing-sslmode: a literal remote URL that does not make Prisma
// use TLS.
#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

class PrismaTlsMissingSslmodeCheck : public Check {
 public:
  PrismaTlsMissingSslmodeCheck() : Check("prisma-tls-missing-sslmode") {}

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    const bool prisma7 = ctx.project().IsPrisma7();
    const std::string gen = ctx.project().PrismaGeneration();
    for (const PrismaDatasource& ds : file.datasources) {
      for (const PrismaUrl& u : ds.urls) {
        if (u.kind != PrismaUrl::Kind::kLiteral || !u.conn) continue;
        const url::ConnectionString& c = *u.conn;
        if (c.scheme_kind != url::SchemeKind::kPostgres || !c.IsRemote()) continue;
        const std::string name = SettingName(file, ds, u);
        if (const url::Param* sslmode = c.FindParam("sslmode")) {
          if (sslmode->value_has_holes || sslmode->value == "require") continue;
          const bool verify = sslmode->value == "verify-full" || sslmode->value == "verify-ca";
          // Prisma 7 reads this URL in the CLI only; whether its connector
          // honours verify-* is not what this rule can tell.
          if (verify && prisma7) continue;
          std::string message =
              verify ? name + " sets sslmode=" + sslmode->value + ", which " + gen +
                           "'s built-in PostgreSQL connector does not know: it accepts only "
                           "disable, prefer and require, and quietly falls back to prefer, "
                           "which drops to plaintext when TLS is refused; use sslmode=require, "
                           "and sslaccept=strict with sslrootcert to verify the certificate"
                     : name + " sets sslmode=" + sslmode->value + ", which " +
                           (sslmode->value == "disable" ? "never encrypts"
                                                        : "falls back to plaintext without a word") +
                           "; use sslmode=require (" + gen +
                           "'s connector accepts disable, prefer and require)";
          Finding& f = ctx.Report(u.ToSource(sslmode->value_range), std::move(message));
          ctx.AddFix(f, "use sslmode=require", {{u.ToSource(sslmode->value_range), "require"}});
          continue;
        }
        Finding& f = ctx.Report(
            u.ToSource(c.host.range),
            name + " reaches a remote database without sslmode=require: Prisma's default, "
                   "prefer, silently falls back to plaintext, and the password or IAM token "
                   "then crosses the network in the clear (" + gen +
                   ": use require, not verify-full, which the connector does not know; "
                   "add sslaccept=strict with sslrootcert to check the certificate)");
        const uint32_t at = u.ToSource(SourceRange{c.param_insert_offset, c.param_insert_offset}).begin;
        ctx.AddFix(f, "append sslmode=require",
                   {{SourceRange{at, at}, c.param_separator + "sslmode=require"}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreatePrismaTlsMissingSslmodeCheck() {
  return std::make_unique<PrismaTlsMissingSslmodeCheck>();
}

}  // namespace rdslint
