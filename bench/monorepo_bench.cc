// The whole rule set on a generated monorepo, as users run it: the rdslint
// command in a child process (wall time, peak RSS from wait4), against `rg`
// with one connection-string regex and secretlint over the same tree, each
// as a ratio to rdslint in the same run; then pre-commit latency (5 changed
// files in a 10,000-file repository) and how time and memory grow with the
// tree. A program, not a test: it prints figures and never fails for being
// slow. Each figure is the median of 3 runs, each started from a filled page
// cache.
//
//   build/bench/monorepo_bench [--files N] [--scale-max N] [--keep DIR]
//
// --files: the main tree (default 12,000 files, about 60 MB);
// --scale-max (or RDSLINT_BENCH_SCALE_MAX): the largest tree of the scaling
// run (default 10,000; 100000 for the full 1,000 → 100,000 run).
#include <fcntl.h>
#include <ftw.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/monorepo_gen.h"

namespace {

using rdslint::bench::GeneratedTree;

struct Outcome {
  double seconds = 0;
  double rss_mib = 0;  // peak resident set of the child
  int status = -1;     // exit code, -1 when it could not run
  int runs = 1;        // how many runs the median is of
};

// Runs argv in `cwd`, output to /dev/null.
Outcome Run(const std::vector<std::string>& argv, const std::string& cwd) {
  Outcome out;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) < 0) return out;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.rss_mib = usage.ru_maxrss / 1024.0;
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Reads every file below `dir` once, so that a timed run finds the tree in
// the page cache: some machines (this project's VM among them) drop cached
// file pages within a minute, and a run that meets a half-cached tree reads
// from disk. Every command timed gets the same, before each run.
int ReadOne(const char* path, const struct stat* st, int type, struct FTW*) {
  if (type != FTW_F || !S_ISREG(st->st_mode)) return 0;
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  static char buf[1 << 16];
  while (read(fd, buf, sizeof buf) > 0) {
  }
  close(fd);
  return 0;
}

void FillPageCache(const std::string& dir) { nftw(dir.c_str(), ReadOne, 64, FTW_PHYS); }

// The median of `times` runs (by wall time); one run when the first takes
// longer than `once_over` seconds.
Outcome Median(const std::vector<std::string>& argv, const std::string& cwd, int times = 3,
               double once_over = 1e9) {
  std::vector<Outcome> runs;
  for (int i = 0; i < times; ++i) {
    FillPageCache(cwd);
    runs.push_back(Run(argv, cwd));
    if (runs.back().seconds > once_over) break;
  }
  std::sort(runs.begin(), runs.end(), [](const Outcome& a, const Outcome& b) { return a.seconds < b.seconds; });
  Outcome median = runs[runs.size() / 2];
  median.runs = static_cast<int>(runs.size());
  return median;
}

bool Executable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

std::string Which(const std::string& name) {
  const char* path = getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    const std::string candidate = dirs.substr(start, colon - start) + "/" + name;
    if (Executable(candidate)) return candidate;
    start = colon + 1;
  }
  return "";
}

std::string NewTempDir(const char* tag) {
  std::string tmpl = std::string("/tmp/rdslint-") + tag + "-XXXXXX";
  return mkdtemp(tmpl.data());
}

void Remove(const std::string& dir) {
  if (dir.rfind("/tmp/rdslint-", 0) == 0) std::system(("rm -rf '" + dir + "'").c_str());
}

GeneratedTree Generate(const std::string& dir, int files) {
  const auto start = std::chrono::steady_clock::now();
  GeneratedTree t = rdslint::bench::GenerateMonorepo(dir, files);
  // A git checkout: rdslint FILE... finds the project's top by its .git.
  std::system(("git -C '" + dir + "' init -q 2>/dev/null").c_str());
  // The tree is on disk before anything is timed: the kernel writing it
  // back meanwhile slowed the first runs by a third.
  sync();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  printf("  generated %d files, %.1f MB, %d services in %.1f s (%s)\n", t.files, t.bytes / 1e6, t.services, s,
         dir.c_str());
  return t;
}

const char* kConnectionRegex = R"(postgres(ql)?://[^\s:@/]+:[^\s@/]+@)";

void Line(const char* label, const Outcome& o, const GeneratedTree& t, const Outcome* base) {
  // 0: nothing found, 1: findings (all three tools); anything else failed.
  if (o.status < 0 || o.status > 1) {
    printf("  %-28s failed (exit %d)\n", label, o.status);
    return;
  }
  printf("  %-28s %8.3f s %9.0f files/s %7.1f MB/s %7.1f MiB peak RSS", label, o.seconds, t.files / o.seconds,
         t.bytes / 1e6 / o.seconds, o.rss_mib);
  if (base) printf("   %6.2fx rdslint's time", o.seconds / base->seconds);
  printf(o.runs == 1 ? "   (1 run)\n" : "\n");
}

void MainRun(const std::string& rdslint, const std::string& source_dir, int files, const std::string& keep) {
  printf("== the whole rule set on a monorepo (median of 3; a shared 2-core machine: figures are noisy)\n");
  const std::string dir = keep.empty() ? NewTempDir("monorepo") : keep;
  mkdir(dir.c_str(), 0755);
  const GeneratedTree t = Generate(dir, files);
  Run({rdslint, "-j", "2", "."}, dir);  // warm the page cache
  const Outcome j1 = Median({rdslint, "-j", "1", "."}, dir);
  const Outcome j2 = Median({rdslint, "-j", "2", "."}, dir);
  Line("rdslint -j1", j1, t, nullptr);
  Line("rdslint -j2", j2, t, nullptr);
  const std::string rg = Which("rg");
  if (rg.empty()) {
    printf("  rg: not installed (Debian's ripgrep), skipped\n");
  } else {
    Line("rg -j1 (one URL regex)", Median({rg, "-j1", "-c", kConnectionRegex, "."}, dir), t, &j1);
    const Outcome rg2 = Median({rg, "-j2", "-c", kConnectionRegex, "."}, dir);
    Line("rg -j2 (one URL regex)", rg2, t, &j2);
    printf("  (the target: rdslint -j2 at most 3x the rg -j2 pass: %.2fx)\n", j2.seconds / rg2.seconds);
  }
  const std::string secretlint = source_dir + "/node_modules/.bin/secretlint";
  if (!Executable(secretlint)) {
    printf("  secretlint: not installed (npm ci in %s), skipped\n", source_dir.c_str());
  } else {
    // Its rules resolve from the tree's node_modules; a link to ours, which
    // rdslint, rg and secretlint all skip.
    symlink((source_dir + "/node_modules").c_str(), (dir + "/node_modules").c_str());
    // The recommended preset (its PostgreSQL connection-string rule among them).
    FILE* rc = fopen((dir + "/.secretlintrc.json").c_str(), "w");
    fputs(R"({"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]})" "\n", rc);
    fclose(rc);
    // Slow: once when a run takes over 10 s, to keep `make bench` short.
    const Outcome s = Median({secretlint, "--maskSecrets", "--format", "compact", "**/*"}, dir, 3, 10);
    Line("secretlint (recommended)", s, t, &j2);
    if (s.status == 0 || s.status == 1) printf("  (the target: at least 10x: %.1fx)\n", s.seconds / j2.seconds);
    unlink((dir + "/node_modules").c_str());
    unlink((dir + "/.secretlintrc.json").c_str());
  }
  if (keep.empty()) Remove(dir);
}

void PreCommit(const std::string& rdslint) {
  // Runs of a tenth of a second: the median of 11 (of 3, one slow start on
  // a shared machine moves it by a third).
  printf("== pre-commit: `rdslint FILE...` on 5 changed files of a 10,000-file repository (median of 11)\n");
  const std::string dir = NewTempDir("precommit");
  const GeneratedTree t = Generate(dir, 10000);
  // A service with the mistakes and one without.
  for (size_t which : {size_t{3}, size_t{4}}) {
    std::vector<std::string> argv = {rdslint};
    for (const std::string& f : t.change_sets[which]) argv.push_back(f);
    Run(argv, dir);  // warm
    const Outcome o = Median(argv, dir, 11);
    printf("  %-28s %8.3f s wall %7.1f MiB peak RSS (exit %d; the target: < 0.150 s)\n",
           which == 3 ? "5 files, a faulty service" : "5 files, a clean service", o.seconds, o.rss_mib, o.status);
  }
  Remove(dir);
}

void Scaling(const std::string& rdslint, int max_files) {
  printf("== scaling: rdslint -j2 on trees of growing size (median of 3)\n");
  printf("  %8s %8s %9s %8s %10s %12s\n", "files", "MB", "wall s", "MB/s", "RSS MiB", "us/file");
  for (int files : {1000, 3000, 10000, 30000, 100000}) {
    if (files > max_files) break;
    const std::string dir = NewTempDir("scale");
    const GeneratedTree t = rdslint::bench::GenerateMonorepo(dir, files);
    std::system(("git -C '" + dir + "' init -q 2>/dev/null").c_str());
    sync();
    Run({rdslint, "-j", "2", "."}, dir);  // warm
    const Outcome o = Median({rdslint, "-j", "2", "."}, dir);
    printf("  %8d %8.1f %9.3f %8.1f %10.1f %12.1f\n", t.files, t.bytes / 1e6, o.seconds,
           t.bytes / 1e6 / o.seconds, o.rss_mib, o.seconds * 1e6 / t.files);
    fflush(stdout);
    Remove(dir);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int files = 12000;
  int scale_max = 10000;
  if (const char* env = getenv("RDSLINT_BENCH_SCALE_MAX")) scale_max = atoi(env);
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--files") files = atoi(argv[i + 1]);
    else if (flag == "--scale-max") scale_max = atoi(argv[i + 1]);
    else if (flag == "--keep") keep = argv[i + 1];
  }
  printf("monorepo_bench: %ld cores online\n", sysconf(_SC_NPROCESSORS_ONLN));
  setvbuf(stdout, nullptr, _IOLBF, 0);
  MainRun(RDSLINT_BINARY, RDSLINT_SOURCE_DIR, files, keep);
  PreCommit(RDSLINT_BINARY);
  Scaling(RDSLINT_BINARY, scale_max);
  return 0;
}
