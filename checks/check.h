// The shape every check has, after clang-tidy's: one rule, one small class,
// registered by its pack. A check sees parsed documents and project facts,
// never raw bytes, and reports through its CheckContext.
#ifndef RDSLINT_CHECKS_CHECK_H_
#define RDSLINT_CHECKS_CHECK_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/finding.h"
#include "core/rule_registry.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {

// The documents each pack reads, one type a pack (checks/<pack>/).
struct EnvFile;     // checks/env/env_file.h
struct PrismaFile;  // checks/prisma/prisma_file.h
struct ScriptFile;  // checks/code/script_file.h
struct CppFile;     // checks/cpp/cpp_file.h

class CheckContext {
 public:
  CheckContext(const std::string& path, const RuleInfo& rule, const Config& config,
               const ProjectFacts& project, std::vector<Finding>* out)
      : path_(path), rule_(rule), config_(config), project_(project), out_(out) {}
  // path_ is a reference: a temporary string would dangle.
  CheckContext(std::string&& path, const RuleInfo& rule, const Config& config,
               const ProjectFacts& project, std::vector<Finding>* out) = delete;

  // Reports a finding of this check at a byte range of the current file,
  // with the rule's default severity unless one is given. The message must
  // not contain a secret value (it is masked again before output).
  Finding& Report(SourceRange range, std::string message);
  Finding& Report(SourceRange range, std::string message, Severity severity);
  // A finding in any file (project checks): `file` is the path as reported.
  Finding& ReportAt(const std::string& file, SourceRange range, std::string message);
  Finding& ReportAt(const std::string& file, SourceRange range, std::string message,
                    Severity severity);
  // Adds a fix-it of replacements in the current file to a finding.
  void AddFix(Finding& finding, std::string description,
              std::vector<std::pair<SourceRange, std::string>> edits);

  // A CheckOptions value, else the default in the rule pack.
  std::string Option(std::string_view name) const;
  int IntOption(std::string_view name, int fallback) const;
  // Project checks: the same, as configured for `file` (the file a finding
  // lands in, with its own .rdslint.yaml).
  std::string OptionAt(const std::string& file, std::string_view name) const;
  int IntOptionAt(const std::string& file, std::string_view name, int fallback) const;
  // Set by Linter::LintProject: the configuration of a file.
  using ConfigLookup = std::function<const Config&(const std::string& file)>;
  void set_config_lookup(ConfigLookup lookup) { config_lookup_ = std::move(lookup); }

  const ProjectFacts& project() const { return project_; }
  const std::string& path() const { return path_; }
  const RuleInfo& rule() const { return rule_; }

 private:
  const std::string& path_;
  const RuleInfo& rule_;
  const Config& config_;
  const ProjectFacts& project_;
  std::vector<Finding>* out_;
  ConfigLookup config_lookup_;
};

class Check {
 public:
  explicit Check(std::string id) : id_(std::move(id)) {}
  virtual ~Check() = default;
  const std::string& id() const { return id_; }

  // Once per run, on one thread, before any file: per-project work that
  // every file would otherwise repeat. The checks are only read afterwards.
  virtual void Prepare(const ProjectFacts& project) {}

  // One entry point per kind of document; a check overrides those it reads.
  virtual void CheckEnv(const EnvFile& file, CheckContext& ctx) {}
  virtual void CheckPrisma(const PrismaFile& file, CheckContext& ctx) {}
  virtual void CheckScript(const ScriptFile& file, CheckContext& ctx) {}
  virtual void CheckCpp(const CppFile& file, CheckContext& ctx) {}
  // Once per run, over the project graph and facts (ctx.project()); findings
  // go where the graph says with ReportAt.
  virtual void CheckProject(CheckContext& ctx) {}

 private:
  std::string id_;
};

// Every check of every pack (checks/all_checks.cc).
std::vector<std::unique_ptr<Check>> CreateAllChecks();

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CHECK_H_
