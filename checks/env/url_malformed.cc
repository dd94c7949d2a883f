// env-url-malformed: a database URL that does not parse.
#include "checks/check.h"
#include "checks/env/env_checks.h"
#include "checks/env/env_file.h"
#include "checks/env/env_messages.h"
#include "frontend/url/placeholder.h"

namespace rdslint {
namespace {

class EnvUrlMalformedCheck : public Check {
 public:
  EnvUrlMalformedCheck() : Check("env-url-malformed") {}

  void CheckEnv(const EnvFile& file, CheckContext& ctx) override {
    for (const EnvValue& v : file.values) {
      const bool db_key = IsDatabaseUrlKey(v.entry->key);
      if (!v.conn) {
        if (db_key) CheckNotAUrl(v, ctx);
        continue;
      }
      if (v.conn->scheme_kind == url::SchemeKind::kOtherDb) continue;  // not ours
      for (const url::Problem& p : v.conn->problems) {
        // An odd scheme is only a mistake where a database URL is expected.
        if (p.kind == url::ProblemKind::kUnknownScheme && !db_key) continue;
        ctx.Report(v.ToSource(p.range), "the connection string in " + VarName(v) +
                                            " is malformed: " + p.message);
      }
    }
  }

 private:
  // DATABASE_URL=mydb.abc.eu-west-1.rds.amazonaws.com:5432/app has no scheme:
  // Prisma and node-postgres reject it at the first connection.
  static void CheckNotAUrl(const EnvValue& v, CheckContext& ctx) {
    const std::string& value = v.entry->value.text;
    if (value.empty() || url::HasHole(value) || url::LooksLikePlaceholder(value)) return;
    if (value.find("://") != std::string::npos) return;  // a scheme the analyser does not know
    ctx.Report(v.entry->value_range,
               VarName(v) + " is expected to hold a database URL but has no scheme; write "
                            "postgresql://USER:PASSWORD@HOST:5432/DB");
  }
};

}  // namespace

std::unique_ptr<Check> CreateEnvUrlMalformedCheck() {
  return std::make_unique<EnvUrlMalformedCheck>();
}

}  // namespace rdslint
