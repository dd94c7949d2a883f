// Facts about the whole repository that per-file rules need: is this a
// Lambda project, does it use Prisma (which generation), which variables
// does Prisma read its URL from. Gathered by a cheap pass over the few files
// that can tell, before the files are checked. The project graph (Terraform,
// CloudFormation) will refine these; until then this pass is the source.
#ifndef RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_
#define RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/discover/discover.h"
#include "frontend/iac/graph.h"
#include "frontend/script/code_facts.h"

namespace rdslint {

// Where a variable gets a value in the project outside the IaC graph: a
// .env file, a compose environment block, a CI workflow's env, a
// Dockerfile ENV.
struct EnvDefinition {
  std::string file;   // path as reported
  int line = 0;
  std::string value;  // as written; may be a secret: never print it
  // .env and compose files: where `value` stands in the file, when it is
  // the bytes as written (no escapes); else 0.
  uint32_t value_offset = 0;
  bool value_exact = false;
};

// What one script that concerns the database says, for the project rules
// (which join it with the graph): the code facts of frontend/script, the
// text (for line numbers in messages), and the modules it imports by
// relative path (so a handler's helpers belong to its function).
struct ScriptFacts {
  std::string file;      // path as reported
  std::string abs_path;
  std::string text;
  script::CodeFacts facts;
  std::vector<std::string> relative_imports;  // absolute paths without extension
  // False until the script is parsed for `facts` (GatherProjectFacts with
  // `defer_scripts`; ParseDeferredScripts).
  bool parsed = true;
  int LineOf(uint32_t offset) const;
};

struct ProjectFacts {
  bool lambda_project = false;
  std::string lambda_evidence;   // "infra/main.tf:12 (aws_lambda_function)"
  bool uses_prisma = false;
  int prisma_major = 0;          // from package.json; 0 when unknown
  bool prisma_config_ts = false; // a prisma.config.ts exists (Prisma 7 layout)
  bool prisma_schema_url = false; // a .prisma datasource sets `url` (Prisma 5/6 layout)
  // Variables Prisma reads its URLs from: env("X") in schema.prisma and
  // prisma.config.ts.
  std::set<std::string> prisma_env_vars;
  // Variables defined by .env files (templates such as .env.example too:
  // they document what must be set), compose environment blocks, CI files
  // (GitHub Actions, GitLab CI, CircleCI, CodeBuild buildspec, Azure
  // Pipelines, Bitbucket, Drone) and Dockerfile ENV lines.
  std::map<std::string, std::vector<EnvDefinition>, std::less<>> env_definitions;

  // The project graph from every IaC file of the run (empty until the
  // Terraform and CloudFormation builders fill it).
  iac::Graph graph;

  // The scripts (TypeScript, JavaScript, Python) that pass the prefilter,
  // with their code facts, in discovery order.
  std::vector<ScriptFacts> scripts;
  // Where lines start in the files the facts pass read (IaC files), so that
  // messages can say "infra/iam.tf:12" about a place in another file.
  std::map<std::string, std::vector<uint32_t>, std::less<>> line_starts;
  // The 1-based line of an offset in a file the facts pass read; 0 if not read.
  int LineOf(std::string_view file, uint32_t offset) const;

  // "Prisma 7" / "Prisma 6" / "Prisma 5/6" / "Prisma", for messages: the
  // major version in package.json when there is one, else the layout (the
  // URL in the schema is Prisma 5/6; only in prisma.config.ts, Prisma 7).
  std::string PrismaGeneration() const;
  bool IsPrisma7() const { return PrismaGeneration() == "Prisma 7"; }

  // Whether a variable is defined in env_definitions or in the environment
  // of a function of the graph.
  bool DefinesEnv(std::string_view name) const;
};

// Reads the files of `files` that can tell (Terraform, YAML/JSON templates,
// serverless.yml, *.prisma, prisma.config.ts, package.json, .env and compose
// files, CI files, Dockerfiles, scripts).
// With `jobs` > 1 the Terraform graph is built on a second thread.
// `scripts_elsewhere`: the scripts whose facts the caller adds itself (the
// linter's per-file pass parses them anyway, in parallel): not read here.
// `defer_scripts`: the scripts are read and their relative imports found
// (what links them to functions), but not parsed: the caller parses the
// ones it needs with ParseDeferredScripts.
// `max_file_size`: the run's --max-file-size, for the scripts the walk
// listed without their size. `texts`, when given, receives the bytes of every non-script file the pass
// read, by absolute path, so that the per-file pass need not read them again.
using FileTexts = std::unordered_map<std::string, std::string>;
ProjectFacts GatherProjectFacts(
    const std::vector<DiscoveredFile>& files, int jobs = 1,
    const std::function<bool(const DiscoveredFile&)>& scripts_elsewhere = nullptr,
    bool defer_scripts = false, FileTexts* texts = nullptr,
    uint64_t max_file_size = kDefaultMaxFileSize);

// Scripts larger than this give no code facts for the project rules.
inline constexpr uint64_t kMaxScriptFactsSize = 2 << 20;

// Whether the facts pass reads a file as a script (not prisma.config.*, not
// over kMaxScriptFactsSize).
bool IsFactsScript(const DiscoveredFile& f);

// Reads `files` (on `jobs` threads) as deferred scripts: those that concern
// the database join facts->scripts with their relative imports, unparsed;
// facts->scripts is then in path order. A file over `max_size` bytes is
// left out (a walk lists scripts without their size).
void ReadDeferredScripts(const std::vector<const DiscoveredFile*>& files, int jobs, ProjectFacts* facts,
                         uint64_t max_size = kMaxScriptFactsSize);

// Parses the deferred scripts `keep` accepts (on `jobs` threads) and drops
// the other deferred ones; the order of `facts->scripts` is kept.
void ParseDeferredScripts(ProjectFacts* facts, int jobs,
                          const std::function<bool(const ScriptFacts&)>& keep);

// Whether a script's facts matter to the project rules: the code prefilter
// passes, or it reads a DB/DATABASE/PG/POSTGRES/RDS/SECRET variable.
bool ScriptConcernsDatabase(std::string_view text);

// Modules a script imports by relative path ('./db', `from .db import`), as
// absolute paths without extension.
std::vector<std::string> RelativeImports(const std::string& abs_path, std::string_view text, bool python);

// Whether a file of this kind and path can be one of those: what the
// project facts pass reads and the graph builders take in.
bool MayHoldProjectFacts(std::string_view abs_path, FileKind kind);

// The same from texts already in memory (tests).
void AddProjectFacts(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts);

}  // namespace rdslint

#endif  // RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_
