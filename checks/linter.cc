#include "checks/linter.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>

#include "checks/code/script_file.h"
#include "checks/cpp/cpp_file.h"
#include "checks/env/env_file.h"
#include "checks/prisma/prisma_file.h"
#include "checks/project/cpp_facts.h"
#include "core/file_read.h"
#include "core/nolint.h"
#include "core/parallel.h"
#include "core/secret_mask.h"
#include "frontend/dotenv/dotenv.h"
#include "frontend/iac/terraform_module.h"
#include "frontend/prisma/prisma_config.h"
#include "frontend/prisma/prisma_parser.h"
#include "frontend/script/prefilter.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint {
namespace {

// The documents of one file, parsed once for every check.
struct ParsedFile {
  std::optional<dotenv::Document> env_doc;
  std::optional<EnvFile> env;
  std::optional<prisma::Schema> prisma_schema;
  std::optional<prisma::ConfigFile> prisma_config;
  std::optional<PrismaFile> prisma;
  std::optional<CppFile> cpp;
  std::optional<script::SyntaxTree> script_tree;
};

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool LooksBinary(std::string_view text) {
  return text.substr(0, 8192).find('\0') != std::string_view::npos;
}

// Terraform files: parse-error here; the iac rules read the graph.
bool IsTerraformKind(FileKind kind) {
  return kind == FileKind::kTerraform || kind == FileKind::kTerraformJson || kind == FileKind::kTerraformVars;
}

// YAML and JSON are read for the graph (templates, serverless.yml and what
// it includes); others of these kinds have nothing to report.
bool IsGraphOnlyKind(FileKind kind) {
  return kind == FileKind::kYaml || kind == FileKind::kJson || kind == FileKind::kServerless;
}

}  // namespace

std::string LineHash(std::string_view rule_id, std::string_view masked_line) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(rule_id);
  mix("\n");
  mix(TrimView(masked_line));
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Linter::Linter(const RuleRegistry& rules, const ProjectFacts& project, std::string cpp_build_path)
    : rules_(rules),
      project_(project),
      checks_(CreateAllChecks()),
      cpp_(std::make_shared<const CppAnalyzer>(std::move(cpp_build_path))) {
  for (const auto& check : checks_) {
    const RuleInfo* info = rules_.Find(check->id());
    if (!info) {
      fprintf(stderr, "rdslint: internal error: check '%s' has no rule entry\n",
              check->id().c_str());
      abort();
    }
    check_rules_.push_back(info);
    check->Prepare(project_);
  }
  handlers_ = std::make_shared<const HandlerIndex>(project_);
  for (const iac::GraphSource& src : project_.graph.sources) {
    graph_files_[src.file].fingerprints.push_back(src.fingerprint);
  }
  for (const iac::GraphProblem& p : project_.graph.problems) {
    if (auto it = graph_files_.find(p.origin.file); it != graph_files_.end()) {
      it->second.problems.push_back(&p);
    }
  }
  for (const iac::Origin& o : project_.graph.secret_spans) {
    graph_files_[o.file].secret_spans.push_back(&o);
  }
}

const Linter::GraphFile* Linter::FindGraphFile(const std::string& path,
                                               std::optional<std::string_view> text) const {
  auto it = graph_files_.find(path);
  if (it == graph_files_.end() || it->second.fingerprints.empty()) return nullptr;
  if (!text) return &it->second;
  const uint64_t fingerprint = iac::TextFingerprint(*text);
  for (uint64_t f : it->second.fingerprints) {
    if (f == fingerprint) return &it->second;
  }
  return nullptr;
}

bool Linter::Lintable(FileKind kind) {
  return kind == FileKind::kDotenv || kind == FileKind::kCompose || kind == FileKind::kPrisma ||
         kind == FileKind::kScript ||  // prisma.config.ts, and the code pack's files
         kind == FileKind::kCpp || IsGraphOnlyKind(kind) || IsTerraformKind(kind);
}

FileResult Linter::LintFile(const DiscoveredFile& file, const Config& config, const std::string* read) const {
  FileResult result;
  if (!Lintable(file.kind)) return result;
  if (IsGraphOnlyKind(file.kind) && !FindGraphFile(file.path)) return result;
  if (read) return LintText(file, *read, config);
  std::string text;
  // A file that grows while we read it (a log being written) stops at twice
  // the size discovery saw, so it cannot run away with memory; one listed
  // without its size, at the size limit.
  const bool sized = file.size > 0;
  const uint64_t limit = sized ? 2 * file.size + (1 << 20) : max_file_size_;
  const int err = ReadFileBytes(file.abs_path, &text, limit, file.size);
  if (err == ENOENT) {
    // Deleted since discovery (a checkout or build running beside us): no
    // error of the user's; anything else that stops reading is.
    result.notes.push_back(RunNote{RunNote::Level::kNote, file.path, 0, 0, "skipped: deleted during the scan"});
    return result;
  }
  if (err == EFBIG) {
    struct stat st;
    const bool over_limit = !sized && stat(file.abs_path.c_str(), &st) == 0 &&
                            static_cast<uint64_t>(st.st_size) > max_file_size_;
    result.notes.push_back(RunNote{RunNote::Level::kNote, file.path, 0, 0,
                                   over_limit ? SizeLimitNote(st.st_size, max_file_size_)
                                              : "skipped: grew while it was read"});
    return result;
  }
  if (err != 0) {
    result.notes.push_back(RunNote{RunNote::Level::kError, file.path, 0, 0,
                                   std::string("cannot read: ") + strerror(err)});
    return result;
  }
  return LintText(file, text, config);
}

FileResult Linter::LintText(const DiscoveredFile& file, std::string_view text,
                            const Config& config) const {
  FileResult result;
  if (LooksBinary(text)) {
    result.notes.push_back(RunNote{RunNote::Level::kNote, file.path, 0, 0,
                                   "skipped: binary content (a NUL byte) in a " +
                                       std::string(FileKindName(file.kind)) + " file"});
    return result;
  }
  result.read = true;
  SecretMask mask(text);
  ParsedFile parsed;
  std::vector<Finding> raw;

  auto parse_error = [&](SourceRange range, const std::string& message) {
    if (const RuleInfo* rule = rules_.Find("parse-error"); rule && config.Enabled(*rule)) {
      CheckContext ctx(file.path, *rule, config, project_, &raw);
      ctx.Report(range, message);
    }
  };

  if (file.kind == FileKind::kDotenv || file.kind == FileKind::kCompose) {
    parsed.env_doc = file.kind == FileKind::kDotenv ? dotenv::ParseDotenv(text)
                                                    : dotenv::ParseComposeEnvironment(text);
    EnvFile::Flavor flavor = file.kind == FileKind::kCompose ? EnvFile::Flavor::kCompose
                             : IsEnvTemplate(file.path)      ? EnvFile::Flavor::kTemplate
                                                             : EnvFile::Flavor::kDotenv;
    parsed.env = PrepareEnvFile(*parsed.env_doc, flavor, &mask);
    for (const dotenv::Error& e : parsed.env_doc->errors) parse_error(e.range, e.message);
  }

  if (file.kind == FileKind::kPrisma) {
    parsed.prisma_schema = prisma::ParseSchema(text);
    parsed.prisma = PreparePrismaSchema(*parsed.prisma_schema, &mask);
    MaskUrlsOnErrorLines(text, parsed.prisma_schema->errors, &mask);
    for (const prisma::Error& e : parsed.prisma_schema->errors) parse_error(e.range, e.message);
  } else if (file.kind == FileKind::kScript && prisma::IsPrismaConfigPath(file.path)) {
    parsed.prisma_config = prisma::ReadPrismaConfig(text);
    parsed.prisma = PreparePrismaConfig(*parsed.prisma_config, &mask);
    MaskUrlsOnErrorLines(text, parsed.prisma_config->errors, &mask);
    for (const prisma::Error& e : parsed.prisma_config->errors) parse_error(e.range, e.message);
  }

  // Terraform the graph builder did not read as this text (a .hcl file, an
  // editor's unsaved buffer): parsed here for its syntax errors and secrets.
  // What the builder read is reported from the graph, below.
  const GraphFile* graph_file = FindGraphFile(file.path, text);
  if (IsTerraformKind(file.kind) && !graph_file) {
    iac::tf::FileCheck tf = iac::tf::CheckFile(file.path, text);
    for (SourceRange r : tf.secrets) mask.Add(r);
    for (const hcl::Error& e : tf.errors) parse_error(e.range, e.message);
  }

  // What a graph builder met in this file (YAML/JSON syntax errors, unknown
  // intrinsic functions, malformed Fn::Sub), and the secrets it saw, for
  // the text it read.
  if (graph_file) {
    for (const iac::GraphProblem* p : graph_file->problems) parse_error(p->origin.range, p->message);
    for (const iac::Origin* o : graph_file->secret_spans) mask.Add(o->range);
  }

  // Parsing C++ costs a clang run: only when a cpp or a project rule is on.
  const auto pack_enabled = [&](std::string_view pack) {
    for (const RuleInfo* r : check_rules_) {
      if (r->pack == pack && config.Enabled(*r)) return true;
    }
    return false;
  };
  // The project rules read what a C++ file says too (environment reads,
  // secrets, IAM tokens, connection strings).
  const bool project_on = pack_enabled("project");
  const bool code_on = pack_enabled("code");
  const bool cpp_project_facts = file.kind == FileKind::kCpp && project_on;
  if (file.kind == FileKind::kCpp && (pack_enabled("cpp") || cpp_project_facts)) {
    CppAnalyzer::Result cpp = cpp_->Analyze(file.abs_path, text, &mask);
    for (const auto& [range, message] : cpp.errors) parse_error(range, message);
    for (const auto& [warning, message] : cpp.notes) {
      result.notes.push_back(RunNote{warning ? RunNote::Level::kWarning : RunNote::Level::kNote,
                                     file.path, 0, 0, message});
    }
    parsed.cpp = std::move(cpp.file);
    if (parsed.cpp && cpp_project_facts) {
      result.project_facts = project::CppScriptFacts(*parsed.cpp, file.path, file.abs_path, std::string(text));
    }
  }

  // TypeScript, JavaScript, Python: parsed only when a code rule is on and
  // the prefilter finds a token a code rule starts from (most files never
  // reach the parser), or when a project rule is on and the script concerns
  // the database (its facts then come from this parse, not a second one).
  // prisma.config.ts belongs to the prisma pack.
  const bool script_kind = file.kind == FileKind::kScript && !prisma::IsPrismaConfigPath(file.path);
  const script::DatabaseInterest interest =
      script_kind && (code_on || project_on) ? script::ScanForDatabase(text) : script::DatabaseInterest{};
  const bool code_parse = code_on && interest.code_rules;
  const bool facts_parse = project_on && text.size() <= kMaxScriptFactsSize && interest.project_facts;
  std::optional<ScriptFile> script;
  if (code_parse || facts_parse) {
    if (const std::optional<script::Language> language = script::LanguageForPath(file.path)) {
      parsed.script_tree = script::SyntaxTree::Parse(text, *language);
      script.emplace(PrepareScriptFile(*parsed.script_tree, file.path, project_, &mask, handlers_.get()));
    }
  }
  if (script && code_parse) {
    // One note for the first place the grammar cannot read: a grammar can
    // lag the language, and the rules still read everything else.
    const RuleInfo* rule = rules_.Find("parse-error");
    if (!parsed.script_tree->errors().empty() && rule && config.Enabled(*rule)) {
      const script::SyntaxError& e = parsed.script_tree->errors().front();
      CheckContext ctx(file.path, *rule, config, project_, &raw);
      ctx.Report(e.range, e.message + " (the code rules skip what they cannot read)", Severity::kNote);
    }
  }
  const ScriptFile* code_file = code_parse && script ? &*script : nullptr;

  for (size_t i = 0; i < checks_.size(); ++i) {
    const RuleInfo& rule = *check_rules_[i];
    if (!config.Enabled(rule)) continue;
    CheckContext ctx(file.path, rule, config, project_, &raw);
    if (parsed.env) checks_[i]->CheckEnv(*parsed.env, ctx);
    if (parsed.cpp) checks_[i]->CheckCpp(*parsed.cpp, ctx);
    if (parsed.prisma) checks_[i]->CheckPrisma(*parsed.prisma, ctx);
    if (code_file) checks_[i]->CheckScript(*code_file, ctx);
  }

  if (facts_parse && script) {
    ScriptFacts facts;
    facts.file = file.path;
    facts.abs_path = file.abs_path;
    facts.text = std::string(text);
    facts.facts = std::move(script->facts);
    facts.relative_imports = RelativeImports(file.abs_path, text, parsed.script_tree->python());
    result.project_facts = std::move(facts);
  }

  FinishFindings(file, text, config, &mask, std::move(raw), /*report_nolint_problems=*/true, &result);
  return result;
}

bool Linter::WantsScriptFacts(const RuleRegistry& rules, const Config& config) {
  for (const RuleInfo& r : rules.rules()) {
    if (r.pack == "project" && config.Enabled(r)) return true;
  }
  return false;
}

void Linter::MaskProjectFile(const DiscoveredFile& file, std::string_view text, SecretMask* mask) const {
  if (auto it = graph_files_.find(file.path); it != graph_files_.end()) {
    for (const iac::Origin* o : it->second.secret_spans) mask->Add(o->range);
  }
  // A project finding can land in a file of any kind: its secrets are
  // masked as the per-file pass masks them.
  if (file.kind == FileKind::kDotenv || file.kind == FileKind::kCompose) {
    const dotenv::Document doc = file.kind == FileKind::kDotenv ? dotenv::ParseDotenv(text)
                                                                : dotenv::ParseComposeEnvironment(text);
    const EnvFile::Flavor flavor = file.kind == FileKind::kCompose ? EnvFile::Flavor::kCompose
                                   : IsEnvTemplate(file.path)      ? EnvFile::Flavor::kTemplate
                                                                   : EnvFile::Flavor::kDotenv;
    PrepareEnvFile(doc, flavor, mask);
  } else if (file.kind == FileKind::kPrisma) {
    const prisma::Schema schema = prisma::ParseSchema(text);
    PreparePrismaSchema(schema, mask);
    MaskUrlsOnErrorLines(text, schema.errors, mask);
  } else if (file.kind == FileKind::kScript) {
    for (const ScriptFacts& s : project_.scripts) {
      if (s.file != file.path) continue;
      for (const SourceRange& r : s.facts.secret_literals) mask->Add(r);
    }
  } else if (IsTerraformKind(file.kind) && !FindGraphFile(file.path, text)) {
    for (SourceRange r : iac::tf::CheckFile(file.path, text).secrets) mask->Add(r);
  }
}

std::vector<FileResult> Linter::LintProject(
    ConfigResolver* resolver, std::vector<RunNote>* notes,
    const std::function<bool(const std::string&)>& wanted, int jobs, const FileTexts* texts) const {
  // Every project check runs (a rule may be on for some folders and off for
  // others); FinishFindings keeps what each file's configuration enables.
  // The checks run on `jobs` threads, each into a list of its own, joined in
  // check order: the same findings, in the same order, as one thread.
  static const Config kAll;
  std::vector<std::vector<Finding>> found(checks_.size());
  std::vector<std::vector<RunNote>> check_notes(checks_.size());  // a broken configuration, once
  // Project checks have no current file: every finding names its own.
  const std::string no_file;
  ParallelFor(checks_.size(), jobs, [&](size_t i) {
    // Options, though, are those of the file a finding lands in.
    auto config_of = [&, i](const std::string& file) -> const Config& {
      const std::string abs = AbsolutePath(file);
      const std::string dir = abs.substr(0, abs.rfind('/'));
      return *resolver->ForDirectory(dir.empty() ? "/" : dir, &check_notes[i]);  // cached by the resolver
    };
    CheckContext ctx(no_file, *check_rules_[i], kAll, project_, &found[i]);
    ctx.set_config_lookup(config_of);
    checks_[i]->CheckProject(ctx);
  });
  std::map<std::string, std::vector<Finding>> by_file;
  for (size_t i = 0; i < checks_.size(); ++i) {
    for (Finding& f : found[i]) by_file[f.location.file].push_back(std::move(f));
    for (RunNote& n : check_notes[i]) notes->push_back(std::move(n));
  }

  // Each file with findings is read and its findings finished, also on
  // `jobs` threads, into slots in path order.
  std::vector<std::pair<const std::string*, std::vector<Finding>*>> files;
  for (auto& [path, findings] : by_file) files.emplace_back(&path, &findings);
  std::vector<std::optional<FileResult>> finished(files.size());
  std::vector<std::vector<RunNote>> file_notes(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i) {
    const std::string& path = *files[i].first;
    DiscoveredFile file;
    file.abs_path = AbsolutePath(path);
    if (wanted && !wanted(file.abs_path)) return;
    file.path = path;
    file.kind = ClassifyPath(file.abs_path);
    const std::string* kept = nullptr;
    if (texts) {
      if (auto it = texts->find(file.abs_path); it != texts->end()) kept = &it->second;
    }
    std::string read;
    if (!kept) {
      if (const int err = ReadFileBytes(file.abs_path, &read); err != 0) {
        file_notes[i].push_back(RunNote{RunNote::Level::kError, path, 0, 0, std::string("cannot read: ") + strerror(err)});
        return;
      }
    }
    const std::string_view text = kept ? *kept : read;
    std::string dir = file.abs_path.substr(0, file.abs_path.rfind('/'));
    std::shared_ptr<const Config> config = resolver->ForDirectory(dir.empty() ? "/" : dir, &file_notes[i]);
    if (config->Excluded(file.abs_path)) return;
    SecretMask mask(text);
    MaskProjectFile(file, text, &mask);
    FileResult result;
    FinishFindings(file, text, *config, &mask, std::move(*files[i].second),
                   /*report_nolint_problems=*/false, &result);
    finished[i] = std::move(result);
  });
  std::vector<FileResult> results;
  for (size_t i = 0; i < files.size(); ++i) {
    for (RunNote& n : file_notes[i]) notes->push_back(std::move(n));
    if (finished[i]) results.push_back(std::move(*finished[i]));
  }
  return results;
}

void Linter::FinishFindings(const DiscoveredFile& file, std::string_view text, const Config& config,
                            SecretMask* mask_ptr, std::vector<Finding> raw,
                            bool report_nolint_problems, FileResult* result_ptr) const {
  SecretMask& mask = *mask_ptr;
  FileResult& result = *result_ptr;
  const Suppressions suppressions =
      Suppressions::Scan(text, CommentSyntaxFor(file.kind, file.path));
  if (const RuleInfo* rule = rules_.Find("nolint-unmatched");
      rule && report_nolint_problems && config.Enabled(*rule)) {
    CheckContext ctx(file.path, *rule, config, project_, &raw);
    for (const NolintProblem& p : suppressions.problems()) ctx.Report(p.range, p.message);
  }

  if (raw.empty()) return;  // most files: nothing to place, mask or fingerprint
  mask.Finish();
  const LineIndex lines(text);
  std::map<std::string, int> occurrences;
  // Related locations (project findings) may lie in other files: their
  // lines come from those files, read once each.
  struct OtherFile {
    std::string text;
    std::optional<LineIndex> lines;
  };
  std::map<std::string, OtherFile> others;
  auto locate_related = [&](Finding& f) {
    for (RelatedLocation& r : f.related) {
      const LineIndex* index = &lines;
      if (r.location.file != file.path) {
        auto [it, added] = others.try_emplace(r.location.file);
        if (added) {
          if (ReadFileBytes(AbsolutePath(r.location.file), &it->second.text) == 0) {
            it->second.lines.emplace(it->second.text);
          }
        }
        if (!it->second.lines) continue;
        index = &*it->second.lines;
      }
      r.location.begin = index->Locate(r.location.range.begin);
      r.location.end = index->Locate(r.location.range.end);
    }
  };
  for (Finding& f : raw) {
    const RuleInfo* rule = rules_.Find(f.rule_id);
    // Project checks run once for every file; each finding obeys the
    // configuration of the file it lands in.
    if (rule && !config.Enabled(*rule)) continue;
    f.location.begin = lines.Locate(f.location.range.begin);
    f.location.end = lines.Locate(f.location.range.end);
    locate_related(f);
    if (f.rule_id != "nolint-unmatched" &&
        suppressions.Suppressed(f.rule_id, rule ? rule->problem_class : "",
                                f.location.begin.line)) {
      continue;
    }
    if (rule && config.IsWarningAsError(*rule)) f.severity = Severity::kError;
    f.message = mask.MaskText(f.message);
    const int line = f.location.begin.line;
    // Carets are drawn on the masked line: map the columns there.
    std::vector<int> column_map;
    f.masked_line = mask.MaskLine(lines.Line(line), lines.LineStart(line), &column_map);
    auto map = [&](int col) {
      if (col < 1) return 1;
      if (static_cast<size_t>(col) >= column_map.size()) return column_map.back();
      return column_map[col];
    };
    f.caret_begin = map(f.location.begin.column);
    f.caret_end = f.location.end.line == line ? map(f.location.end.column) : f.caret_begin + 1;
    std::string hash = LineHash(f.rule_id, f.masked_line);
    const int n = occurrences[hash]++;
    f.fingerprint = hash + ":" + std::to_string(n + 1);
    result.findings.push_back(std::move(f));
  }
}

}  // namespace rdslint
