// Lints one file: reads it, parses it with the frontend for its kind, runs
// the enabled checks, applies NOLINT comments and the configuration, and
// finishes each finding (positions, masked source line, fingerprint).
#ifndef RDSLINT_CHECKS_LINTER_H_
#define RDSLINT_CHECKS_LINTER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/check.h"
#include "core/config.h"
#include "core/finding.h"
#include "core/rule_registry.h"
#include "core/secret_mask.h"
#include "frontend/discover/discover.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {

class CppAnalyzer;   // checks/cpp/cpp_file.h
class HandlerIndex;  // checks/code/script_file.h

struct FileResult {
  std::vector<Finding> findings;
  std::vector<RunNote> notes;
  bool read = false;  // the file was read and checked
  // A script's or C++ file's facts for the project rules: they come from
  // the per-file pass's parse (clang and tree-sitter run once a file, in
  // parallel) and join the project facts after it (RunLint), before the
  // project rules run.
  std::optional<ScriptFacts> project_facts;
};

class Linter {
 public:
  // `cpp_build_path`: rdslint's -p, where C++ files find their
  // compile_commands.json ("" to look it up from each file's folder).
  Linter(const RuleRegistry& rules, const ProjectFacts& project, std::string cpp_build_path = "");
  // The linter keeps a reference to the facts: a temporary would dangle.
  Linter(const RuleRegistry& rules, ProjectFacts&& project, std::string cpp_build_path = "") = delete;

  // Whether any pack reads files of this kind (others are not even read).
  static bool Lintable(FileKind kind);
  // Whether LintText gives a script's code facts for the project rules
  // (FileResult::project_facts) under `config`: a project rule is on.
  static bool WantsScriptFacts(const RuleRegistry& rules, const Config& config);

  // Reads the file and lints it. A file listed without its size (a script
  // the walk did not stat) is held to `max_file_size` (set_max_file_size)
  // as it is read, with the note discovery gives a file over it. `read`:
  // the file's bytes when another pass has read them (GatherProjectFacts),
  // linted instead of reading the file again; files of no pack's kind are
  // skipped either way.
  FileResult LintFile(const DiscoveredFile& file, const Config& config, const std::string* read = nullptr) const;
  void set_max_file_size(uint64_t bytes) { max_file_size_ = bytes; }
  FileResult LintText(const DiscoveredFile& file, std::string_view text,
                      const Config& config) const;

  // Turns a file's raw findings into reported ones: drops those of rules
  // the file's configuration disables and those NOLINT suppresses (and
  // reports unmatched NOLINTBEGIN/END), applies WarningsAsErrors, computes
  // lines and columns, masks secrets, and fingerprints.
  // Unmatched NOLINT comments are reported when `report_nolint_problems`
  // (once per file: by the per-file pass, not again for project findings).
  void FinishFindings(const DiscoveredFile& file, std::string_view text, const Config& config,
                      SecretMask* mask, std::vector<Finding> raw, bool report_nolint_problems,
                      FileResult* result) const;

  // Runs the project-wide checks (CheckProject) once and finishes their
  // findings file by file, each under its own file's configuration.
  // `wanted` (an absolute path), when given, picks the files whose findings
  // are finished; the others are not even read. Checks and files are done
  // on `jobs` threads; the results do not depend on how many. `texts`: files
  // already read (GatherProjectFacts), by absolute path, not read again.
  std::vector<FileResult> LintProject(
      ConfigResolver* resolver, std::vector<RunNote>* notes,
      const std::function<bool(const std::string&)>& wanted = nullptr, int jobs = 1,
      const FileTexts* texts = nullptr) const;

 private:
  // Marks the secrets of a file a project finding lands in, as the per-file
  // pass would (a .env value, a literal in code, a Terraform default).
  void MaskProjectFile(const DiscoveredFile& file, std::string_view text, SecretMask* mask) const;

  // What the graph builders met in one file, by path: built once, so that
  // a file looks up its own entries instead of scanning the graph's.
  struct GraphFile {
    std::vector<uint64_t> fingerprints;  // of the texts read
    std::vector<const iac::GraphProblem*> problems;
    std::vector<const iac::Origin*> secret_spans;
  };
  // The graph file of `path` read with this text (any text when not given),
  // else nullptr.
  const GraphFile* FindGraphFile(const std::string& path,
                                 std::optional<std::string_view> text = std::nullopt) const;

  const RuleRegistry& rules_;
  const ProjectFacts& project_;
  std::vector<std::unique_ptr<Check>> checks_;
  std::vector<const RuleInfo*> check_rules_;  // parallel to checks_
  std::shared_ptr<const CppAnalyzer> cpp_;    // clang, behind a clang-free interface
  std::unordered_map<std::string, GraphFile> graph_files_;
  std::shared_ptr<const HandlerIndex> handlers_;  // the functions' handlers, by module
  uint64_t max_file_size_ = kDefaultMaxFileSize;
};

// A fingerprint that survives line moves and unrelated edits: the rule and
// the (masked, trimmed) text of the line, plus which occurrence it is.
std::string LineHash(std::string_view rule_id, std::string_view masked_line);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_LINTER_H_
