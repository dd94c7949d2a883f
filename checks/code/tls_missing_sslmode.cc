// code-tls-missing-sslmode: a connection string or client configuration
// built in code that reaches a remote database without requiring TLS, or
// that turns TLS off; certificate checks turned off are a note.
#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

// What the driver does when nothing asks for TLS.
std::string_view DriverDefault(script::Library library) {
  switch (library) {
    case script::Library::kPsycopg2:
    case script::Library::kPsycopg:
    case script::Library::kSqlAlchemy:
    case script::Library::kAsyncpg:
      return "the driver's default sslmode 'prefer' silently falls back to plaintext";
    default:
      return "the driver connects in plaintext unless TLS is asked for";
  }
}

std::string_view TlsOption(script::Library library) {
  switch (library) {
    case script::Library::kPsycopg2:
    case script::Library::kPsycopg:
      return "sslmode=\"require\" (or verify-full with sslrootcert set to the RDS CA bundle)";
    case script::Library::kSqlAlchemy:
      return "connect_args={\"sslmode\": \"require\"} or ?sslmode=require in the URL";
    case script::Library::kAsyncpg:
      return "ssl=\"require\" (or an SSLContext loaded with the RDS CA bundle)";
    case script::Library::kPg8000:
      return "ssl_context=True (or an SSLContext loaded with the RDS CA bundle)";
    case script::Library::kPostgresJs:
      return "ssl: 'require' (or 'verify-full' with the RDS CA bundle)";
    case script::Library::kSequelize:
      return "dialectOptions: { ssl: { require: true, ca: <RDS CA bundle> } }";
    default:
      return "ssl: { ca: <RDS CA bundle> } (or ssl: true with NODE_EXTRA_CA_CERTS pointing at it)";
  }
}

// Whether the project sets PGSSLMODE to require or verify-* (in a .env, a
// CI file or a function's environment) and nowhere to something weaker:
// libpq, node-postgres and asyncpg read it when the code says nothing.
bool ProjectRequiresSslmode(const ProjectFacts& project) {
  bool strong = false;
  if (auto it = project.env_definitions.find("PGSSLMODE"); it != project.env_definitions.end()) {
    for (const EnvDefinition& d : it->second) {
      if (!script::IsStrongSslmode(d.value)) return false;
      strong = true;
    }
  }
  for (const iac::Function& fn : project.graph.functions) {
    if (const iac::EnvVar* v = fn.Env("PGSSLMODE")) {
      if (!v->value.is_literal_string() || !script::IsStrongSslmode(v->value.text)) return false;
      strong = true;
    }
  }
  return strong;
}

class CodeTlsMissingSslmodeCheck : public Check {
 public:
  CodeTlsMissingSslmodeCheck() : Check("code-tls-missing-sslmode") {}

  // The same answer for every script: worked out once, not once a file
  // over every function of the project.
  void Prepare(const ProjectFacts& project) override { pgsslmode_ = ProjectRequiresSslmode(project); }

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    const bool prisma7 = ctx.project().IsPrisma7();
    const bool pgsslmode = pgsslmode_;
    for (const script::CodeUrl& u : file.facts.urls) {
      if (u.consumed || u.client_sets_tls || !u.Remote()) continue;
      // Prisma 5/6 parse the URL themselves and never read PGSSLMODE.
      if (pgsslmode && !(u.prisma && !prisma7) && !u.conn.FindParam("sslmode")) continue;
      CheckUrl(file, u, prisma7, ctx);
    }
    for (const script::ClientConfig& c : file.facts.clients) {
      if (c.library == script::Library::kPrismaClient) continue;  // judged by its URL
      if (pgsslmode && c.tls == script::Tls::kUnset && script::ReadsPgsslmode(c.library)) continue;
      CheckClient(file, c, ctx);
    }
  }

 private:
  bool pgsslmode_ = false;

  static void CheckUrl(const ScriptFile& file, const script::CodeUrl& u, bool prisma7,
                       CheckContext& ctx) {
    const url::ConnectionString& c = u.conn;
    if (const url::Param* sslmode = c.FindParam("sslmode")) {
      if (script::IsStrongSslmode(sslmode->value) || sslmode->value_has_holes) return;
      ReportAt(ctx, file, u.ToSource(sslmode->value_range),
                 UrlName(u) + " sets sslmode=" + sslmode->value + ", which " +
                     (sslmode->value == "disable" ? "never encrypts"
                                                  : "falls back to plaintext without a word") +
                     "; use sslmode=require" + (u.prisma ? "" : " (or verify-full with the RDS CA bundle)"));
      return;
    }
    if (const url::Param* ssl = c.FindParam("ssl");
        ssl && (ssl->value == "true" || ssl->value == "1" || ssl->value_has_holes)) {
      return;
    }
    std::string host = "a remote database";
    for (const script::Hole& h : u.value->holes) {
      if (h.begin < c.host.range.end && c.host.range.begin < h.end) {
        const std::string origin = OriginPhrase(file, h.taint);
        if (!origin.empty()) host = "the database whose host comes from " + origin;
        break;
      }
    }
    std::string message =
        UrlName(u) + " reaches " + host +
        " without sslmode=require: libpq's default 'prefer' silently falls back to plaintext, "
        "and the password or IAM token then crosses the network in the clear";
    if (u.prisma) {
      message += prisma7 ? "; Prisma 7 connects through node-pg, which verifies the certificate "
                           "(RDS needs its CA bundle, e.g. NODE_EXTRA_CA_CERTS)"
                         : "; Prisma passes sslmode through the URL (5/6 accept require, not "
                           "verify-full; add sslaccept=strict with sslrootcert to check the "
                           "certificate)";
    }
    // The host is a hole or a literal; either way its range is where to look.
    Finding& f = ReportAt(ctx, file, u.ToSource(c.host.range), message);
    uint32_t at = 0;
    if (u.value->InsertionPoint(c.param_insert_offset, &at)) {
      const std::string add = c.syntax == url::Syntax::kUrl ? c.param_separator + "sslmode=require"
                                                            : " sslmode=require";
      ctx.AddFix(f, "append sslmode=require", {{SourceRange{at, at}, add}});
    }
  }

  static void CheckClient(const ScriptFile& file, const script::ClientConfig& c, CheckContext& ctx) {
    const SourceRange setting = c.tls_setting.present ? c.tls_setting.key : c.callee;
    switch (c.tls) {
      case script::Tls::kOn:
      case script::Tls::kDynamic:
        return;
      case script::Tls::kOff:
      case script::Tls::kWeak:
        ReportAt(ctx, file, setting, ClientName(c) + " is configured with " + c.tls_text + ", which " +
                                (c.tls == script::Tls::kOff ? "never encrypts"
                                                            : "falls back to plaintext without a word") +
                                ": the password or IAM token crosses the network in the clear; use " +
                                std::string(TlsOption(c.library)));
        return;
      case script::Tls::kUnverified:
        ReportAt(ctx, file, setting,
                   ClientName(c) + " encrypts but accepts any certificate (rejectUnauthorized: "
                                   "false / no-verify): whoever sits between the function and the "
                                   "database can present their own; verify against the RDS CA "
                                   "bundle instead",
                   Severity::kNote);
        return;
      case script::Tls::kUnset:
        break;
    }
    if (c.url_index >= 0 || !c.remote) return;  // a URL is judged on its own
    std::string where = "a remote database";
    if (c.host.present && c.host.value) {
      const std::string origin = OriginPhrase(file, c.host.value->taint);
      if (!origin.empty()) where = "the database whose host comes from " + origin;
    }
    ReportAt(ctx, file, c.callee, ClientName(c) + " connects to " + where +
                             " without requiring TLS: " + std::string(DriverDefault(c.library)) +
                             ", and the password or IAM token then crosses the network in the "
                             "clear; set " + std::string(TlsOption(c.library)));
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeTlsMissingSslmodeCheck() {
  return std::make_unique<CodeTlsMissingSslmodeCheck>();
}

}  // namespace rdslint
