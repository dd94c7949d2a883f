// The rdslint command: flags in, files discovered, linted in parallel,
// findings out. Thin: the work lives in frontend/, checks/ and core/.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "checks/lint_run.h"
#include "core/baseline.h"
#include "core/config.h"
#include "core/fixes.h"
#include "core/report.h"
#include "core/rule_registry.h"
#include "frontend/discover/discover.h"
#include "tools/rdslint/lsp_server.h"

namespace rdslint {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

constexpr const char* kUsage = R"(Usage: rdslint [options] [PATH...]
       rdslint explain RULE
       rdslint --list-rules
       rdslint lsp [--verbose]     the language server, on stdin/stdout

Lints how serverless code reaches PostgreSQL on AWS RDS: Terraform,
CloudFormation/SAM, Serverless, CDK output, .env files, schema.prisma, code
that builds DATABASE_URL, and C++ client code. PATH defaults to ".".

Options:
  --format FORMAT          text (default), json, sarif, github or junit
  -o, --output FILE        write the report to FILE instead of standard output
  --checks GLOBS           enable/disable rules, after the configuration's:
                           "-*,env-*", "-env-prisma-*", "tls" (a problem class)
  --tags CLASSES           only rules of these problem classes: password, tls,
                           endpoint, refresh, iam, network, deploy
  --warnings-as-errors GLOBS
                           report matching rules as errors
  --config YAML|FILE       use this configuration (inline YAML or a file) for
                           every file instead of looking up .rdslint.yaml
  --config-file FILE       the same, always a file
  --fail-level LEVEL       exit 1 on findings at or above note, warning
                           (default), error; "none" never fails on findings
  -j, --jobs N             threads (default: the number of cores)
  --max-file-size SIZE     skip larger files with a note (default 10M)
  --file-time-budget TIME  a warning naming each file whose checking takes
                           longer (default 30s; 500ms, 2s; 0 for none)
  --no-gitignore           do not read .gitignore files
  --color WHEN             auto (default), always, never
  -q, --quiet              do not print run notes (skipped files)
  --baseline FILE          do not report the findings recorded in FILE
  --write-baseline FILE    record every current finding in FILE and exit 0
  --export-fixes FILE      write the fix-its as clang-tidy replacements YAML
                           (for clang-apply-replacements and editors)
  --fix                    apply the fix-its in place, then report what is left
  --stdin-filename NAME    lint standard input as if it were the file NAME
                           (editors); the project around NAME gives context
  -p BUILD_DIR             C++ files are parsed with BUILD_DIR's
                           compile_commands.json (default: the nearest one
                           above each file, or in that folder's build/)
  --list-rules             list every rule: id, severity, class, title
  --version                print the version
  -h, --help               this text

Exit status: 0 no finding at or above the fail level, 1 findings,
2 usage, configuration or I/O error.
)";

struct Options {
  std::string format = "text";
  std::string output;
  std::vector<std::string> checks;
  std::set<std::string> tags;
  std::vector<std::string> warnings_as_errors;
  std::optional<std::string> config_text;
  std::optional<std::string> config_file;
  std::optional<Severity> fail_level = Severity::kWarning;
  int jobs = 0;
  uint64_t max_file_size = 10ull << 20;
  uint64_t file_time_budget_ms = 30000;
  bool gitignore = true;
  std::string color = "auto";
  bool quiet = false;
  bool list_rules = false;
  bool version = false;
  bool help = false;
  std::string explain;
  std::vector<std::string> paths;
  std::string baseline;
  std::string write_baseline;
  std::string export_fixes;
  bool fix = false;
  std::string stdin_filename;
  std::string build_path;  // -p
};

std::optional<uint64_t> ParseSize(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  unsigned long long n = std::strtoull(s.c_str(), &end, 10);
  if (end == s.c_str()) return std::nullopt;
  std::string unit(end);
  if (unit.empty() || unit == "B") return n;
  if (unit == "K" || unit == "KB" || unit == "k") return n << 10;
  if (unit == "M" || unit == "MB") return n << 20;
  if (unit == "G" || unit == "GB") return n << 30;
  return std::nullopt;
}

// "10s", "500ms", "2" (seconds), "0": milliseconds.
std::optional<uint64_t> ParseDuration(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  unsigned long long n = std::strtoull(s.c_str(), &end, 10);
  if (end == s.c_str() || n > 86400000ull) return std::nullopt;
  std::string unit(end);
  if (unit == "ms") return n;
  if (unit.empty() || unit == "s") return n * 1000;
  return std::nullopt;
}

// Returns an error message, or "" when the arguments are fine.
std::string ParseArgs(int argc, char** argv, Options* o) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool only_paths = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (only_paths || a.empty() || a[0] != '-' || a == "-") {
      if (!only_paths && o->paths.empty() && o->explain.empty() && a == "explain" && i == 0) {
        if (i + 1 >= args.size()) return "explain needs a rule id";
        o->explain = args[++i];
        continue;
      }
      o->paths.push_back(a);
      continue;
    }
    if (a == "--") {
      only_paths = true;
      continue;
    }
    std::string name = a, value;
    bool has_value = false;
    // Short options with their value attached: -j2, -oreport.sarif.
    if ((a.rfind("-j", 0) == 0 || a.rfind("-o", 0) == 0) && a.size() > 2 && a[1] != '-') {
      name = a.substr(0, 2);
      value = a.substr(2);
      has_value = true;
    }
    if (size_t eq = a.find('='); eq != std::string::npos &&
                                 (a.rfind("--", 0) == 0 || a.rfind("-p=", 0) == 0)) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    auto take = [&]() -> std::optional<std::string> {
      if (has_value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    auto need = [&](std::string* out) -> std::string {
      std::optional<std::string> v = take();
      if (!v) return name + " needs a value";
      *out = *v;
      return "";
    };
    std::string v, err;
    if (name == "-h" || name == "--help") {
      o->help = true;
    } else if (name == "--version") {
      o->version = true;
    } else if (name == "--list-rules") {
      o->list_rules = true;
    } else if (name == "-q" || name == "--quiet") {
      o->quiet = true;
    } else if (name == "--fix") {
      o->fix = true;
    } else if (name == "--baseline") {
      if (!(err = need(&o->baseline)).empty()) return err;
    } else if (name == "--write-baseline") {
      if (!(err = need(&o->write_baseline)).empty()) return err;
    } else if (name == "--export-fixes") {
      if (!(err = need(&o->export_fixes)).empty()) return err;
    } else if (name == "--stdin-filename") {
      if (!(err = need(&o->stdin_filename)).empty()) return err;
    } else if (name == "-p") {
      if (!(err = need(&o->build_path)).empty()) return err;
    } else if (name == "--no-gitignore") {
      o->gitignore = false;
    } else if (name == "--format") {
      if (!(err = need(&o->format)).empty()) return err;
      if (o->format != "text" && o->format != "json" && o->format != "sarif" &&
          o->format != "github" && o->format != "junit")
        return "unknown --format '" + o->format + "' (text, json, sarif, github, junit)";
    } else if (name == "-o" || name == "--output") {
      if (!(err = need(&o->output)).empty()) return err;
    } else if (name == "--checks") {
      if (!(err = need(&v)).empty()) return err;
      for (std::string& g : SplitGlobs(v)) o->checks.push_back(std::move(g));
    } else if (name == "--tags") {
      if (!(err = need(&v)).empty()) return err;
      for (std::string& t : SplitGlobs(v)) o->tags.insert(std::move(t));
    } else if (name == "--warnings-as-errors") {
      if (!(err = need(&v)).empty()) return err;
      for (std::string& g : SplitGlobs(v)) o->warnings_as_errors.push_back(std::move(g));
    } else if (name == "--config") {
      if (!(err = need(&v)).empty()) return err;
      o->config_text = v;
    } else if (name == "--config-file") {
      if (!(err = need(&v)).empty()) return err;
      o->config_file = v;
    } else if (name == "--fail-level") {
      if (!(err = need(&v)).empty()) return err;
      if (v == "none") {
        o->fail_level = std::nullopt;
      } else {
        o->fail_level = ParseSeverity(v);
        if (!o->fail_level) return "unknown --fail-level '" + v + "' (note, warning, error, none)";
      }
    } else if (name == "-j" || name == "--jobs") {
      if (!(err = need(&v)).empty()) return err;
      o->jobs = std::atoi(v.c_str());
      if (o->jobs < 1 || o->jobs > 1024) return "--jobs needs a number from 1 to 1024";
    } else if (name == "--max-file-size") {
      if (!(err = need(&v)).empty()) return err;
      std::optional<uint64_t> size = ParseSize(v);
      if (!size) return "--max-file-size needs a size such as 10M, 512K or 1000000";
      o->max_file_size = *size;
    } else if (name == "--file-time-budget") {
      if (!(err = need(&v)).empty()) return err;
      std::optional<uint64_t> ms = ParseDuration(v);
      if (!ms) return "--file-time-budget needs a time such as 10s, 500ms or 0";
      o->file_time_budget_ms = *ms;
    } else if (name == "--color") {
      if (!(err = need(&o->color)).empty()) return err;
      if (o->color != "auto" && o->color != "always" && o->color != "never")
        return "--color takes auto, always or never";
    } else {
      return "unknown option '" + name + "'";
    }
  }
  return "";
}

int ListRules(const RuleRegistry& rules) {
  size_t width = 0;
  for (const RuleInfo& r : rules.rules()) width = std::max(width, r.id.size());
  for (const RuleInfo& r : rules.rules()) {
    std::string sev(1, static_cast<char>(std::toupper(SeverityName(r.severity)[0])));
    printf("%-*s  %s  %-8s  %s\n", static_cast<int>(width), r.id.c_str(), sev.c_str(),
           r.problem_class.c_str(), r.title.c_str());
  }
  return kExitClean;
}

std::string Indent(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += "    " + line + "\n";
  return out;
}

int Explain(const RuleRegistry& rules, const std::string& id) {
  const RuleInfo* r = rules.Find(id);
  if (!r) {
    fprintf(stderr, "rdslint: error: unknown rule '%s'; --list-rules lists them\n", id.c_str());
    return kExitError;
  }
  std::string out = r->id + ": " + r->title + "\n";
  out += "severity: " + std::string(SeverityName(r->severity)) + "    class: " + r->problem_class +
         "    pack: " + r->pack + "\n\n";
  out += "Why\n" + Indent(r->rationale) + "\nFix\n" + Indent(r->fix);
  if (!r->bad_example.empty()) out += "\nBad\n" + Indent(r->bad_example);
  if (!r->good_example.empty()) out += "\nGood\n" + Indent(r->good_example);
  if (!r->options.empty()) {
    out += "\nOptions (CheckOptions: " + r->id + ".NAME)\n";
    for (const RuleOption& o : r->options) {
      out += "    " + o.name + " = " + o.default_value + "    " + o.description + "\n";
    }
  }
  if (!r->references.empty()) {
    out += "\nReferences\n";
    for (const std::string& ref : r->references) out += "    " + ref + "\n";
  }
  out += "\nDocumentation: " + RuleDocUri(r->id) + "\n";
  fputs(out.c_str(), stdout);
  return kExitClean;
}

Result<Config> LoadOverrideConfig(const Options& o) {
  std::string text, origin;
  if (o.config_file || (o.config_text && access(o.config_text->c_str(), R_OK) == 0 &&
                        o.config_text->find('\n') == std::string::npos &&
                        o.config_text->find(':') == std::string::npos)) {
    origin = o.config_file ? *o.config_file : *o.config_text;
    std::ifstream in(origin, std::ios::binary);
    if (!in) return Status::Error("cannot read configuration file '" + origin + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  } else {
    origin = "--config";
    text = *o.config_text;
  }
  return ParseConfig(text, origin, CurrentDirectory());
}

bool WriteOutput(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

int Run(int argc, char** argv) {
  Options o;
  if (std::string err = ParseArgs(argc, argv, &o); !err.empty()) {
    fprintf(stderr, "rdslint: error: %s\nTry 'rdslint --help'.\n", err.c_str());
    return kExitError;
  }
  if (o.help) {
    fputs(kUsage, stdout);
    return kExitClean;
  }
  if (o.version) {
    printf("rdslint %s\n", RDSLINT_VERSION);
    return kExitClean;
  }
  const RuleRegistry& rules = RuleRegistry::Embedded();
  if (o.list_rules) return ListRules(rules);
  if (!o.explain.empty()) return Explain(rules, o.explain);
  for (const std::string& tag : o.tags) {
    bool known = false;
    for (const RuleInfo& r : rules.rules()) known |= r.problem_class == tag;
    if (!known) {
      fprintf(stderr, "rdslint: error: unknown tag '%s' (password, tls, endpoint, refresh, iam, "
                      "network, deploy)\n", tag.c_str());
      return kExitError;
    }
  }

  ConfigResolver::Overrides overrides;
  overrides.extra_checks = o.checks;
  overrides.extra_warnings_as_errors = o.warnings_as_errors;
  if (o.config_text || o.config_file) {
    Result<Config> config = LoadOverrideConfig(o);
    if (!config.ok()) {
      fprintf(stderr, "rdslint: error: %s\n", config.status().message().c_str());
      return kExitError;
    }
    overrides.config = config.value();
  }
  if (!o.stdin_filename.empty()) {
    if (!o.paths.empty()) {
      fprintf(stderr, "rdslint: error: --stdin-filename takes no other paths\n");
      return kExitError;
    }
    if (o.fix) {
      fprintf(stderr, "rdslint: error: --fix cannot rewrite standard input; use --export-fixes\n");
      return kExitError;
    }
    o.paths.push_back(o.stdin_filename);
  }
  if (o.paths.empty()) o.paths.push_back(".");
  std::optional<Baseline> baseline;
  if (!o.baseline.empty()) {
    std::ifstream in(o.baseline, std::ios::binary);
    if (!in) {
      fprintf(stderr, "rdslint: error: cannot read baseline '%s'\n", o.baseline.c_str());
      return kExitError;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    Result<Baseline> parsed = Baseline::Parse(ss.str(), o.baseline);
    if (!parsed.ok()) {
      fprintf(stderr, "rdslint: error: %s\n", parsed.status().message().c_str());
      return kExitError;
    }
    baseline = parsed.value();
  }

  LintOptions lint;
  lint.paths = o.paths;
  lint.config = std::move(overrides);
  lint.tags = o.tags;
  lint.jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  lint.discover.max_file_size = o.max_file_size;
  lint.file_time_budget_ms = o.file_time_budget_ms;
  lint.discover.respect_gitignore = o.gitignore;
  if (!o.build_path.empty()) {
    struct stat st;
    if (stat(o.build_path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      fprintf(stderr, "rdslint: error: -p: '%s' is not a folder\n", o.build_path.c_str());
      return kExitError;
    }
    lint.build_path = AbsolutePath(o.build_path);
  }
  if (!o.stdin_filename.empty()) {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    lint.stdin_text = ss.str();
  }
  LintRun run = RunLint(lint, rules);
  if (o.fix) {
    FixResult fixed = ApplyFixes(run.findings);
    fprintf(stderr, "rdslint: applied %d fix%s in %d file%s", fixed.fixes_applied,
            fixed.fixes_applied == 1 ? "" : "es", fixed.files_changed,
            fixed.files_changed == 1 ? "" : "s");
    if (fixed.fixes_skipped) fprintf(stderr, " (%d overlapping, left for the next run)", fixed.fixes_skipped);
    fprintf(stderr, "\n");
    // Report what is left, from the files as they are now.
    run = RunLint(lint, rules);
    for (RunNote& n : fixed.errors) run.notes.push_back(std::move(n));
  }
  if (!o.write_baseline.empty()) {
    if (!WriteOutput(o.write_baseline, Baseline::Write(run.findings))) {
      fprintf(stderr, "rdslint: error: cannot write '%s'\n", o.write_baseline.c_str());
      return kExitError;
    }
    fprintf(stderr, "rdslint: recorded %zu finding%s in %s\n", run.findings.size(),
            run.findings.size() == 1 ? "" : "s", o.write_baseline.c_str());
    return kExitClean;
  }
  if (baseline) {
    size_t known = ApplyBaseline(*baseline, &run.findings);
    if (known > 0 && !o.quiet) {
      run.notes.push_back(RunNote{RunNote::Level::kNote, "", 0, 0,
                                  std::to_string(known) + " finding" + (known == 1 ? "" : "s") +
                                      " recorded in the baseline " + o.baseline + " not shown"});
    }
  }
  if (!o.export_fixes.empty() &&
      !WriteOutput(o.export_fixes, FormatReplacementsYaml(run.findings, CurrentDirectory()))) {
    fprintf(stderr, "rdslint: error: cannot write '%s'\n", o.export_fixes.c_str());
    return kExitError;
  }
  std::vector<Finding>& findings = run.findings;
  std::vector<RunNote>& notes = run.notes;
  if (o.quiet) {
    notes.erase(std::remove_if(notes.begin(), notes.end(),
                               [](const RunNote& n) { return n.level == RunNote::Level::kNote; }),
                notes.end());
  }

  ReportInput report;
  report.findings = &findings;
  report.notes = &notes;
  report.base_dir = CurrentDirectory();
  report.version = RDSLINT_VERSION;
  for (const RuleInfo& r : rules.rules()) {
    if (!o.tags.empty() && !o.tags.count(r.problem_class)) continue;
    report.rules.push_back(&r);
  }

  const bool to_terminal = o.output.empty() && isatty(STDOUT_FILENO);
  const bool color = o.color == "always" ||
                     (o.color == "auto" && to_terminal && !getenv("NO_COLOR") &&
                      !(getenv("TERM") && std::string(getenv("TERM")) == "dumb"));
  if (o.format == "text") {
    const bool err_color = o.color == "always" ||
                           (o.color == "auto" && isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    fputs(FormatRunNotes(notes, err_color).c_str(), stderr);
  } else if (o.format != "github") {
    // The notes are inside the report; errors also go to stderr, where a
    // CI log shows them.
    std::vector<RunNote> errors;
    for (const RunNote& n : notes) {
      if (n.level == RunNote::Level::kError) errors.push_back(n);
    }
    fputs(FormatRunNotes(errors, false).c_str(), stderr);
  }

  // The report goes out as it is written (a report of many findings is
  // never held whole); to stdout, or to --output.
  std::ofstream file_out;
  if (!o.output.empty()) {
    file_out.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      fprintf(stderr, "rdslint: error: cannot write '%s'\n", o.output.c_str());
      return kExitError;
    }
  }
  std::ostream& out = o.output.empty() ? std::cout : file_out;
  if (o.format == "json") WriteJson(report, out);
  else if (o.format == "sarif") WriteSarif(report, out);
  else if (o.format == "github") WriteGithub(report, out);
  else if (o.format == "junit") WriteJunit(report, out);
  else WriteText(report, color, out);
  out.flush();
  if (!out) {
    fprintf(stderr, "rdslint: error: cannot write '%s'\n", o.output.empty() ? "<stdout>" : o.output.c_str());
    return kExitError;
  }

  if (o.format == "text" && !findings.empty()) {
    int counts[3] = {0, 0, 0};
    for (const Finding& f : findings) ++counts[static_cast<int>(f.severity)];
    fprintf(stderr, "%zu finding%s (%d error%s, %d warning%s, %d note%s) in %zu file%s checked.\n",
            findings.size(), findings.size() == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s",
            counts[1], counts[1] == 1 ? "" : "s", counts[0], counts[0] == 1 ? "" : "s",
            run.files_checked, run.files_checked == 1 ? "" : "s");
  }

  for (const RunNote& n : notes) {
    if (n.level == RunNote::Level::kError) return kExitError;
  }
  if (o.fail_level) {
    for (const Finding& f : findings) {
      if (f.severity >= *o.fail_level) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace
}  // namespace rdslint

int main(int argc, char** argv) {
  // `rdslint lsp`: the language server (tools/rdslint/lsp_server.h).
  if (argc > 1 && std::string(argv[1]) == "lsp") {
    return rdslint::lsp::RunLspCommand(argc - 1, argv + 1, RDSLINT_VERSION);
  }
  return rdslint::Run(argc, argv);
}
