// The one translation unit of the frontend that includes clang's headers.
#include "frontend/cpp/cpp_parser.h"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "frontend/cpp/compile_db.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace rdslint::cpp {
namespace {

std::string Dirname(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// A loaded compilation database, or why it could not be loaded.
struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> db;
  std::string error;
  std::mutex mu;  // getCompileCommands is not documented as thread-safe
};

std::unique_ptr<LoadedDatabase> Load(const DatabaseLocation& where) {
  auto loaded = std::make_unique<LoadedDatabase>();
  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> db;
  if (where.kind == DatabaseLocation::Kind::kFlagsTxt) {
    db = clang::tooling::FixedCompilationDatabase::loadFromFile(where.path, error);
  } else {
    std::ifstream in(where.path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      loaded->error = "cannot read it";
      return loaded;
    }
    Result<std::string> json = ResolveRelativeDirectories(text.str(), Dirname(where.path));
    if (!json.ok()) {
      loaded->error = json.status().message();
      return loaded;
    }
    db = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
        *json, error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    // What clang-tidy's JSON plugin does: @response files expanded, commands
    // for files the database does not list (headers, new files) inferred
    // from the nearest listed file, and the driver mode taken from argv[0].
    if (db) {
      db = clang::tooling::inferTargetAndDriverMode(
          clang::tooling::inferMissingCompileCommands(clang::tooling::expandResponseFiles(
              std::move(db), llvm::vfs::getRealFileSystem())));
    }
  }
  if (!db) loaded->error = error.empty() ? "cannot load it" : error;
  loaded->db = std::move(db);
  return loaded;
}

// Keeps the first compile error in the parsed file's terms, and counts them.
class ErrorCollector : public clang::DiagnosticConsumer {
 public:
  void BeginSourceFile(const clang::LangOptions& lang, const clang::Preprocessor*) override {
    lang_ = lang;
  }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    if (++errors_ > 1) return;
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    first_.message = message.str().str();
    if (!info.hasSourceManager() || info.getLocation().isInvalid()) return;
    const clang::SourceManager& sm = info.getSourceManager();
    clang::SourceLocation loc = sm.getFileLoc(info.getLocation());
    clang::FileID fid = sm.getFileID(loc);
    const clang::FileID main = sm.getMainFileID();
    std::string included;
    // An error inside a header is shown at the #include that brought it in.
    while (fid.isValid() && fid != main) {
      if (included.empty()) {
        if (const clang::FileEntry* entry = sm.getFileEntryForID(fid)) {
          included = entry->getName().str();
        }
      }
      loc = sm.getIncludeLoc(fid);
      if (loc.isInvalid()) return;
      fid = sm.getFileID(loc);
    }
    if (fid != main) return;
    first_.offset = sm.getFileOffset(loc);
    first_.length = std::max(1u, clang::Lexer::MeasureTokenLength(loc, sm, lang_));
    // The range clang underlines ("<aws/core/Aws.h>"), when it is on this spot.
    if (included.empty() && info.getNumRanges() > 0) {
      const clang::CharSourceRange range = info.getRange(0);
      const clang::SourceLocation b = sm.getFileLoc(range.getBegin());
      const clang::SourceLocation e = sm.getFileLoc(range.getEnd());
      if (b == loc && sm.getFileID(e) == main) {
        uint32_t end = sm.getFileOffset(e);
        if (range.isTokenRange()) end += clang::Lexer::MeasureTokenLength(e, sm, lang_);
        if (end > first_.offset) first_.length = end - first_.offset;
      }
    }
    if (!included.empty()) first_.message = "in included file " + included + ": " + first_.message;
  }

  int errors() const { return errors_; }
  const ParseError& first() const { return first_; }

 private:
  clang::LangOptions lang_;
  int errors_ = 0;
  ParseError first_;
};

class Consumer : public clang::ASTConsumer {
 public:
  explicit Consumer(const AstCallback& on_ast) : on_ast_(on_ast) {}

  void HandleTranslationUnit(clang::ASTContext& context) override { on_ast_(context); }

  bool shouldSkipFunctionBody(clang::Decl* decl) override {
    const clang::SourceManager& sm = decl->getASTContext().getSourceManager();
    return !sm.isWrittenInMainFile(sm.getFileLoc(decl->getLocation()));
  }

 private:
  const AstCallback& on_ast_;
};

class Action : public clang::ASTFrontendAction {
 public:
  explicit Action(const AstCallback& on_ast) : on_ast_(on_ast) {}

 protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci,
                                                        llvm::StringRef) override {
    // No "N errors generated." on stderr: errors are findings.
    ci.getDiagnosticOpts().ShowCarets = false;
    ci.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<Consumer>(on_ast_);
  }

 private:
  const AstCallback& on_ast_;
};

}  // namespace

struct Parser::Impl {
  explicit Impl(std::string build_path) : finder(std::move(build_path)) {}

  LoadedDatabase* Database(const DatabaseLocation& where) {
    std::lock_guard<std::mutex> lock(mu);
    std::unique_ptr<LoadedDatabase>& slot = databases[where.path];
    if (!slot) slot = Load(where);
    return slot.get();
  }

  DatabaseFinder finder;
  std::mutex mu;
  std::map<std::string, std::unique_ptr<LoadedDatabase>> databases;
};

Parser::Parser(std::string build_path) : impl_(std::make_unique<Impl>(std::move(build_path))) {}
Parser::~Parser() = default;

ParseOutcome Parser::Parse(const std::string& abs_path, std::string_view text,
                           const AstCallback& on_ast) const {
  ParseOutcome outcome;
  std::vector<std::string> argv;
  std::string directory;
  std::string flags_origin;  // for error messages: where the flags came from

  const std::string defaults = DefaultFlagsSummary(abs_path);
  std::optional<DatabaseLocation> where = impl_->finder.Find(Dirname(abs_path));
  if (where) {
    LoadedDatabase* loaded = impl_->Database(*where);
    if (!loaded->db) {
      outcome.notes.push_back(ParseNote{
          true, where->path + ": " + loaded->error + "; parsed with rdslint's defaults (" +
                    defaults + ")"});
    } else {
      std::vector<clang::tooling::CompileCommand> commands;
      {
        std::lock_guard<std::mutex> lock(loaded->mu);
        commands = loaded->db->getCompileCommands(abs_path);
      }
      if (commands.empty()) {
        outcome.notes.push_back(ParseNote{
            false, "not in " + where->path + "; parsed with rdslint's defaults (" + defaults + ")"});
      } else {
        clang::tooling::CompileCommand& command = commands.front();
        directory = command.Directory;
        argv = std::move(command.CommandLine);
        // The file argument as the database spells it becomes the absolute
        // path the text is mapped at.
        for (size_t i = 1; i < argv.size(); ++i) {
          if (argv[i] == command.Filename) argv[i] = abs_path;
        }
        flags_origin = "with the flags from " + where->path;
      }
    }
  } else {
    const std::string& p = impl_->finder.build_path();
    outcome.notes.push_back(ParseNote{
        false, (p.empty() ? std::string("no compile_commands.json in this folder, its parents or "
                                        "their build/")
                          : "-p " + p + ": no compile_commands.json there or above") +
                   "; parsed with rdslint's defaults (" + defaults +
                   "); pass -p BUILD_DIR for the project's flags"});
  }
  if (argv.empty()) {
    argv = DefaultCommand(abs_path);
    directory = Dirname(abs_path);
    flags_origin = "with rdslint's default flags";
  }

  using clang::tooling::ArgumentInsertPosition;
  clang::tooling::ArgumentsAdjuster adjust = clang::tooling::combineAdjusters(
      clang::tooling::combineAdjusters(clang::tooling::getClangStripOutputAdjuster(),
                                       clang::tooling::getClangStripDependencyFileAdjuster()),
      clang::tooling::getClangSyntaxOnlyAdjuster());
  argv = adjust(argv, abs_path);
  // clang's built-in headers (stddef.h, ...) live in its resource folder,
  // which clang finds next to its own binary; this binary is elsewhere.
  bool has_resource_dir = false;
  for (const std::string& a : argv) has_resource_dir |= a.rfind("-resource-dir", 0) == 0;
  if (!has_resource_dir) {
    argv = clang::tooling::getInsertArgumentAdjuster(
        "-resource-dir=" RDSLINT_CLANG_RESOURCE_DIR, ArgumentInsertPosition::BEGIN)(argv, abs_path);
  }
  // Warnings are not findings; -w also keeps -Werror from turning them into errors.
  argv = clang::tooling::getInsertArgumentAdjuster("-w", ArgumentInsertPosition::END)(argv, abs_path);

  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  memory->addFile(abs_path, 0, llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(text.data(), text.size()), abs_path));
  // A physical file system with its own working folder: the process's
  // working folder is shared by the threads parsing other files.
  auto files = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  files->pushOverlay(memory);
  if (files->setCurrentWorkingDirectory(directory)) {
    outcome.notes.push_back(ParseNote{true, "cannot enter the compile command's folder " + directory});
    return outcome;
  }
  auto manager = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), files);

  ErrorCollector errors;
  bool ast_built = false;
  AstCallback wrapped = [&](clang::ASTContext& context) {
    ast_built = true;
    on_ast(context);
  };
  clang::tooling::ToolInvocation invocation(argv, std::make_unique<Action>(wrapped), manager.get());
  invocation.setDiagnosticConsumer(&errors);

  // A crash inside clang on some input becomes a finding, not the end of the run.
  static std::once_flag enable_recovery;
  std::call_once(enable_recovery, [] { llvm::CrashRecoveryContext::Enable(); });
  llvm::CrashRecoveryContext recovery;
  if (!recovery.RunSafely([&] { invocation.run(); })) {
    outcome.errors.push_back(ParseError{0, 0, "clang crashed while parsing this file " + flags_origin});
    return outcome;
  }
  outcome.ran = ast_built;
  if (errors.errors() > 0) {
    ParseError e = errors.first();
    if (e.offset > text.size()) e.offset = 0;
    e.length = std::min<uint32_t>(e.length, static_cast<uint32_t>(text.size()) - e.offset);
    e.message += " (" + flags_origin;
    if (errors.errors() > 1) {
      e.message += "; " + std::to_string(errors.errors() - 1) + " more error" +
                   (errors.errors() > 2 ? "s" : "");
    }
    e.message += ")";
    outcome.errors.push_back(std::move(e));
  } else if (!ast_built) {
    outcome.errors.push_back(ParseError{0, 0, "clang could not parse this file " + flags_origin});
  }
  return outcome;
}

}  // namespace rdslint::cpp
