// env-password-literal: a literal password in a URL or a *_PASSWORD variable.
#include "checks/check.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"
#include "checks/env/env_checks.h"
#include "frontend/url/placeholder.h"

namespace rdslint {
namespace {

class EnvPasswordLiteralCheck : public Check {
 public:
  EnvPasswordLiteralCheck() : Check("env-password-literal") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    for (const EnvValue& v : file.values) {
      if (v.conn && v.conn->password.present) {
        CheckUrl(v, ctx);
      } else if (IsPasswordKey(v.entry->key)) {
        CheckPasswordVariable(v, ctx);
      }
    }
  }

 private:
  static void CheckUrl(const EnvValue& v, CheckContext& ctx) {
    const url::ConnectionString& c = *v.conn;
    const SourceRange where = v.ToSource(c.password.range);
    switch (c.password_kind) {
      case url::PasswordKind::kLiteral:
        ctx.Report(where, "the connection URL in " + VarName(v) +
                              " holds a literal password: it is copied into every clone and "
                              "build, and goes stale at the next rotation, when each new "
                              "connection fails with 'password authentication failed'; read it "
                              "from Secrets Manager at runtime or sign an IAM token instead");
        break;
      case url::PasswordKind::kPlaceholder:
        ctx.Report(where,
                   "the connection URL in " + VarName(v) +
                       " holds a placeholder password; make sure the real one is injected "
                       "at runtime from Secrets Manager, never written into this file",
                   Severity::kNote);
        break;
      case url::PasswordKind::kAbsent:
      case url::PasswordKind::kInterpolated:
        break;  // resolved elsewhere: judged where it is defined
    }
  }

  static void CheckPasswordVariable(const EnvValue& v, CheckContext& ctx) {
    const std::string& value = v.entry->value.text;
    if (value.empty() || url::HasHole(value)) return;
    if (url::LooksLikePlaceholder(value)) {
      ctx.Report(v.entry->value_range,
                 VarName(v) + " holds a placeholder; make sure the real password is injected "
                              "at runtime from Secrets Manager, never written into this file",
                 Severity::kNote);
      return;
    }
    ctx.Report(v.entry->value_range,
               VarName(v) + " holds a literal password: it is copied into every clone and "
                            "build, and goes stale at the next rotation; read it from Secrets "
                            "Manager at runtime or use IAM database authentication");
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvPasswordLiteralCheck() {
  return std::make_unique<EnvPasswordLiteralCheck>();
}

}  // namespace rdslint
