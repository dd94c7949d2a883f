// code-secret-to-process-env: a fetched secret written into the process
// environment (process.env.DATABASE_URL, os.environ["DATABASE_URL"]).
#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

class CodeSecretToProcessEnvCheck : public Check {
 public:
  CodeSecretToProcessEnvCheck() : Check("code-secret-to-process-env") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    for (const script::EnvWrite& w : file.facts.env_writes) {
      if (!w.value) continue;
      const script::Taint& t = w.value->taint;
      if (!t.secret() && !t.iam_token()) continue;
      if (w.once.expires) continue;  // rewritten on a schedule or after a failure
      const std::string target = file.python() ? "os.environ[\"" + w.name + "\"]" : "process.env." + w.name;
      const std::string when = w.once.once ? " once (" + w.once.how + ")" : "";
      ReportAt(ctx, file, w.target,
                 "the " + std::string(t.iam_token() ? "IAM token" : "secret") + " read at " +
                     file.Line(t.origin == UINT32_MAX ? w.target.begin : t.origin) +
                     " is written into " + target + when +
                     ": clients created later read it from there, so after a rotation a new "
                     "client still gets the old value; pass the credentials to the client directly "
                     "(a datasource URL, a driver adapter, a pg password function) and refresh "
                     "them when authentication fails");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeSecretToProcessEnvCheck() {
  return std::make_unique<CodeSecretToProcessEnvCheck>();
}

}  // namespace rdslint
