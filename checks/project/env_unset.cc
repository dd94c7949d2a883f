// project-env-unset: code reads a database setting from the environment
// (process.env.DB_SECRET_ARN, os.environ["DATABASE_URL"]) and the function
// that runs it sets no such variable. Lambda does not read .env files, so a
// variable defined only there is undefined in the function: the code gets
// undefined / KeyError, and the SDK or driver fails with a message far from
// the cause (a SecretId validation error, a connection to localhost). A
// variable the code itself writes before reading (the seeds' handler writes
// DATABASE_URL) is set.
#include "checks/iac/iac_common.h"
#include "checks/project/project_checks.h"
#include "checks/project/project_common.h"

namespace rdslint {
namespace project {
namespace {

using iacrules::NodeName;

// A variable that holds a database setting: DATABASE_URL, DB_SECRET_ARN,
// PGHOST, POSTGRES_PASSWORD, RDS_HOSTNAME, ..., not DYNAMODB_TABLE.
bool IsDbSetting(std::string_view name) {
  const std::string n = iacrules::Lower(name);
  if (n.find("dynamo") != std::string::npos) return false;
  for (std::string_view word : {"database", "postgres", "rds", "secret"}) {
    if (n.find(word) != std::string::npos) return true;
  }
  // DB and PG as words of the name: DB_HOST, APP_DB, PGUSER.
  if (n.rfind("pg", 0) == 0) return true;
  for (size_t at = n.find("db"); at != std::string::npos; at = n.find("db", at + 1)) {
    const bool starts = at == 0 || n[at - 1] == '_';
    const bool ends = at + 2 == n.size() || n[at + 2] == '_';
    if (starts && ends) return true;
  }
  return false;
}

class EnvUnset : public Check {
 public:
  EnvUnset() : Check("project-env-unset") {}

  void CheckProject(CheckContext& ctx) override {
    const ProjectIndex index(ctx.project());
    const iac::Graph& g = index.graph();
    if (g.functions.empty()) return;  // not a Lambda project: the environment is someone else's
    OnceReporter out(ctx);
    for (const ScriptFacts& s : index.facts().scripts) {
      bool fallback = false;
      const std::vector<FunctionLink> functions = index.FunctionsFor(s, &fallback);
      for (const script::EnvRead& read : s.facts.env_reads) {
        if (!IsDbSetting(read.name) || Written(index, s, functions, fallback, read.name)) continue;
        std::vector<const FunctionLink*> unset;
        for (const FunctionLink& l : functions) {
          if (!l.function->Env(read.name)) unset.push_back(&l);
        }
        // Linked: every function that runs the file must set it. Not
        // linked: reported only when no function of the project sets it
        // (nor a .env, compose or CI file, since the file may run elsewhere).
        if (unset.empty() || (fallback && (unset.size() != functions.size() ||
                                           index.facts().env_definitions.count(read.name)))) {
          continue;
        }
        std::string who;
        for (size_t i = 0; i < unset.size(); ++i) {
          const std::string link = LinkText(*unset[i], false);
          // The link is set off by commas; before "; " the second one goes.
          const bool last = i + 1 == unset.size();
          who += (i ? "; " : "") + FunctionText(index, *unset[i]->function) + link + (link.empty() || !last ? "" : ",");
        }
        std::string elsewhere;
        if (auto it = index.facts().env_definitions.find(read.name); it != index.facts().env_definitions.end()) {
          elsewhere = " (" + it->second.front().file + " defines it, but a deployed function does not read "
                      ".env, compose or CI files)";
        }
        const std::string message =
            fallback ? "this code reads " + read.name + ", and no function of the project sets it in its "
                           "environment (" + std::string(kFallbackNote) + "). In Lambda it is undefined, and "
                           "the database client or SDK call fails far from the cause; set it in the "
                           "function's environment"
                     : "this code reads " + read.name + ", but " + who + " sets no " + read.name +
                           " in its environment" + elsewhere +
                           ". In Lambda it is undefined, and the database client or SDK call fails far from "
                           "the cause (a SecretId validation error, a connection to localhost); set it in "
                           "the function's environment";
        Finding* f = out.Report(s.file, read.where, message);
        if (!f) continue;
        for (const FunctionLink* l : unset) {
          Relate(*f, l->function->origin, "the function " + NodeName(*l->function) + " (its environment)");
        }
      }
    }
  }

 private:
  // Whether a file the function runs (or, not linked, any script) writes
  // the variable itself.
  static bool Written(const ProjectIndex& index, const ScriptFacts& s, const std::vector<FunctionLink>& functions,
                      bool fallback, const std::string& name) {
    auto writes = [&](const ScriptFacts& t) {
      for (const script::EnvWrite& w : t.facts.env_writes) {
        if (w.name == name) return true;
      }
      return false;
    };
    if (writes(s)) return true;
    if (fallback) {
      for (const ScriptFacts& t : index.facts().scripts) {
        if (writes(t)) return true;
      }
      return false;
    }
    for (const FunctionLink& l : functions) {
      for (const ScriptFacts* t : index.ScriptsOf(*l.function)) {
        if (writes(*t)) return true;
      }
    }
    return false;
  }
};

}  // namespace
}  // namespace project

std::unique_ptr<Check> CreateProjectEnvUnsetCheck() {
  return std::make_unique<project::EnvUnset>();
}

}  // namespace rdslint
