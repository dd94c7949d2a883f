// iac-password-in-function-env: a function environment variable that holds
// a password, or a connection URL with a literal password.
#include "checks/env/env_file.h"
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"
#include "frontend/url/placeholder.h"

namespace rdslint {
namespace iacrules {
namespace {

constexpr std::string_view kWhy =
    ": a function's environment is plain text to anyone who may read its configuration "
    "(lambda:GetFunctionConfiguration, the console, the template), and the copy goes stale at "
    "the next rotation, when each new connection fails with 'password authentication failed'; "
    "pass the secret's ARN instead (e.g. DB_SECRET_ARN) and fetch the password at runtime with "
    "GetSecretValue, or connect with an IAM authentication token";

class IacPasswordInFunctionEnvCheck : public Check {
 public:
  IacPasswordInFunctionEnvCheck() : Check("iac-password-in-function-env") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const Function& f : ctx.project().graph.functions) {
      for (const iac::EnvVar& e : f.environment) {
        bool url_password = false;
        for (const url::ConnectionString& c : UrlsIn(e.value)) {
          if (c.password_kind != url::PasswordKind::kLiteral) continue;
          url_password = true;
          const Origin where = WherePart(e.value, c.password.range);
          out.Report(where, (Elsewhere(e.value, where) ? "this literal is the password of the "
                                                         "connection URL in "
                                                       : "the connection URL in ") +
                                EnvName(f, e) +
                                (Elsewhere(e.value, where) ? "" : " holds a literal password") +
                                std::string(kWhy));
        }
        if (url_password || !IsPasswordKey(e.name)) continue;
        const std::optional<std::string> text = Literal(e.value);
        if (!text || text->empty() || url::LooksLikePlaceholder(*text)) continue;
        const Origin where = WhereWritten(e.value);
        out.Report(where,
                   (Elsewhere(e.value, where)
                        ? "this literal is the password in " + EnvName(f, e) + Through(e.value)
                        : EnvName(f, e) + " holds a literal password") +
                       std::string(kWhy));
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacPasswordInFunctionEnvCheck() {
  return std::make_unique<iacrules::IacPasswordInFunctionEnvCheck>();
}

}  // namespace rdslint
