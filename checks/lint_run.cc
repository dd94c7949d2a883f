#include "checks/lint_run.h"

#include <malloc.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>

#include "checks/project/project_common.h"
#include "core/parallel.h"

namespace rdslint {

namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The top of the git checkout holding `abs` (a file), else its folder.
std::string ProjectRoot(const std::string& abs) {
  std::string dir = abs.substr(0, abs.rfind('/'));
  for (std::string d = dir; !d.empty();) {
    struct stat st;
    if (stat((d + "/.git").c_str(), &st) == 0) return d;
    size_t slash = d.rfind('/');
    if (slash == std::string::npos || slash == 0) break;
    d = d.substr(0, slash);
  }
  return dir.empty() ? "/" : dir;
}

}  // namespace

LintRun RunLint(const LintOptions& options, const RuleRegistry& rules) {
  LintRun run;
  Discovery discovery;
  if (options.stdin_text && !options.paths.empty()) {
    DiscoveredFile f;
    f.abs_path = AbsolutePath(options.paths[0]);
    f.path = DisplayPath(f.abs_path);
    f.kind = ClassifyPath(f.abs_path);
    f.size = options.stdin_text->size();
    f.named = true;
    discovery.files.push_back(std::move(f));
  } else {
    DiscoverOptions discover = options.discover;
    discover.jobs = options.jobs;
    discovery = Discover(options.paths, discover);
  }
  run.notes = std::move(discovery.notes);

  // Files named one by one (pre-commit, an editor) are judged against the
  // whole project: the facts come from their repository, not from the few
  // files given.
  bool only_files = !options.paths.empty();
  for (const std::string& p : options.paths) only_files &= !IsDirectory(p);
  std::vector<DiscoveredFile> context_files;
  if (only_files && !discovery.files.empty()) {
    // Only the kinds that can hold facts: the rest of the repository costs
    // a readdir entry each, no stat and no read.
    DiscoverOptions context_options = options.discover;
    context_options.jobs = options.jobs;
    context_options.keep = MayHoldProjectFacts;
    context_files = Discover({ProjectRoot(discovery.files.front().abs_path)}, context_options).files;
  }

  // Configurations are resolved here, on one thread, before the parallel part.
  ConfigResolver resolver(options.config);
  resolver.KnowFolders(&discovery.config_in_folder);
  struct Work {
    const DiscoveredFile* file;
    std::shared_ptr<const Config> config;
  };
  std::vector<Work> work;
  for (const DiscoveredFile& f : discovery.files) {
    if (!Linter::Lintable(f.kind)) continue;
    std::string dir = f.abs_path.substr(0, f.abs_path.rfind('/'));
    if (dir.empty()) dir = "/";
    std::shared_ptr<const Config> config = resolver.ForDirectory(dir, &run.notes);
    if (config->Excluded(f.abs_path) && !f.named) continue;
    work.push_back(Work{&f, std::move(config)});
  }

  // Scripts the per-file pass parses give their code facts from that parse
  // (in parallel); the facts pass reads only the others (the rest of the
  // repository when files are named one by one).
  std::set<std::string> facts_from_lint;
  for (const Work& w : work) {
    if (w.file->kind == FileKind::kScript && Linter::WantsScriptFacts(rules, *w.config)) {
      facts_from_lint.insert(w.file->abs_path);
    }
  }
  // Files named one by one: the facts pass reads no script; of the rest of
  // the repository's scripts, only those the named files' project findings
  // can depend on are read (project::ReadScriptsFor), and of those only the
  // ones they do depend on are parsed. Named scripts are read there too,
  // not parsed: what links them to functions decides which others matter.
  // (A named C++ file is not in the facts pass, so its functions are not
  // known: then every script is read and parsed.)
  std::function<bool(const DiscoveredFile&)> scripts_elsewhere;
  if (!only_files) {
    scripts_elsewhere = [&facts_from_lint](const DiscoveredFile& f) { return facts_from_lint.count(f.abs_path) > 0; };
  } else {
    scripts_elsewhere = [](const DiscoveredFile&) { return true; };
  }
  const std::vector<DiscoveredFile>& fact_files =
      only_files && !context_files.empty() ? context_files : discovery.files;
  // What the facts pass reads of the files to lint (IaC, .env, schemas) is
  // kept for the per-file pass: read once, not twice.
  FileTexts texts;
  run.facts = GatherProjectFacts(fact_files, options.jobs, scripts_elsewhere, /*defer_scripts=*/true,
                                 only_files ? nullptr : &texts, options.discover.max_file_size);
  run.facts.graph.BuildIndex();  // complete now; the checks only read it
  std::set<std::string> named;
  bool named_cpp = false;
  if (only_files) {
    for (const DiscoveredFile& f : discovery.files) {
      named.insert(f.abs_path);
      named_cpp |= f.kind == FileKind::kCpp;
    }
    // The context walk lists scripts without their sizes: the limits apply
    // as they are read.
    const uint64_t max_script = std::min<uint64_t>(kMaxScriptFactsSize, options.discover.max_file_size);
    std::vector<const DiscoveredFile*> scripts;
    for (const DiscoveredFile& f : fact_files) {
      if (IsFactsScript(f)) scripts.push_back(&f);
    }
    if (named_cpp) {
      ReadDeferredScripts(scripts, options.jobs, &run.facts, max_script);
    } else {
      project::ReadScriptsFor(scripts, named, options.jobs, max_script, &run.facts);
    }
  }
  std::optional<std::set<const ScriptFacts*>> needed;
  if (only_files && !named_cpp) needed = project::ScriptsNeededFor(project::ProjectIndex(run.facts), named);
  std::set<std::string> needed_paths;
  if (needed) {
    for (const ScriptFacts* s : *needed) needed_paths.insert(s->abs_path);
  }
  ParseDeferredScripts(&run.facts, options.jobs, [&](const ScriptFacts& s) {
    return !facts_from_lint.count(s.abs_path) && (!needed || needed_paths.count(s.abs_path) > 0);
  });
  Linter linter(rules, run.facts, options.build_path);
  linter.set_max_file_size(options.discover.max_file_size);
  std::vector<FileResult> results(work.size());
  ParallelFor(work.size(), options.jobs, [&](size_t i) {
    const auto start = std::chrono::steady_clock::now();
    const auto read = texts.find(work[i].file->abs_path);
    results[i] = options.stdin_text
                     ? linter.LintText(*work[i].file, *options.stdin_text, *work[i].config)
                     : linter.LintFile(*work[i].file, *work[i].config, read != texts.end() ? &read->second : nullptr);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    if (options.file_time_budget_ms > 0 && static_cast<uint64_t>(ms) > options.file_time_budget_ms) {
      char msg[160];
      snprintf(msg, sizeof msg,
               "checking took %.1f s, over the per-file time budget of %.1f s (--file-time-budget)",
               ms / 1000.0, options.file_time_budget_ms / 1000.0);
      results[i].notes.push_back(RunNote{RunNote::Level::kWarning, work[i].file->path, 0, 0, msg});
    }
  });

  // What the threads freed goes back to the system before the findings
  // are gathered: each thread allocates from an arena of its own, whose
  // free pages glibc would otherwise keep.
  malloc_trim(0);

  // The per-file pass's code facts join the facts pass's, in path order
  // whatever pass read them.
  for (FileResult& r : results) {
    if (r.project_facts) run.facts.scripts.push_back(std::move(*r.project_facts));
  }
  std::stable_sort(run.facts.scripts.begin(), run.facts.scripts.end(),
                   [](const ScriptFacts& a, const ScriptFacts& b) { return a.file < b.file; });

  // Rules over the whole project (the graph): once, after the files.
  // Files named one by one: the project rules still see the whole
  // repository, but report only in the files asked about (pre-commit shows
  // the staged files' findings, as clang-tidy shows the named file's).
  std::function<bool(const std::string&)> wanted;
  if (only_files) wanted = [&named](const std::string& abs) { return named.count(abs) > 0; };
  std::vector<FileResult> project_results = linter.LintProject(&resolver, &run.notes, wanted, options.jobs, &texts);
  FileTexts().swap(texts);

  // Findings move into one list, reserved once; each file's list is freed
  // as it empties (findings can be most of a run's memory).
  size_t total = 0;
  for (const std::vector<FileResult>* list : {&results, &project_results}) {
    for (const FileResult& r : *list) total += r.findings.size();
  }
  run.findings.reserve(total);
  for (std::vector<FileResult>* list : {&results, &project_results}) {
    for (FileResult& r : *list) {
      run.files_checked += r.read;
      for (Finding& f : r.findings) {
        if (!options.tags.empty()) {
          const RuleInfo* info = rules.Find(f.rule_id);
          if (!info || !options.tags.count(info->problem_class)) continue;
        }
        run.findings.push_back(std::move(f));
      }
      std::vector<Finding>().swap(r.findings);
      for (RunNote& n : r.notes) run.notes.push_back(std::move(n));
    }
  }
  std::sort(run.findings.begin(), run.findings.end(), FindingLess);
  std::stable_sort(run.notes.begin(), run.notes.end(),
                   [](const RunNote& a, const RunNote& b) { return a.file < b.file; });
  return run;
}

}  // namespace rdslint
