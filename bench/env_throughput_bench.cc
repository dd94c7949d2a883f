// Throughput of a whole run on a generated tree of mixed files (default
// 10,000): prints files/s and MB/s for 1 and 2 jobs. A program, not a test:
// it prints figures and never fails for being slow.
//
//   build/bench/env_throughput_bench [FILES] [DIR]
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "checks/lint_run.h"
#include "core/rule_registry.h"

namespace rdslint {
namespace {

// Sizes and shapes like a real service repository: mostly code, some IaC,
// a few .env and compose files, a few mistakes.
std::string Content(int kind, int i, std::mt19937& rng) {
  std::string s;
  auto lines = [&](int n, const std::string& line) {
    for (int k = 0; k < n; ++k) s += line + std::to_string(k) + "\n";
  };
  switch (kind) {
    case 0:  // .env
      s += "NODE_ENV=production\nAWS_REGION=eu-west-1\nLOG_LEVEL=info\n";
      if (i % 7 == 0) {
        s += "DATABASE_URL=postgresql://app:S3cret@svc" + std::to_string(i) +
             ".c9akciq32abc.eu-west-1.rds.amazonaws.com:5432/app\n";
      } else {
        s += "DATABASE_URL=postgresql://app:${DB_PASSWORD}@svc-proxy.proxy-c9akciq32abc.eu-west-1."
             "rds.amazonaws.com:5432/app?sslmode=require&connection_limit=1\n";
      }
      for (int k = 0; k < 20; ++k) s += "FEATURE_FLAG_" + std::to_string(k) + "=on\n";
      break;
    case 1:  // compose
      s += "services:\n  api:\n    image: api\n    environment:\n"
           "      DATABASE_URL: postgresql://app:${DB_PASSWORD}@db:5432/app\n"
           "  db:\n    image: postgres:16\n";
      break;
    case 2:  // terraform
      for (int k = 0; k < 30; ++k) {
        s += "resource \"aws_s3_bucket\" \"b" + std::to_string(k) + "\" {\n  bucket = \"bucket-" +
             std::to_string(i) + "-" + std::to_string(k) + "\"\n  tags = { team = \"core\" }\n}\n";
      }
      break;
    case 3:  // typescript
      s += "import { handler } from './lib';\n";
      lines(150 + static_cast<int>(rng() % 100), "export const value = 'x' + ");
      break;
    case 4:  // python
      lines(150 + static_cast<int>(rng() % 100), "def f(x):\n    return x * ");
      break;
    default:  // markdown, json, other
      lines(80, "Some documentation text that no rule reads, line ");
      break;
  }
  return s;
}

const char* Name(int kind) {
  static const char* kNames[] = {".env", "docker-compose.yml", "main.tf", "index.ts", "app.py",
                                 "README.md"};
  return kNames[kind];
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace
}  // namespace rdslint

namespace rdslint {
namespace {

struct Tree {
  int files = 0;
  uint64_t bytes = 0;
  uint64_t env_bytes = 0;  // the files the env pack reads (.env, compose)
};

// `weights` are files per kind per service, in the order of Name().
Tree MakeTree(const std::string& dir, int files, const std::vector<int>& weights) {
  std::mt19937 rng(42);
  Tree t;
  for (int service = 0; t.files < files; ++service) {
    std::string svc = dir + "/svc" + std::to_string(service);
    mkdir(svc.c_str(), 0755);
    for (int kind = 0; kind < 6 && t.files < files; ++kind) {
      for (int k = 0; k < weights[kind] && t.files < files; ++k, ++t.files) {
        std::string sub = svc + "/d" + std::to_string(k);
        mkdir(sub.c_str(), 0755);
        std::string text = Content(kind, t.files, rng);
        t.bytes += text.size();
        if (kind <= 1) t.env_bytes += text.size();
        std::ofstream(sub + "/" + Name(kind), std::ios::binary) << text;
      }
    }
  }
  return t;
}

void Measure(const std::string& label, const std::string& dir, const Tree& t) {
  printf("%s: %d files, %.1f MB (%.2f MB in .env and compose files)\n", label.c_str(), t.files,
         t.bytes / 1e6, t.env_bytes / 1e6);
  const RuleRegistry& rules = RuleRegistry::Embedded();
  for (int jobs : {1, 2}) {
    LintOptions options;
    options.paths = {dir};
    options.jobs = jobs;
    RunLint(options, rules);  // warm the page cache
    auto start = std::chrono::steady_clock::now();
    LintRun run = RunLint(options, rules);
    double s = Seconds(std::chrono::steady_clock::now() - start);
    printf("  jobs=%d: %.3f s wall, %.0f files/s, %.1f MB/s (discovery, project facts and "
           "linting over every byte of the tree); %zu files checked, %zu findings\n",
           jobs, s, t.files / s, t.bytes / 1e6 / s, run.files_checked, run.findings.size());
  }
}

std::string NewTempDir() {
  char tmpl[] = "/tmp/rdslint-bench-XXXXXX";
  return mkdtemp(tmpl);
}

}  // namespace
}  // namespace rdslint

int main(int argc, char** argv) {
  using namespace rdslint;
  const int files = argc > 1 ? std::atoi(argv[1]) : 10000;
  const bool keep = argc > 2;
  const std::string mixed = keep ? argv[2] : NewTempDir();
  // Kinds weighted as in a service repository: code dominates.
  Measure("mixed tree", mixed, MakeTree(mixed, files, {3, 1, 10, 40, 30, 16}));
  // Only .env and compose files: the env pack's parsing and checking alone.
  const std::string env = keep ? mixed + "-env" : NewTempDir();
  if (keep) mkdir(env.c_str(), 0755);
  Measure("env-only tree", env, MakeTree(env, files, {3, 1, 0, 0, 0, 0}));
  if (!keep) std::system(("rm -rf '" + mixed + "' '" + env + "'").c_str());
  return 0;
}
