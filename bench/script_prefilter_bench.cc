// The script frontend on a generated tree of TypeScript, TSX, JavaScript and
// Python files shaped like a service monorepo (UI components, utilities,
// tests, and a few Lambda handlers and data layers that reach PostgreSQL):
// how many files the RE2 prefilter lets through, and the MB/s of the
// prefilter, of tree-sitter parsing, and of parsing plus the dataflow that
// gathers the code facts. A program, not a test: it prints figures and
// never fails for being slow (each step prints its fastest of five runs).
// The tree is generated in memory (no files are
// written), so the figures are CPU, not disk. With --dir, the scripts of a
// tree on disk instead (read into memory first), e.g. one kept by
// monorepo_bench --keep.
//
//   build/bench/script_prefilter_bench [FILES] [SEED] [--times N] [--no-full-parse]
//   build/bench/script_prefilter_bench --dir DIR [--times N] [--no-full-parse]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/script/code_facts.h"
#include "frontend/script/prefilter.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint::script {
namespace {

struct File {
  std::string path;
  Language language;
  std::string text;
};

std::string Repeat(int n, const std::string& chunk) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    std::string c = chunk;
    for (size_t at; (at = c.find('#')) != std::string::npos;) c.replace(at, 1, std::to_string(i));
    s += c;
  }
  return s;
}

// Most of a repository never mentions a database.
std::string Component(int lines) {
  return "import React, { useState } from 'react';\n" +
         Repeat(lines / 6, "export function Widget#({ label }: { label: string }) {\n"
                           "  const [open, setOpen] = useState(false);\n"
                           "  return <button onClick={() => setOpen(!open)}>{label} #</button>;\n"
                           "}\n\n\n");
}
std::string Utility(int lines) {
  return "import { format } from 'date-fns';\n" +
         Repeat(lines / 5, "export function helper#(items: number[], factor = #): number[] {\n"
                           "  const out = items.map((x) => x * factor + #);\n"
                           "  return out.filter((x) => x % 2 === 0 && format(new Date(x), 'yyyy') !== '');\n"
                           "}\n\n");
}
std::string JsModule(int lines) {
  return "'use strict';\nconst path = require('path');\n" +
         Repeat(lines / 4, "function route#(req, res) {\n  res.json({ ok: true, file: path.join(__dirname, 'x#') });\n}\n"
                           "module.exports.route# = route#;\n");
}
std::string PythonModule(int lines) {
  return "import math\nfrom dataclasses import dataclass\n\n" +
         Repeat(lines / 6, "@dataclass\nclass Point#:\n    x: float\n    y: float\n\n"
                           "def distance#(a, b):\n    return math.hypot(a.x - b.x, a.y - b.y) * #\n\n");
}
// The few files the rules are about.
std::string TsHandler(int i, int lines) {
  return "import { PrismaClient } from '@prisma/client';\n"
         "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\n"
         "const sm = new SecretsManagerClient({});\nlet prisma: PrismaClient | null = null;\n"
         "async function getPrisma() {\n  if (!prisma) {\n"
         "    const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));\n"
         "    const { username, password, host, dbname } = JSON.parse(secret.SecretString!);\n"
         "    process.env.DATABASE_URL = `postgresql://${username}:${password}@${host}:5432/${dbname}?schema=svc" +
         std::to_string(i) + "`;\n    prisma = new PrismaClient();\n  }\n  return prisma;\n}\n"
         "export const handler = async () => (await getPrisma()).user.findMany();\n" +
         Utility(lines);
}
std::string PyHandler(int i, int lines) {
  return "import json, os\nimport boto3\nimport psycopg2\n\n_conn = None\n\n"
         "def get_conn():\n    global _conn\n    if _conn is None:\n"
         "        s = json.loads(boto3.client('secretsmanager').get_secret_value(SecretId=os.environ['ARN'])['SecretString'])\n"
         "        _conn = psycopg2.connect(f\"postgresql://{s['username']}:{s['password']}@{s['host']}/svc" +
         std::to_string(i) + "\")\n    return _conn\n\n"
         "def lambda_handler(event, context):\n    with get_conn().cursor() as cur:\n        cur.execute('select 1')\n\n" +
         PythonModule(lines);
}

std::vector<File> Generate(int count, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<File> files;
  for (int i = 0; i < count; ++i) {
    const int lines = 60 + static_cast<int>(rng() % 240);
    const int kind = static_cast<int>(rng() % 100);
    const std::string dir = "services/svc" + std::to_string(i % 97) + "/src/";
    if (kind < 4) {
      files.push_back({dir + "handler" + std::to_string(i) + ".ts", Language::kTypeScript, TsHandler(i, lines)});
    } else if (kind < 7) {
      files.push_back({dir + "handler" + std::to_string(i) + ".py", Language::kPython, PyHandler(i, lines)});
    } else if (kind < 35) {
      files.push_back({dir + "Widget" + std::to_string(i) + ".tsx", Language::kTsx, Component(lines)});
    } else if (kind < 60) {
      files.push_back({dir + "util" + std::to_string(i) + ".ts", Language::kTypeScript, Utility(lines)});
    } else if (kind < 75) {
      files.push_back({dir + "route" + std::to_string(i) + ".js", Language::kJavaScript, JsModule(lines)});
    } else {
      files.push_back({dir + "model" + std::to_string(i) + ".py", Language::kPython, PythonModule(lines)});
    }
  }
  return files;
}

// Every script under `dir` whose language the frontend knows.
std::vector<File> ReadTree(const std::string& dir) {
  std::vector<File> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string path = it->path().string();
    const std::optional<Language> language = LanguageForPath(path);
    if (!language) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({path, *language, text.str()});
  }
  return files;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The fastest of `times` runs of `step`: on a shared machine the slower
// runs measure the neighbours.
template <typename Step>
double Fastest(int times, Step&& step) {
  double best = 1e9;
  for (int i = 0; i < times; ++i) {
    const auto start = std::chrono::steady_clock::now();
    step();
    best = std::min(best, Seconds(start));
  }
  return best;
}

double Mb(size_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

}  // namespace
}  // namespace rdslint::script

int main(int argc, char** argv) {
  using namespace rdslint::script;
  std::string dir;
  int times = 5;
  bool full = true;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--times" && i + 1 < argc) times = std::max(1, std::atoi(argv[++i]));
    else if (a == "--no-full-parse") full = false;  // e.g. under valgrind
    else positional.push_back(a);
  }
  const bool from_disk = !dir.empty();
  const std::vector<File> files =
      from_disk ? ReadTree(dir)
                : Generate(positional.size() > 0 ? std::atoi(positional[0].c_str()) : 10000,
                           positional.size() > 1 ? static_cast<unsigned>(std::atoi(positional[1].c_str())) : 7);
  const int count = static_cast<int>(files.size());
  size_t total_bytes = 0;
  for (const File& f : files) total_bytes += f.text.size();
  // Each step is timed `times` times (the last step, parsing everything,
  // once: it takes seconds), and the fastest run is printed.
  const int kTimes = times;
  std::printf("script frontend on %d %s files, %.1f MB\n", count, from_disk ? "read" : "generated",
              Mb(total_bytes));

  std::vector<const File*> passed;
  size_t passed_bytes = 0;
  const double filter_s = Fastest(kTimes, [&] {
    passed.clear();
    passed_bytes = 0;
    for (const File& f : files) {
      // What the linter parses with every pack on: a code rule may start
      // here, or the project facts need the script.
      const DatabaseInterest interest = ScanForDatabase(f.text);
      if (interest.code_rules || interest.project_facts) {
        passed.push_back(&f);
        passed_bytes += f.text.size();
      }
    }
  });
  std::printf("prefilter: %zu of %d files (%.1f%%, %.1f MB) reach the parser; %.0f MB/s over all bytes\n",
              passed.size(), count, 100.0 * static_cast<double>(passed.size()) / count, Mb(passed_bytes),
              Mb(total_bytes) / filter_s);

  size_t trees = 0, with_errors = 0;
  const double parse_s = Fastest(kTimes, [&] {
    with_errors = 0;
    for (const File* f : passed) {
      const SyntaxTree tree = SyntaxTree::Parse(f->text, f->language);
      trees += tree.ok();
      with_errors += !tree.errors().empty();
    }
  });
  std::printf("parse (tree-sitter) of those: %.3f s, %.1f MB/s (%zu with syntax errors)\n", parse_s,
              Mb(passed_bytes) / parse_s, with_errors);

  size_t findings_inputs = 0;
  const double facts_s = Fastest(kTimes, [&] {
    findings_inputs = 0;
    for (const File* f : passed) {
      const SyntaxTree tree = SyntaxTree::Parse(f->text, f->language);
      const CodeFacts facts = GatherCodeFacts(tree, FactsOptions());
      findings_inputs += facts.urls.size() + facts.reads.size() + facts.clients.size();
    }
  });
  std::printf("parse + dataflow + code facts: %.3f s, %.1f MB/s (%zu URLs, reads and clients found)\n",
              facts_s, Mb(passed_bytes) / facts_s, findings_inputs);

  if (!full) return 0;
  const auto start = std::chrono::steady_clock::now();
  for (const File& f : files) trees += SyntaxTree::Parse(f.text, f.language).ok();
  const double all_s = Seconds(start);
  std::printf("without the prefilter: parsing all %d files takes %.2f s (%.1f MB/s); with it, %.2f s "
              "(prefilter %.3f s + parse %.2f s)\n",
              count, all_s, Mb(total_bytes) / all_s, filter_s + parse_s, filter_s, parse_s);
  (void)trees;
  return 0;
}
