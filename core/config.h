// .rdslint.yaml: clang-tidy's keys (Checks, WarningsAsErrors, CheckOptions,
// InheritParentConfig) plus Exclude path globs, looked up from each file's
// folder upwards.
#ifndef RDSLINT_CORE_CONFIG_H_
#define RDSLINT_CORE_CONFIG_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/finding.h"
#include "core/rule_registry.h"
#include "core/status.h"

namespace rdslint {

struct ExcludeGlob {
  std::string root;  // folder the glob is relative to ('/'-separated, absolute)
  std::string glob;
};

struct Config {
  // Check globs in order; '-' disables. The effective list always starts
  // with "*", so a file that says "-*,env-*" enables only the env pack.
  std::vector<std::string> checks;
  std::vector<std::string> warnings_as_errors;
  std::map<std::string, std::string, std::less<>> check_options;
  std::vector<ExcludeGlob> exclude;
  bool inherit_parent = false;
  std::string origin;  // the file it came from, for messages

  bool Enabled(const RuleInfo& rule) const;
  bool IsWarningAsError(const RuleInfo& rule) const;
  // "rule-id.Name", falling back to a global "Name".
  std::optional<std::string> Option(std::string_view rule_id, std::string_view name) const;
  // `path` is absolute with '/' separators.
  bool Excluded(std::string_view path) const;

  // Child settings after the parent's: globs appended, options overridden.
  void InheritFrom(const Config& parent);
};

// Parses YAML text. `dir` is the folder Exclude globs are relative to.
Result<Config> ParseConfig(std::string_view yaml_text, std::string_view origin,
                           std::string_view dir);

// Splits "a, -b,c" (or a YAML list already joined) into globs.
std::vector<std::string> SplitGlobs(std::string_view text);

// Finds the configuration for each file. Thread-compatible: resolve all
// files before checking in parallel, or guard calls.
// The configuration file's name, looked up in every folder from a file's
// up to the root.
inline constexpr std::string_view kConfigFileName = ".rdslint.yaml";

class ConfigResolver {
 public:
  struct Overrides {
    std::optional<Config> config;             // --config/--config-file: no lookup
    std::vector<std::string> extra_checks;    // --checks, after the file's
    std::vector<std::string> extra_warnings_as_errors;
  };
  explicit ConfigResolver(Overrides overrides) : overrides_(std::move(overrides)) {}

  // The configuration for a file in folder `dir` (absolute). Problems with
  // configuration files go to `problems` once each.
  std::shared_ptr<const Config> ForDirectory(const std::string& dir,
                                             std::vector<RunNote>* problems);

  // Folders already listed (by discovery), each with whether it holds a
  // configuration file: these are not asked of the file system again (a
  // stat a folder, serial, before any file is checked). Others still are.
  // The map must outlive the resolver's use.
  void KnowFolders(const std::unordered_map<std::string, bool>* config_in_folder) {
    known_folders_ = config_in_folder;
  }

 private:
  std::shared_ptr<const Config> LoadChain(const std::string& dir, std::vector<RunNote>* problems);

  Overrides overrides_;
  const std::unordered_map<std::string, bool>* known_folders_ = nullptr;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Config>> by_dir_;      // final
  std::map<std::string, std::shared_ptr<const Config>> file_chain_;  // files only
};

}  // namespace rdslint

#endif  // RDSLINT_CORE_CONFIG_H_
