#include "checks/lint_run.h"

#include <algorithm>

#include "core/parallel.h"

namespace rdslint {

LintRun RunLint(const LintOptions& options, const RuleRegistry& rules) {
  LintRun run;
  Discovery discovery = Discover(options.paths, options.discover);
  run.notes = std::move(discovery.notes);

  // Configurations are resolved here, on one thread, before the parallel part.
  ConfigResolver resolver(options.config);
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

  run.facts = GatherProjectFacts(discovery.files);
  const Linter linter(rules, run.facts);
  std::vector<FileResult> results(work.size());
  ParallelFor(work.size(), options.jobs,
              [&](size_t i) { results[i] = linter.LintFile(*work[i].file, *work[i].config); });

  for (FileResult& r : results) {
    run.files_checked += r.read;
    for (Finding& f : r.findings) {
      if (!options.tags.empty()) {
        const RuleInfo* info = rules.Find(f.rule_id);
        if (!info || !options.tags.count(info->problem_class)) continue;
      }
      run.findings.push_back(std::move(f));
    }
    for (RunNote& n : r.notes) run.notes.push_back(std::move(n));
  }
  std::sort(run.findings.begin(), run.findings.end(), FindingLess);
  std::stable_sort(run.notes.begin(), run.notes.end(),
                   [](const RunNote& a, const RunNote& b) { return a.file < b.file; });
  return run;
}

}  // namespace rdslint
