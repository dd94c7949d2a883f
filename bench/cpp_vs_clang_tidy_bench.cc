// How long rdslint takes on a C++ file next to clang-tidy-14 parsing the same
// file with no check at all: the parse is the floor, and the ratio says what
// rdslint adds on top (process start, the rule packs, the matchers, the
// checks). Both get the same flags from one compile_commands.json.
//
//   cpp_vs_clang_tidy_bench [FILE...] [--runs N]
//
// Default files: the demo's libpq client and the libpqxx fixture. Prints
// median wall and CPU time per tool and the ratios; never fails on figures.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Timing {
  double wall = 0;  // seconds, median
  double cpu = 0;   // user + system of the child, median
  int status = 0;
};

double Seconds(const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; }

// Runs `command` with /bin/sh `runs` times (after one warm-up run that fills
// the page cache), output discarded.
Timing Measure(const std::string& command, int runs) {
  std::vector<double> walls, cpus;
  Timing t;
  for (int i = 0; i <= runs; ++i) {
    rusage before;
    getrusage(RUSAGE_CHILDREN, &before);
    const auto start = std::chrono::steady_clock::now();
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    const auto stop = std::chrono::steady_clock::now();
    rusage after;
    getrusage(RUSAGE_CHILDREN, &after);
    t.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    if (i == 0) continue;
    walls.push_back(std::chrono::duration<double>(stop - start).count());
    cpus.push_back(Seconds(after.ru_utime) - Seconds(before.ru_utime) + Seconds(after.ru_stime) -
                   Seconds(before.ru_stime));
  }
  std::sort(walls.begin(), walls.end());
  std::sort(cpus.begin(), cpus.end());
  t.wall = walls[walls.size() / 2];
  t.cpu = cpus[cpus.size() / 2];
  return t;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string Absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[4096];
  return std::string(getcwd(buf, sizeof buf) ? buf : ".") + "/" + path;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      files.push_back(Absolute(a));
    }
  }
  if (files.empty()) {
    files = {RDSLINT_SOURCE_DIR "/testdata/demo/native/report_client.cc",
             RDSLINT_SOURCE_DIR "/testdata/cpp/cpp-password-literal/bad.cc"};
  }

  // One compilation database for both tools: absolute paths, made here.
  char tmpl[] = "/tmp/rdslint-cpp-bench-XXXXXX";
  const std::string build = mkdtemp(tmpl);
  {
    std::ofstream db(build + "/compile_commands.json");
    db << "[\n";
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string dir = files[i].substr(0, files[i].rfind('/'));
      db << (i ? ",\n" : "") << "  {\"directory\": \"" << dir << "\", \"file\": \"" << files[i]
         << "\", \"arguments\": [\"c++\", \"-std=c++17\", \"-I/usr/include/postgresql\", \"-I"
         << RDSLINT_SOURCE_DIR << "/testdata/cpp/include\", \"-c\", \"" << files[i] << "\"]}";
    }
    db << "\n]\n";
  }

  const std::string tidy = RDSLINT_CLANG_TIDY;
  // clang-tidy refuses -checks='-*' ("Error: no checks enabled.") before it
  // parses anything. The parse-alone baseline therefore enables one
  // Objective-C check, which clang-tidy drops for a C++ file: it then parses
  // and runs no check.
  std::string parse_only = "-checks='-*'";
  if (Measure(tidy + " " + parse_only + " -p " + Quote(build) + " " + Quote(files[0]), 1).status != 0) {
    parse_only = "-checks='-*,objc-forbidden-subclassing'";
  }
  printf("cpp_vs_clang_tidy_bench: median of %d runs each (after a warm-up run)\n", runs);
  printf("  rdslint:          %s -p BUILD --checks='-*,cpp-*' FILE\n", RDSLINT_BINARY);
  printf("  clang-tidy parse: %s %s -p BUILD FILE%s\n", tidy.c_str(), parse_only.c_str(),
         parse_only == "-checks='-*'" ? "" : "   (-checks='-*' alone: \"no checks enabled\")");
  printf("  clang-tidy+plugin: %s --load=%s -checks='-*,cpp-*' -p BUILD FILE\n\n", tidy.c_str(),
         RDSLINT_TIDY_PLUGIN);
  printf("%-44s %18s %18s %18s %10s %10s\n", "file", "rdslint wall/cpu", "tidy parse wall/cpu",
         "tidy+plugin w/cpu", "ratio", "ratio cpu");
  for (const std::string& file : files) {
    const Timing r = Measure(std::string(RDSLINT_BINARY) + " -p " + Quote(build) +
                                 " --checks='-*,cpp-*' --fail-level none --quiet " + Quote(file),
                             runs);
    const Timing p = Measure(tidy + " " + parse_only + " -p " + Quote(build) + " " + Quote(file), runs);
    const Timing g = Measure(tidy + " --load=" RDSLINT_TIDY_PLUGIN " -checks='-*,cpp-*' -p " +
                                 Quote(build) + " " + Quote(file),
                             runs);
    std::string name = file.substr(file.rfind('/', file.rfind('/') - 1) + 1);
    if (name.size() > 44) name = "..." + name.substr(name.size() - 41);
    printf("%-44s %8.3fs/%7.3fs %8.3fs/%7.3fs %8.3fs/%7.3fs %9.2fx %9.2fx\n", name.c_str(), r.wall,
           r.cpu, p.wall, p.cpu, g.wall, g.cpu, r.wall / p.wall, r.cpu / p.cpu);
  }
  printf("\nratio: rdslint / clang-tidy parsing the same file with no check (1.00x = the parse alone)\n");
  std::system(("rm -rf " + Quote(build)).c_str());
  return 0;
}
