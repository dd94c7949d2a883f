// env-url-unencoded-password: reserved characters in a URL password that are
// not percent-encoded — the cause of 'password authentication failed' that
// looks like a wrong password.
#include "checks/check.h"
#include "checks/env/env_checks.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"

namespace rdslint {
namespace {

std::string Describe(char c) {
  if (c == ' ') return "a space";
  return std::string("'") + c + "'";
}

class EnvUrlUnencodedPasswordCheck : public Check {
 public:
  EnvUrlUnencodedPasswordCheck() : Check("env-url-unencoded-password") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    for (const EnvValue& v : file.values) {
      if (!v.conn || v.conn->syntax != url::Syntax::kUrl) continue;
      const auto& chars = v.conn->unencoded_password_chars;
      if (chars.empty()) continue;
      const UnencodedSummary s = Summarize(chars);
      std::string message = "the password in " + VarName(v) + "'s URL contains " + s.text +
                            " not percent-encoded: the URL is split at the wrong place, and "
                            "the server answers 'FATAL: password authentication failed', which "
                            "looks exactly like a wrong or rotated password; percent-encode it (" +
                            s.example + ")";
      const uint32_t first = chars.front().offset;
      Finding& f = ctx.Report(v.ToSource(SourceRange{first, first + 1}), message);
      // One small edit per character, so that the fix never carries the password.
      std::vector<std::pair<SourceRange, std::string>> edits;
      for (const url::UnencodedChar& u : chars) {
        edits.emplace_back(v.ToSource(SourceRange{u.offset, u.offset + 1}),
                           url::PercentEncode(u.ch));
      }
      ctx.AddFix(f, "percent-encode the password", std::move(edits));
    }
  }

 private:
  struct UnencodedSummary {
    std::string text;
    std::string example;
  };

  static UnencodedSummary Summarize(const std::vector<url::UnencodedChar>& chars) {
    std::string distinct;
    for (const url::UnencodedChar& u : chars) {
      if (distinct.find(u.ch) == std::string::npos) distinct.push_back(u.ch);
    }
    UnencodedSummary s;
    for (size_t i = 0; i < distinct.size(); ++i) {
      if (i) s.text += i + 1 == distinct.size() ? " and " : ", ";
      s.text += Describe(distinct[i]);
      if (i) s.example += ", ";
      s.example += Describe(distinct[i]) + " -> " + url::PercentEncode(distinct[i]);
    }
    return s;
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvUrlUnencodedPasswordCheck() {
  return std::make_unique<EnvUrlUnencodedPasswordCheck>();
}

}  // namespace rdslint
