#include "checks/linter.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "checks/env/env_file.h"
#include "core/nolint.h"
#include "core/secret_mask.h"
#include "frontend/dotenv/dotenv.h"

namespace rdslint {
namespace {

// The documents of one file, parsed once for every check.
struct ParsedFile {
  std::optional<dotenv::Document> env_doc;
  std::optional<EnvFile> env;
};

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool LooksBinary(std::string_view text) {
  return text.substr(0, 8192).find('\0') != std::string_view::npos;
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

Linter::Linter(const RuleRegistry& rules, const ProjectFacts& project)
    : rules_(rules), project_(project), checks_(CreateAllChecks()) {
  for (const auto& check : checks_) {
    const RuleInfo* info = rules_.Find(check->id());
    if (!info) {
      fprintf(stderr, "rdslint: internal error: check '%s' has no rule entry\n",
              check->id().c_str());
      abort();
    }
    check_rules_.push_back(info);
  }
}

bool Linter::Lintable(FileKind kind) {
  return kind == FileKind::kDotenv || kind == FileKind::kCompose;
}

FileResult Linter::LintFile(const DiscoveredFile& file, const Config& config) const {
  FileResult result;
  if (!Lintable(file.kind)) return result;
  FILE* f = fopen(file.abs_path.c_str(), "rb");
  if (!f) {
    // A file deleted since discovery (a checkout or build running beside
    // us) is no error of the user's; anything else that stops reading is.
    const int err = errno;
    if (err == ENOENT) {
      result.notes.push_back(RunNote{RunNote::Level::kNote, file.path, 0, 0,
                                     "skipped: deleted during the scan"});
    } else {
      result.notes.push_back(RunNote{RunNote::Level::kError, file.path, 0, 0,
                                     std::string("cannot read: ") + strerror(err)});
    }
    return result;
  }
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > 2 * file.size + (1 << 20)) break;  // grew while we read: stop
  }
  const bool failed = ferror(f);
  fclose(f);
  if (failed) {
    result.notes.push_back(RunNote{RunNote::Level::kError, file.path, 0, 0,
                                   "cannot read: I/O error"});
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

  for (size_t i = 0; i < checks_.size(); ++i) {
    const RuleInfo& rule = *check_rules_[i];
    if (!config.Enabled(rule)) continue;
    CheckContext ctx(file.path, rule, config, project_, &raw);
    if (parsed.env) checks_[i]->CheckEnv(*parsed.env, ctx);
  }

  FinishFindings(file, text, config, &mask, std::move(raw), /*report_nolint_problems=*/true, &result);
  return result;
}

std::vector<FileResult> Linter::LintProject(ConfigResolver* resolver,
                                            std::vector<RunNote>* notes) const {
  // Every project check runs (a rule may be on for some folders and off for
  // others); FinishFindings keeps what each file's configuration enables.
  static const Config kAll;
  std::vector<Finding> raw;
  for (size_t i = 0; i < checks_.size(); ++i) {
    CheckContext ctx("", *check_rules_[i], kAll, project_, &raw);
    checks_[i]->CheckProject(ctx);
  }
  std::map<std::string, std::vector<Finding>> by_file;
  for (Finding& f : raw) by_file[f.location.file].push_back(std::move(f));

  std::vector<FileResult> results;
  for (auto& [path, findings] : by_file) {
    DiscoveredFile file;
    file.abs_path = AbsolutePath(path);
    file.path = path;
    file.kind = ClassifyPath(file.abs_path);
    std::ifstream in(file.abs_path, std::ios::binary);
    if (!in) {
      notes->push_back(RunNote{RunNote::Level::kError, path, 0, 0, "cannot read"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::string dir = file.abs_path.substr(0, file.abs_path.rfind('/'));
    std::shared_ptr<const Config> config = resolver->ForDirectory(dir.empty() ? "/" : dir, notes);
    if (config->Excluded(file.abs_path)) continue;
    SecretMask mask(text);
    for (const iac::Origin& o : project_.graph.secret_spans) {
      if (o.file == path) mask.Add(o.range);
    }
    FileResult result;
    FinishFindings(file, text, *config, &mask, std::move(findings),
                   /*report_nolint_problems=*/false, &result);
    results.push_back(std::move(result));
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

  mask.Finish();
  const LineIndex lines(text);
  std::map<std::string, int> occurrences;
  for (Finding& f : raw) {
    const RuleInfo* rule = rules_.Find(f.rule_id);
    // Project checks run once for every file; each finding obeys the
    // configuration of the file it lands in.
    if (rule && !config.Enabled(*rule)) continue;
    f.location.begin = lines.Locate(f.location.range.begin);
    f.location.end = lines.Locate(f.location.range.end);
    if (f.rule_id != "nolint-unmatched" &&
        suppressions.Suppressed(f.rule_id, rule ? rule->problem_class : "",
                                f.location.begin.line)) {
      continue;
    }
    if (rule && config.IsWarningAsError(*rule)) f.severity = Severity::kError;
    f.message = mask.MaskText(f.message);
    const int line = f.location.begin.line;
    f.masked_line = mask.MaskLine(lines.Line(line), lines.LineStart(line));
    std::string hash = LineHash(f.rule_id, f.masked_line);
    const int n = occurrences[hash]++;
    f.fingerprint = hash + ":" + std::to_string(n + 1);
    result.findings.push_back(std::move(f));
  }
  // Carets are drawn on the masked line: map the columns there.
  for (Finding& f : result.findings) {
    std::vector<int> column_map;
    const int line = f.location.begin.line;
    mask.MaskLine(lines.Line(line), lines.LineStart(line), &column_map);
    auto map = [&](int col) {
      if (col < 1) return 1;
      if (static_cast<size_t>(col) >= column_map.size()) return column_map.back();
      return column_map[col];
    };
    f.caret_begin = map(f.location.begin.column);
    f.caret_end = f.location.end.line == line ? map(f.location.end.column) : f.caret_begin + 1;
  }
}

}  // namespace rdslint
