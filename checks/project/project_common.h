// What the project rules share: which functions run a script (linked through
// the handler path, the code folder and relative imports, else every
// function of the project), how a variable a script reads is set by a
// function, and how places in other files are named in messages and added
// to a finding as SARIF related locations.
#ifndef RDSLINT_CHECKS_PROJECT_PROJECT_COMMON_H_
#define RDSLINT_CHECKS_PROJECT_PROJECT_COMMON_H_

#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "frontend/discover/project_facts.h"
#include "frontend/iac/graph.h"
#include "frontend/script/values.h"

namespace rdslint::project {

// A function that runs a script, and how the two are linked ("its handler
// dist/handler.handler", "its CodeUri src/", "imported by src/handler.ts").
struct FunctionLink {
  const iac::Function* function = nullptr;
  std::string how;
};

class ProjectIndex {
 public:
  explicit ProjectIndex(const ProjectFacts& facts);

  // The functions that run a script; empty when no handler path, code
  // folder or import links it to one.
  const std::vector<FunctionLink>& LinksOf(const ScriptFacts& s) const;
  // The functions a rule judges a script against: the linked ones, else
  // every function of the project (`*fallback` set).
  std::vector<FunctionLink> FunctionsFor(const ScriptFacts& s, bool* fallback) const;
  // The scripts a function runs.
  std::vector<const ScriptFacts*> ScriptsOf(const iac::Function& fn) const;

  // "infra/main.tf:12" (or the file alone when its lines are not known).
  std::string Where(const iac::Origin& o) const;
  std::string Where(const ScriptFacts& s, uint32_t offset) const;

  const ProjectFacts& facts() const { return facts_; }
  const iac::Graph& graph() const { return facts_.graph; }

 private:
  const ProjectFacts& facts_;
  std::unordered_map<const ScriptFacts*, std::vector<FunctionLink>> links_;
  std::unordered_map<const iac::Function*, std::vector<const ScriptFacts*>> scripts_of_;  // in the facts' order
};

// The scripts the project rules read to judge the files `named` (absolute
// paths) and no others, as `rdslint FILE...` does: a named script, the
// scripts that run in the same functions as a named script (one of them may
// set a variable the named one reads) and those of the functions a named
// IaC file defines or sets the environment of (their secrets are reported
// there). Nullopt when every script is needed: a named script no function
// is linked to is judged against all of them. Linking needs only paths and
// imports, so `index` may be built over scripts not parsed yet.
std::optional<std::set<const ScriptFacts*>> ScriptsNeededFor(const ProjectIndex& index,
                                                             const std::set<std::string>& named);

// The functions those are: the functions linked to a named script and
// those a named IaC file defines or sets the environment of. Nullopt when a
// named script is linked to none.
std::optional<std::set<const iac::Function*>> FunctionsConcerning(const ProjectIndex& index,
                                                                  const std::set<std::string>& named);

// Reads into facts->scripts (deferred, unparsed) those of `scripts` that
// ScriptsNeededFor can ask for, and as few others as it can: the named
// scripts, the files function handlers may be and what they import, then
// the code folders of the functions the named files concern. Linking is
// then exact for every script ScriptsNeededFor returns, as if every script
// of the repository had been read (CliTest compares with whole runs).
// Scripts over `max_size` bytes are left out (their listed sizes may be
// unknown).
void ReadScriptsFor(const std::vector<const DiscoveredFile*>& scripts, const std::set<std::string>& named,
                    int jobs, uint64_t max_size, ProjectFacts* facts);

// "aws_lambda_function.api (infra/main.tf:58)"
std::string FunctionText(const ProjectIndex& index, const iac::Function& fn);
// "the role aws_iam_role.api (infra/main.tf:34)"
std::string RoleText(const ProjectIndex& index, const iac::Role& role);
// ", linked through its handler dist/handler.handler" or the fallback note.
std::string LinkText(const FunctionLink& link, bool fallback);
// The note the messages add when a script is judged against every function.
inline constexpr std::string_view kFallbackNote =
    "no handler path, code folder or import links this file to a function, so it is judged "
    "against every function of the project";

// The environment variable a code value comes from (process.env.X,
// os.environ["X"]), or "".
std::string EnvVarOf(const script::ValuePtr& v);
// A literal string value of the code, or nullopt.
std::optional<std::string> CodeLiteral(const script::ValuePtr& v);

// Adds a related location (SARIF relatedLocations, LSP relatedInformation).
void Relate(Finding& f, const iac::Origin& where, std::string message);
void Relate(Finding& f, const ScriptFacts& s, SourceRange range, std::string message);

// Reports each (file, range, message) once.
class OnceReporter {
 public:
  explicit OnceReporter(CheckContext& ctx) : ctx_(ctx) {}
  Finding* Report(const std::string& file, SourceRange range, std::string message);

 private:
  CheckContext& ctx_;
  std::map<std::tuple<std::string, uint32_t, uint32_t>, bool> seen_;
};

}  // namespace rdslint::project

#endif  // RDSLINT_CHECKS_PROJECT_PROJECT_COMMON_H_
