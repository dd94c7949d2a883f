// env-tls-missing-sslmode: a remote URL that does not require TLS.
#include "checks/check.h"
#include "checks/env/env_checks.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"

namespace rdslint {
namespace {

bool IsStrongSslmode(std::string_view mode) {
  return mode == "require" || mode == "verify-ca" || mode == "verify-full";
}

class EnvTlsMissingSslmodeCheck : public Check {
 public:
  EnvTlsMissingSslmodeCheck() : Check("env-tls-missing-sslmode") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    // libpq reads PGSSLMODE when the URL says nothing; Prisma does not.
    const EnvValue* pgsslmode = file.Find("PGSSLMODE");
    const bool env_sslmode_strong =
        pgsslmode && IsStrongSslmode(pgsslmode->entry->value.text);

    for (const EnvValue& v : file.values) {
      if (!v.conn || v.conn->scheme_kind != url::SchemeKind::kPostgres || !v.conn->IsRemote())
        continue;
      const url::ConnectionString& c = *v.conn;
      const bool prisma = IsPrismaUrl(v, ctx.project());
      const url::Param* sslmode = c.FindParam("sslmode");
      if (sslmode) {
        if (IsStrongSslmode(sslmode->value) || sslmode->value_has_holes) continue;
        ctx.Report(v.ToSource(sslmode->value_range),
                   "the connection URL in " + VarName(v) + " sets sslmode=" + sslmode->value +
                       ", which " +
                       (sslmode->value == "disable" ? "never encrypts"
                                                    : "falls back to plaintext without a word") +
                       "; use sslmode=require" +
                       (prisma ? "" : " (or verify-full with the RDS CA bundle)"));
        continue;
      }
      // node-postgres and friends take ssl=true as TLS on.
      if (const url::Param* ssl = c.FindParam("ssl");
          ssl && (ssl->value == "true" || ssl->value == "1" || ssl->value_has_holes))
        continue;
      if (env_sslmode_strong && !prisma) continue;
      std::string message =
          "the connection URL in " + VarName(v) +
          " reaches a remote database without sslmode=require: libpq's default 'prefer' "
          "silently falls back to plaintext, and an IAM token or password then crosses the "
          "network in the clear";
      if (prisma) {
        message += "; Prisma passes sslmode through the URL (5/6 accept require, not "
                   "verify-full; add sslaccept=strict with sslrootcert to check the certificate)";
      }
      Finding& f = ctx.Report(v.ToSource(c.host.range), message);
      const uint32_t at = v.ToSource(SourceRange{c.param_insert_offset, c.param_insert_offset}).begin;
      ctx.AddFix(f, "append sslmode=require",
                 {{SourceRange{at, at}, c.param_separator + "sslmode=require"}});
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvTlsMissingSslmodeCheck() {
  return std::make_unique<EnvTlsMissingSslmodeCheck>();
}

}  // namespace rdslint
