// iac-tls-url-missing-sslmode: a remote connection URL in a function's
// environment that does not require TLS.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

bool IsStrongSslmode(std::string_view mode) {
  return mode == "require" || mode == "verify-ca" || mode == "verify-full";
}

// Where "?sslmode=require" goes in the source: only into bytes written in
// the environment entry itself, never into a variable default or a
// parameter that other places share.
std::optional<Origin> InsertionPoint(const Value& v, uint32_t at) {
  for (const iac::Segment& s : v.segments) {
    if (!s.verbatim || (s.end != at && s.begin != at)) continue;
    Origin o{s.origin.file, SourceRange{s.origin.range.begin + (at - s.begin),
                                        s.origin.range.begin + (at - s.begin)}};
    if (!Elsewhere(v, o)) return o;
  }
  return std::nullopt;
}

class IacTlsUrlMissingSslmodeCheck : public Check {
 public:
  IacTlsUrlMissingSslmodeCheck() : Check("iac-tls-url-missing-sslmode") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    for (const Function& f : g.functions) {
      // libpq reads PGSSLMODE when the URL says nothing; Prisma does not.
      const iac::EnvVar* pgsslmode = f.Env("PGSSLMODE");
      const std::optional<std::string> env_mode =
          pgsslmode ? Literal(pgsslmode->value) : std::nullopt;
      for (const iac::EnvVar& e : f.environment) {
        for (const url::ConnectionString& c : UrlsIn(e.value)) {
          if (c.scheme_kind != url::SchemeKind::kPostgres) continue;
          const Node* target = HostTarget(g, e.value, c);
          if (!c.IsRemote() && !target) continue;
          const bool prisma =
              ctx.project().uses_prisma && ctx.project().prisma_env_vars.count(e.name);
          const std::string what = "the connection URL in " + EnvName(f, e);
          if (const url::Param* mode = c.FindParam("sslmode")) {
            if (IsStrongSslmode(mode->value) || mode->value_has_holes) continue;
            out.Report(WherePart(e.value, mode->value_range),
                       what + " sets sslmode=" + mode->value + ", which " +
                           (mode->value == "disable" ? "never encrypts"
                                                     : "falls back to plaintext without a word") +
                           "; use sslmode=require" +
                           (prisma ? "" : " (or verify-full with the RDS CA bundle)"));
            continue;
          }
          // node-postgres and friends take ssl=true as TLS on.
          if (const url::Param* ssl = c.FindParam("ssl");
              ssl && (ssl->value == "true" || ssl->value == "1" || ssl->value_has_holes)) {
            continue;
          }
          if (env_mode && IsStrongSslmode(*env_mode) && !prisma) continue;
          std::string message =
              what + " reaches " + (target ? NodeName(*target) : std::string("a remote database")) +
              " without sslmode=require: libpq's default 'prefer' silently falls back to "
              "plaintext, and the password or IAM token then crosses the network in the clear";
          if (prisma) {
            message +=
                "; Prisma passes sslmode through the URL (5/6 accept require, not "
                "verify-full; add sslaccept=strict with sslrootcert to check the "
                "certificate)";
          }
          Finding* finding = out.Report(WherePart(e.value, c.host.range), message);
          if (!finding) continue;
          const std::optional<Origin> at = InsertionPoint(e.value, c.param_insert_offset);
          if (at && at->file == finding->location.file) {
            ctx.AddFix(*finding, "append sslmode=require",
                       {{at->range, c.param_separator + "sslmode=require"}});
          }
        }
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacTlsUrlMissingSslmodeCheck() {
  return std::make_unique<iacrules::IacTlsUrlMissingSslmodeCheck>();
}

}  // namespace rdslint
