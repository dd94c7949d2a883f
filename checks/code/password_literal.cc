// code-password-literal: a literal password in a connection string or a
// client configuration written in code.
#include <set>

#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"
#include "frontend/url/placeholder.h"

namespace rdslint {
namespace {

constexpr const char* kWhy =
    ": it is copied into every clone, build and bundle, and it goes stale at the next "
    "rotation, when each new connection fails with 'password authentication failed'; read it "
    "from Secrets Manager at runtime (refreshed when authentication fails) or sign an RDS IAM "
    "token instead";

class CodePasswordLiteralCheck : public Check {
 public:
  CodePasswordLiteralCheck() : Check("code-password-literal") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    std::set<std::pair<uint32_t, uint32_t>> seen;
    // `lead` is "<what> holds" or "<client> is given".
    auto report = [&](SourceRange where, const std::string& lead, bool placeholder) {
      if (!seen.insert({where.begin, where.end}).second) return;
      if (placeholder) {
        ReportAt(ctx, file, where,
                   lead + " a placeholder password; make sure the real one is read at runtime "
                          "from Secrets Manager, never written into the code",
                   Severity::kNote);
      } else {
        ReportAt(ctx, file, where, lead + " a literal password" + kWhy);
      }
    };
    for (const script::CodeUrl& u : file.facts.urls) {
      if (u.consumed || !u.conn.password.present || u.conn.password.range.empty()) continue;
      const auto kind = u.conn.password_kind;
      if (kind != url::PasswordKind::kLiteral && kind != url::PasswordKind::kPlaceholder) continue;
      report(u.ToSource(u.conn.password.range), UrlName(u) + " holds",
             kind == url::PasswordKind::kPlaceholder);
    }
    for (const script::ClientConfig& c : file.facts.clients) {
      if (!c.password.present || !c.password.value) continue;
      const script::Value& pw = *c.password.value;
      if (!pw.is_literal_string() || pw.text.empty() || url::HasHole(pw.text)) continue;
      const SourceRange where = pw.ToSource(SourceRange{0, static_cast<uint32_t>(pw.text.size())});
      report(where, ClientName(c) + " is given", url::LooksLikePlaceholder(pw.text));
    }
  }

};

}  // namespace

std::unique_ptr<Check> CreateCodePasswordLiteralCheck() {
  return std::make_unique<CodePasswordLiteralCheck>();
}

}  // namespace rdslint
