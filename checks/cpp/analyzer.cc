// rdslint's adapter: the frontend parses the file, the shared matchers run
// in its FrontendAction, and the file's facts come back as a CppFile. The
// entry point of librdslint-cpp.so (cpp_backend.h).
#include "checks/cpp/collector.h"
#include "checks/cpp/cpp_backend.h"
#include "checks/cpp/cpp_file.h"
#include "core/secret_mask.h"
#include "frontend/cpp/cpp_parser.h"

namespace rdslint {
namespace {

class ForwardMatches : public clang::ast_matchers::MatchFinder::MatchCallback {
 public:
  explicit ForwardMatches(cpp_ast::Collector* collector) : collector_(collector) {}
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override {
    collector_->OnMatch(result);
  }

 private:
  cpp_ast::Collector* collector_;
};

class ClangBackend : public CppBackend {
 public:
  explicit ClangBackend(std::string build_path) : parser_(std::move(build_path)) {}
  CppAnalyzer::Result Analyze(const std::string& abs_path, std::string_view text, SecretMask* mask) const override;

 private:
  const cpp::Parser parser_;  // thread-safe
};

CppAnalyzer::Result ClangBackend::Analyze(const std::string& abs_path, std::string_view text,
                                          SecretMask* mask) const {
  CppAnalyzer::Result result;
  CppFile file;
  const cpp::ParseOutcome outcome =
      parser_.Parse(abs_path, text, [&file](clang::ASTContext& context) {
        cpp_ast::Collector collector(/*main_file_only=*/true);
        ForwardMatches forward(&collector);
        clang::ast_matchers::MatchFinder finder;
        collector.RegisterMatchers(&finder, &forward);
        // Only this file's declarations are matched (as clangd does): the
        // headers' are most of the AST, and no finding could stand there.
        const clang::SourceManager& sm = context.getSourceManager();
        std::vector<clang::Decl*> scope;
        for (clang::Decl* d : context.getTranslationUnitDecl()->decls()) {
          if (sm.isWrittenInMainFile(sm.getExpansionLoc(d->getLocation()))) scope.push_back(d);
        }
        context.setTraversalScope(scope);
        finder.matchAST(context);
        for (auto& [fid, facts] : collector.Finish(context)) {
          if (fid == context.getSourceManager().getMainFileID()) file = std::move(facts);
        }
      });
  for (const cpp::ParseError& e : outcome.errors) {
    result.errors.emplace_back(SourceRange{e.offset, e.offset + e.length}, e.message);
  }
  for (const cpp::ParseNote& n : outcome.notes) result.notes.emplace_back(n.warning, n.message);
  if (!outcome.ran) return result;
  for (SourceRange r : file.secrets) mask->Add(r);
  result.file = std::move(file);
  return result;
}

}  // namespace
}  // namespace rdslint

extern "C" __attribute__((visibility("default"))) rdslint::CppBackend* rdslint_cpp_backend_new(const char* build_path) {
  return new rdslint::ClangBackend(build_path);
}
