// The clang-tidy plugin: rdslint's cpp-* checks as clang-tidy checks.
//
//   clang-tidy-14 --load=build/librdslint-tidy.so -checks='-*,cpp-*' file.cc -- ...
//
// A thin adapter. Each clang-tidy check registers the shared matchers of
// checks/cpp/collector.cc, and at the end of the translation unit hands the
// facts of each file to the same rdslint Check object the rdslint command
// runs; its findings become clang-tidy diagnostics with fix-its, so that
// clang-tidy's own NOLINT handling, -fix, -export-fixes and
// -warnings-as-errors apply. The clang-tidy classes come from the
// clang-tidy-14 executable at load time (it exports them); clang itself
// from the libclang-cpp.so.14 both link.
#include <functional>
#include <memory>

#include "checks/check.h"
#include "checks/cpp/collector.h"
#include "checks/cpp/cpp_checks.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "core/config.h"
#include "core/rule_registry.h"
#include "frontend/discover/project_facts.h"

namespace rdslint::tidy {
namespace {

using clang::tidy::ClangTidyCheck;
using clang::tidy::ClangTidyContext;
using MatchFinder = clang::ast_matchers::MatchFinder;

// clang's diagnostic format gives '%' a meaning ("%0"); messages quote
// percent-encodings ("'@' -> %40").
std::string EscapePercent(const std::string& message) {
  std::string out;
  for (char c : message) {
    if (c == '%') out += '%';
    out += c;
  }
  return out;
}

class RdslintCheck : public ClangTidyCheck {
 public:
  RdslintCheck(llvm::StringRef name, ClangTidyContext* context, std::unique_ptr<Check> check,
               const RuleInfo* rule)
      : ClangTidyCheck(name, context), check_(std::move(check)), rule_(rule) {
    // CheckOptions of .clang-tidy ("cpp-url-unencoded-password.EncodingFunctions")
    // become rdslint's CheckOptions.
    for (const RuleOption& o : rule_->options) {
      if (llvm::Optional<std::string> v = Options.get(o.name)) {
        config_.check_options[rule_->id + "." + o.name] = *v;
      }
    }
  }

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap& options) override {
    for (const RuleOption& o : rule_->options) {
      auto it = config_.check_options.find(rule_->id + "." + o.name);
      Options.store(options, o.name, it != config_.check_options.end() ? it->second : o.default_value);
    }
  }

  void registerMatchers(MatchFinder* finder) override { collector_.RegisterMatchers(finder, this); }

  void check(const MatchFinder::MatchResult& result) override {
    context_ = result.Context;
    collector_.OnMatch(result);
  }

  void onEndOfTranslationUnit() override {
    if (!context_) return;
    const clang::SourceManager& sm = context_->getSourceManager();
    const ProjectFacts project;
    for (auto& [fid, file] : collector_.Finish(*context_)) {
      const clang::FileEntry* entry = sm.getFileEntryForID(fid);
      const std::string path = entry ? entry->getName().str() : "";
      std::vector<Finding> findings;
      CheckContext ctx(path, *rule_, config_, project, &findings);
      check_->CheckCpp(file, ctx);
      for (const Finding& f : findings) Emit(sm, fid, f);
    }
    context_ = nullptr;
  }

 private:
  void Emit(const clang::SourceManager& sm, clang::FileID fid, const Finding& f) {
    const auto at = [&](uint32_t offset) { return sm.getComposedLoc(fid, offset); };
    const clang::SourceLocation begin = at(f.location.range.begin);
    // Every rdslint severity is a clang-tidy warning, as for clang-tidy's
    // own checks; an error level would stop -fix (clang-tidy applies no
    // fix in a file with errors). -warnings-as-errors escalates.
    auto builder = diag(begin, EscapePercent(f.message));
    if (!f.location.range.empty()) {
      builder << clang::CharSourceRange::getCharRange(begin, at(f.location.range.end));
    }
    for (const FixIt& fix : f.fixes) {
      for (const Replacement& r : fix.replacements) {
        const clang::CharSourceRange range =
            clang::CharSourceRange::getCharRange(at(r.offset), at(r.offset + r.length));
        builder << clang::FixItHint::CreateReplacement(range, r.text);
      }
    }
  }

  std::unique_ptr<Check> check_;
  const RuleInfo* rule_;
  Config config_;
  cpp_ast::Collector collector_{/*main_file_only=*/false};
  clang::ASTContext* context_ = nullptr;
};

class RdslintModule : public clang::tidy::ClangTidyModule {
 public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories& factories) override {
    const RuleRegistry& rules = RuleRegistry::Embedded();
    for (const std::unique_ptr<Check>& prototype : CreateCppChecks()) {
      const RuleInfo* rule = rules.Find(prototype->id());
      if (!rule) continue;  // cannot happen: the fixture tests check every rule's entry
      const std::string id = prototype->id();
      factories.registerCheckFactory(id, [id, rule](llvm::StringRef name, ClangTidyContext* context) {
        std::unique_ptr<Check> check;
        for (std::unique_ptr<Check>& c : CreateCppChecks()) {
          if (c->id() == id) check = std::move(c);
        }
        return std::make_unique<RdslintCheck>(name, context, std::move(check), rule);
      });
    }
  }
};

}  // namespace
}  // namespace rdslint::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<rdslint::tidy::RdslintModule> kRdslintModule(
    "rdslint-module", "rdslint's cpp-* checks: how C++ code reaches PostgreSQL on AWS RDS.");
