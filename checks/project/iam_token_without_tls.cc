// project-iam-token-without-tls: code that sends an RDS IAM authentication
// token as the password of a client configuration or URL that does not
// require TLS. RDS accepts IAM authentication only over SSL: with
// sslmode=disable (ssl: false) every connection is refused, and with the
// default 'prefer' (or allow) a downgraded connection sends the token — a
// credential valid for 15 minutes — in the clear. The project part: the
// functions that run the code (through the handler path) and whether their
// environment sets PGSSLMODE=require for drivers that read it.
#include "checks/iac/iac_common.h"
#include "checks/project/project_checks.h"
#include "checks/project/project_common.h"

namespace rdslint {
namespace project {
namespace {

using iacrules::NodeName;

bool CarriesToken(const script::ValuePtr& v) {
  if (!v) return false;
  if (v->taint.iam_token()) return true;
  for (const script::Hole& h : v->holes) {
    if (h.taint.iam_token()) return true;
  }
  return false;
}

class IamTokenWithoutTls : public Check {
 public:
  IamTokenWithoutTls() : Check("project-iam-token-without-tls") {}

  void CheckProject(CheckContext& ctx) override {
    const ProjectIndex index(ctx.project());
    OnceReporter out(ctx);
    for (const ScriptFacts& s : index.facts().scripts) {
      bool fallback = false;
      const std::vector<FunctionLink> functions = index.FunctionsFor(s, &fallback);
      // PGSSLMODE=require on every function that runs the file.
      bool pgsslmode = !functions.empty();
      for (const FunctionLink& l : functions) {
        const iac::EnvVar* v = l.function->Env("PGSSLMODE");
        pgsslmode &= v && v->value.is_literal_string() && script::IsStrongSslmode(v->value.text);
      }
      const std::string runs = RunsText(index, s, functions, fallback);
      for (const script::ClientConfig& c : s.facts.clients) {
        if (!c.password.present || !CarriesToken(c.password.value)) continue;
        std::string why;
        switch (c.tls) {
          case script::Tls::kOn:
          case script::Tls::kDynamic:
          case script::Tls::kUnverified:  // encrypted: the tls rules note the certificate
            continue;
          case script::Tls::kOff:
            why = "turns TLS off (" + c.tls_text + "): RDS refuses IAM authentication without SSL, so every "
                  "connection fails";
            break;
          case script::Tls::kWeak:
            why = "allows plaintext (" + c.tls_text + "): a downgraded connection sends the token in the clear";
            break;
          case script::Tls::kUnset:
            if (pgsslmode && script::ReadsPgsslmode(c.library)) continue;
            why = "sets no TLS, so the driver's default applies (libpq's 'prefer' falls back to plaintext; "
                  "node-postgres connects without TLS) and the token can cross the network in the clear";
            break;
        }
        Report(out, s, c.password.key, c.callee,
               "this " + std::string(script::LibraryName(c.library)) +
                   " client authenticates with the RDS IAM token as its password but " + why + runs +
                   ". Require TLS: ssl: { rejectUnauthorized: true, ca: <RDS CA bundle> } (node-postgres) or "
                   "sslmode=require / verify-full (libpq drivers)",
               functions, fallback);
      }
      for (const script::CodeUrl& u : s.facts.urls) {
        if (u.consumed || u.client_sets_tls || !u.conn.password.present) continue;
        bool token = false;
        for (const script::Hole& h : u.value->holes) {
          token |= h.taint.iam_token() && h.begin < u.conn.password.range.end &&
                   u.conn.password.range.begin < h.end;
        }
        if (!token) continue;
        const url::Param* sslmode = u.conn.FindParam("sslmode");
        if (sslmode && (script::IsStrongSslmode(sslmode->value) || sslmode->value_has_holes)) continue;
        if (!sslmode && pgsslmode && !u.prisma) continue;
        const std::string what = sslmode ? "sets sslmode=" + sslmode->value : "has no sslmode";
        Report(out, s, u.ToSource(u.conn.password.range), u.ToSource(u.conn.password.range),
               "this connection string carries the RDS IAM token as its password but " + what +
                   (sslmode && sslmode->value == "disable"
                        ? ": RDS refuses IAM authentication without SSL, so every connection fails"
                        : ": libpq's 'prefer' falls back to plaintext, and the token crosses the network in "
                          "the clear") +
                   runs + ". Add sslmode=require (verify-full with the RDS CA bundle where the driver "
                   "checks certificates; Prisma 5/6 accept require only)",
               functions, fallback);
      }
    }
  }

 private:
  static std::string RunsText(const ProjectIndex& index, const ScriptFacts& s,
                              const std::vector<FunctionLink>& functions, bool fallback) {
    if (functions.empty()) return "";
    if (fallback) return " (" + std::string(kFallbackNote) + ")";
    std::string out = "; it runs in ";
    for (size_t i = 0; i < functions.size(); ++i) {
      out += (i ? ", " : "") + FunctionText(index, *functions[i].function) + LinkText(functions[i], false);
    }
    return out;
  }

  static void Report(OnceReporter& out, const ScriptFacts& s, SourceRange at, SourceRange fallback_at,
                     std::string message, const std::vector<FunctionLink>& functions, bool fallback) {
    if (at.empty()) at = fallback_at;
    Finding* f = out.Report(s.file, at, std::move(message));
    if (!f) return;
    for (const script::CredentialRead& r : s.facts.reads) {
      if (r.iam_token) Relate(*f, s, r.callee, "the IAM token is signed here");
    }
    if (fallback) return;
    for (const FunctionLink& l : functions) Relate(*f, l.function->origin, "runs this code: " + NodeName(*l.function));
  }
};

}  // namespace
}  // namespace project

std::unique_ptr<Check> CreateProjectIamTokenWithoutTlsCheck() {
  return std::make_unique<project::IamTokenWithoutTls>();
}

}  // namespace rdslint
