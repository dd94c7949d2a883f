#include "frontend/discover/project_facts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <thread>

#include "core/file_read.h"
#include "core/parallel.h"
#include "core/source.h"
#include "frontend/discover/discover.h"
#include "frontend/dotenv/dotenv.h"
#include "frontend/iac/cloudformation_graph.h"
#include "frontend/iac/serverless_graph.h"
#include "frontend/iac/terraform_graph.h"
#include "frontend/script/grammars.h"
#include "frontend/script/prefilter.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int LineOf(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

std::vector<uint32_t> LineStarts(std::string_view text) {
  std::vector<uint32_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(static_cast<uint32_t>(i + 1));
  }
  return starts;
}

int LineAt(const std::vector<uint32_t>& starts, uint32_t offset) {
  return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
}

// The markers that make a repository a Lambda project (RULES.md).
const RE2& LambdaMarker() {
  static const RE2 re(
      R"((resource\s+"aws_lambda_function"|"?Type"?\s*:\s*"?AWS::(?:Lambda|Serverless)::Function|source\s*=\s*"terraform-aws-modules/lambda/aws))");
  return re;
}

const RE2& ServerlessAws() {
  static const RE2 re(R"((?m)^provider:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*['"]?aws\b)");
  return re;
}

const RE2& PrismaEnvRef() {
  static const RE2 re(R"re(env\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\))re");
  return re;
}

const RE2& PrismaVersion() {
  static const RE2 re(R"re("(?:prisma|@prisma/client)"\s*:\s*"[^0-9"]*([0-9]+))re");
  return re;
}

const RE2& PrismaSchemaUrl() {
  static const RE2 re(R"re((?m)^[ \t]*url[ \t]*=)re");
  return re;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// CI files whose env blocks define variables for the builds and deploys they
// run (GitHub Actions, GitLab CI, CircleCI, CodeBuild, Azure Pipelines,
// Bitbucket Pipelines, Drone).
bool IsCiFile(std::string_view abs_path) {
  const std::string_view name = BaseName(abs_path);
  if (abs_path.find("/.github/workflows/") != std::string_view::npos) return true;
  if (EndsWith(abs_path, "/.circleci/config.yml") || EndsWith(abs_path, "/.circleci/config.yaml"))
    return true;
  return name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml" || name == "azure-pipelines.yml" ||
         name == "azure-pipelines.yaml" || name == "bitbucket-pipelines.yml" ||
         name == ".drone.yml" || name.rfind("buildspec", 0) == 0;
}

bool IsDockerfile(std::string_view abs_path) {
  const std::string_view name = BaseName(abs_path);
  return name == "Dockerfile" || name.rfind("Dockerfile.", 0) == 0 || EndsWith(name, ".dockerfile");
}

bool IsEnvName(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A YAML scalar as written on its line: quotes removed, a trailing comment
// of an unquoted value dropped.
std::string ScalarValue(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) {
    const size_t close = v.find(v.front(), 1);
    if (close != std::string_view::npos) return std::string(v.substr(1, close - 1));
  }
  if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = Trim(v.substr(0, hash));
  return std::string(v);
}

void Define(ProjectFacts* facts, std::string_view name, const DiscoveredFile& file, int line,
            std::string value) {
  if (!IsEnvName(name)) return;
  facts->env_definitions[std::string(name)].push_back(EnvDefinition{file.path, line, std::move(value)});
}

// The env blocks of a CI file: the keys of the maps under `env:`,
// `environment:` and `variables:` (in CodeBuild also those under `env:`'s
// `variables:`, `parameter-store:` and `secrets-manager:`), `- NAME=value`
// and Azure's `- name: NAME` items, and one-line flow maps (`env: {A: 1}`).
// Line based and linear: CI files write these blocks in plain block style,
// and reading them needs no YAML parser that deep or aliased input could
// stall.
void CollectCiEnv(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  struct Level {
    size_t indent;         // of the key that opened the block
    size_t child = SIZE_MAX;  // of its entries, once seen
  };
  std::vector<Level> open;
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    std::string_view item = Trim(line.substr(indent));
    if (item.empty() || item.front() == '#') continue;
    while (!open.empty() && indent <= open.back().indent) open.pop_back();
    const bool dash = item.size() >= 2 && item[0] == '-' && (item[1] == ' ' || item[1] == '\t');
    if (dash) item = Trim(item.substr(2));
    const size_t key_indent = static_cast<size_t>(item.data() - line.data());
    // "key: value" (the key possibly quoted).
    std::string key;
    std::string_view value;
    bool has_key = false;
    {
      std::string_view k = item;
      size_t colon = std::string_view::npos;
      if (!k.empty() && (k.front() == '"' || k.front() == '\'')) {
        const size_t close = k.find(k.front(), 1);
        if (close != std::string_view::npos && close + 1 < k.size() && k[close + 1] == ':') {
          key = std::string(k.substr(1, close - 1));
          colon = close + 1;
        }
      } else {
        for (size_t i = 0; i < k.size(); ++i) {
          if (k[i] == ':' && (i + 1 == k.size() || k[i + 1] == ' ' || k[i + 1] == '\t')) {
            colon = i;
            break;
          }
          if (k[i] == ' ' || k[i] == '=') break;
        }
        if (colon != std::string_view::npos) key = std::string(k.substr(0, colon));
      }
      if (colon != std::string_view::npos) {
        has_key = true;
        value = Trim(item.substr(colon + 1));
      }
    }
    if (!open.empty()) {
      Level& level = open.back();
      if (level.child == SIZE_MAX) level.child = indent;
      if (indent != level.child) continue;  // part of an entry's value
      if (dash && !has_key) {
        const size_t eq = item.find('=');
        if (eq != std::string_view::npos) {
          Define(facts, Trim(item.substr(0, eq)), file, line_no, ScalarValue(item.substr(eq + 1)));
        }
        continue;
      }
      if (!has_key) continue;
      if (dash && key == "name") {
        Define(facts, ScalarValue(value), file, line_no, "");
        continue;
      }
      if ((key == "variables" || key == "parameter-store" || key == "secrets-manager") &&
          (value.empty() || value.front() == '#')) {
        open.push_back(Level{indent});
        continue;
      }
      Define(facts, key, file, line_no, ScalarValue(value));
      continue;
    }
    if (!has_key || (key != "env" && key != "environment" && key != "variables")) continue;
    if (value.empty() || value.front() == '#') {
      open.push_back(Level{key_indent});
    } else if (value.front() == '{') {
      std::string_view flow = value.substr(1, value.find('}') == std::string_view::npos
                                                  ? std::string_view::npos
                                                  : value.find('}') - 1);
      size_t start = 0;
      while (start <= flow.size()) {
        size_t comma = flow.find(',', start);
        if (comma == std::string_view::npos) comma = flow.size();
        std::string_view entry = flow.substr(start, comma - start);
        if (size_t colon = entry.find(':'); colon != std::string_view::npos) {
          Define(facts, ScalarValue(entry.substr(0, colon)), file, line_no,
                 ScalarValue(entry.substr(colon + 1)));
        }
        start = comma + 1;
      }
    }
  }
}

// ENV NAME=value [NAME2=value2...] and the legacy ENV NAME value.
void CollectDockerfileEnv(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  static const RE2 env_line(R"re((?mi)^[ \t]*ENV[ \t]+(.*)$)re");
  static const RE2 assignment(R"re(([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*))re");
  const LineIndex lines(text);
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece rest;
  while (RE2::FindAndConsume(&input, env_line, &rest)) {
    const int line = lines.Locate(static_cast<uint32_t>(rest.data() - text.data())).line;
    re2::StringPiece args = rest;
    std::string name, value;
    bool any = false;
    while (RE2::FindAndConsume(&args, assignment, &name, &value)) {
      Define(facts, name, file, line, ScalarValue(value));
      any = true;
    }
    if (!any) {
      std::string_view r = Trim(std::string_view(rest.data(), rest.size()));
      const size_t space = r.find_first_of(" \t");
      if (space != std::string_view::npos) {
        Define(facts, r.substr(0, space), file, line, std::string(Trim(r.substr(space))));
      }
    }
  }
}

void CollectDotenv(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  const dotenv::Document doc = file.kind == FileKind::kDotenv
                                   ? dotenv::ParseDotenv(text)
                                   : dotenv::ParseComposeEnvironment(text);
  const LineIndex lines(text);
  for (const dotenv::Entry& e : doc.entries) {
    Define(facts, e.key, file, lines.Locate(e.key_range.begin).line, e.value.text);
    if (!IsEnvName(e.key)) continue;
    EnvDefinition& d = facts->env_definitions[e.key].back();
    const SourceRange r = e.value_range;
    if (r.end <= text.size() && text.substr(r.begin, r.size()) == e.value.text) {
      d.value_offset = r.begin;
      d.value_exact = true;
    }
  }
}

bool IsGraphSource(const ProjectFacts& facts, const std::string& path) {
  for (const iac::GraphSource& s : facts.graph.sources) {
    if (s.file == path) return true;
  }
  return false;
}

// The first function of the graph makes a Lambda project.
void NoteGraphFunctions(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  if (facts->lambda_project || facts->graph.functions.empty()) return;
  const iac::Function& f = facts->graph.functions.front();
  facts->lambda_project = true;
  facts->lambda_evidence = f.origin.file;
  if (f.origin.file == file.path) {
    facts->lambda_evidence += ":" + std::to_string(LineOf(text, f.origin.range.begin));
  }
  facts->lambda_evidence += " (" + f.type + ")";
}

// CloudFormation, SAM and CDK templates (a prefilter drops most YAML and
// JSON cheaply). A file a Serverless service included is the service's.
void AddTemplate(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  if (IsGraphSource(*facts, file.path)) return;
  if (iac::AddCloudFormationTemplate(file.path, text, iac::Flavor::kCloudFormation, &facts->graph,
                                     &facts->graph.problems)) {
    NoteGraphFunctions(file, text, facts);
  }
}

// Files a serverless.yml names with ${file(...)}: relative to its folder,
// regular files up to 10 MiB.
void AddService(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  const std::string dir = file.abs_path.substr(0, file.abs_path.rfind('/') + 1);
  iac::ReadServiceFile read = [&dir](std::string_view rel, std::string* path, std::string* out) {
    if (rel.empty() || rel.front() == '/') return false;
    const std::string abs = AbsolutePath(dir + std::string(rel));
    if (ReadFileBytes(abs, out, 10 << 20) != 0) return false;
    *path = DisplayPath(abs);
    return true;
  };
  if (iac::AddServerlessConfig(file.path, text, read, &facts->graph, &facts->graph.problems)) {
    NoteGraphFunctions(file, text, facts);
  }
}

// Terraform: every .tf, .tf.json and .tfvars[.json] file of the run at
// once, since a module is a folder and modules call each other. Depends on
// nothing else the pass gathers, so it can run beside the rest.
struct TerraformPart {
  iac::Graph graph;
  std::vector<std::pair<std::string, std::vector<uint32_t>>> line_starts;  // of each file read
  std::vector<std::pair<std::string, std::string>> texts;  // (abs path, bytes), when asked for
};

TerraformPart BuildTerraform(const std::vector<DiscoveredFile>& files, int jobs, bool keep_texts) {
  TerraformPart out;
  std::vector<const DiscoveredFile*> wanted;
  for (const DiscoveredFile& f : files) {
    if (f.kind != FileKind::kTerraform && f.kind != FileKind::kTerraformJson &&
        f.kind != FileKind::kTerraformVars) {
      continue;
    }
    if (iac::tf::RoleOf(f.abs_path) == iac::tf::FileRole::kOther) continue;  // *.hcl: not Terraform
    wanted.push_back(&f);
  }
  std::vector<std::optional<iac::tf::Input>> read(wanted.size());
  ParallelFor(wanted.size(), jobs, [&](size_t i) {
    std::string text;
    if (ReadFileBytes(wanted[i]->abs_path, &text, SIZE_MAX, wanted[i]->size) != 0) return;  // reported when the file itself is linted
    read[i] = iac::tf::Input{wanted[i]->path, wanted[i]->abs_path, std::move(text)};
  });
  std::vector<iac::tf::Input> inputs;
  for (std::optional<iac::tf::Input>& input : read) {
    if (!input) continue;
    inputs.push_back(std::move(*input));
    out.line_starts.emplace_back(inputs.back().path, LineStarts(inputs.back().text));
    if (keep_texts) out.texts.emplace_back(inputs.back().abs_path, inputs.back().text);
  }
  if (!inputs.empty()) out.graph = iac::BuildTerraformGraph(std::move(inputs), jobs);
  return out;
}

// The Terraform graph joins the facts after every other file.
void AddTerraformGraph(TerraformPart part, ProjectFacts* facts, FileTexts* texts) {
  for (auto& [path, starts] : part.line_starts) facts->line_starts[path] = std::move(starts);
  if (texts) {
    for (auto& [path, text] : part.texts) texts->try_emplace(std::move(path), std::move(text));
  }
  iac::Graph& graph = part.graph;
  if (!facts->lambda_project && !graph.functions.empty()) {
    const iac::Function& fn = graph.functions.front();
    facts->lambda_project = true;
    facts->lambda_evidence = fn.origin.file + " (" + fn.type + ")";
  }
  facts->graph.Merge(std::move(graph));
}

}  // namespace

// Besides what the code rules' prefilter passes, a script that reads a
// database setting from the environment (script::ScanForDatabase).
bool ScriptConcernsDatabase(std::string_view text) { return script::ScanForDatabase(text).project_facts; }

// Modules imported by relative path: './db', '../lib/secrets' (JS/TS),
// `from .db import`, `from . import db` (Python); as absolute paths without
// extension.
std::vector<std::string> RelativeImports(const std::string& abs_path, std::string_view text,
                                         bool python) {
  static const RE2 js(R"re((?:from|require\(|import\(?)\s*['"](\.\.?/[^'"]+)['"])re");
  static const RE2 py(R"re((?m)^\s*from\s+(\.+)([A-Za-z0-9_.]*)\s+import\s+([A-Za-z0-9_, ]+))re");
  const std::string dir = abs_path.substr(0, abs_path.rfind('/'));
  std::vector<std::string> out;
  re2::StringPiece input(text.data(), text.size());
  auto strip_ext = [](std::string p) {
    const size_t slash = p.rfind('/');
    const size_t dot = p.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash) &&
        dot + 1 < p.size() && p[dot + 1] != '/') {
      p.erase(dot);
    }
    return p;
  };
  if (!python) {
    std::string rel;
    while (RE2::FindAndConsume(&input, js, &rel)) out.push_back(strip_ext(AbsolutePath(dir + "/" + rel)));
  } else {
    std::string dots, module, names;
    while (RE2::FindAndConsume(&input, py, &dots, &module, &names)) {
      std::string base = dir;
      for (size_t i = 1; i < dots.size(); ++i) base = base.substr(0, base.rfind('/'));
      if (!module.empty()) {
        for (char& c : module) c = c == '.' ? '/' : c;
        out.push_back(base + "/" + module);
      } else {
        size_t start = 0;
        while (start < names.size()) {
          size_t comma = names.find(',', start);
          if (comma == std::string::npos) comma = names.size();
          std::string n(Trim(std::string_view(names).substr(start, comma - start)));
          if (!n.empty()) out.push_back(base + "/" + n);
          start = comma + 1;
        }
      }
    }
  }
  return out;
}

namespace {

// A script that concerns the database, with its relative imports, not yet
// parsed.
std::optional<ScriptFacts> DeferredScript(const DiscoveredFile& file, std::string text) {
  if (!ScriptConcernsDatabase(text)) return std::nullopt;
  const std::optional<script::Language> language = script::LanguageForPath(file.path);
  if (!language) return std::nullopt;
  ScriptFacts s;
  s.file = file.path;
  s.abs_path = file.abs_path;
  s.relative_imports = RelativeImports(file.abs_path, text, *language == script::Language::kPython);
  s.text = std::move(text);
  s.parsed = false;
  return s;
}

// Parses a deferred script for its code facts; `facts` is only read
// (several threads call this).
void ParseScript(ScriptFacts* s, const ProjectFacts& facts) {
  const std::optional<script::Language> language = script::LanguageForPath(s->file);
  if (!language) return;
  const script::SyntaxTree tree = script::SyntaxTree::Parse(s->text, *language);
  script::FactsOptions options;
  options.prisma_env_vars.assign(facts.prisma_env_vars.begin(), facts.prisma_env_vars.end());
  options.uses_prisma = facts.uses_prisma;
  s->facts = script::GatherCodeFacts(tree, options);
  s->parsed = true;
}

}  // namespace

int ScriptFacts::LineOf(uint32_t offset) const {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

int ProjectFacts::LineOf(std::string_view file, uint32_t offset) const {
  auto it = line_starts.find(file);
  if (it != line_starts.end()) return LineAt(it->second, offset);
  for (const ScriptFacts& s : scripts) {
    if (s.file == file) return s.LineOf(offset);
  }
  return 0;
}

std::string ProjectFacts::PrismaGeneration() const {
  if (prisma_major >= 7) return "Prisma 7";
  if (prisma_major >= 1) return "Prisma " + std::to_string(prisma_major);
  // No package.json tells: Prisma 7 rejects a url in the schema and reads
  // it from prisma.config.ts; 5 and 6 read it from the schema.
  if (prisma_schema_url) return "Prisma 5/6";
  if (prisma_config_ts) return "Prisma 7";
  return "Prisma";
}

bool ProjectFacts::DefinesEnv(std::string_view name) const {
  if (env_definitions.find(name) != env_definitions.end()) return true;
  for (const iac::Function& f : graph.functions) {
    if (f.Env(name)) return true;
  }
  return false;
}

void AddProjectFacts(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  re2::StringPiece input(text.data(), text.size());
  switch (file.kind) {
    case FileKind::kTerraform:
    case FileKind::kTerraformJson:
    case FileKind::kYaml:
    case FileKind::kJson: {
      if (file.kind == FileKind::kYaml && IsCiFile(file.abs_path)) CollectCiEnv(file, text, facts);
      if (file.kind == FileKind::kYaml || file.kind == FileKind::kJson) AddTemplate(file, text, facts);
      if (facts->lambda_project) break;
      re2::StringPiece match;
      if (RE2::PartialMatch(input, LambdaMarker(), &match)) {
        facts->lambda_project = true;
        facts->lambda_evidence = file.path + ":" +
                                 std::to_string(LineOf(text, match.data() - text.data()));
      }
      break;
    }
    case FileKind::kServerless:
      AddService(file, text, facts);
      if (!facts->lambda_project && RE2::PartialMatch(input, ServerlessAws())) {
        facts->lambda_project = true;
        facts->lambda_evidence = file.path + " (provider.name: aws)";
      }
      break;
    case FileKind::kPrisma: {
      facts->uses_prisma = true;
      if (RE2::PartialMatch(input, PrismaSchemaUrl())) facts->prisma_schema_url = true;
      std::string var;
      while (RE2::FindAndConsume(&input, PrismaEnvRef(), &var)) facts->prisma_env_vars.insert(var);
      break;
    }
    case FileKind::kScript:
      if (EndsWith(file.abs_path, "/prisma.config.ts") || EndsWith(file.abs_path, "/prisma.config.js")) {
        facts->uses_prisma = true;
        facts->prisma_config_ts = true;
        std::string var;
        while (RE2::FindAndConsume(&input, PrismaEnvRef(), &var)) {
          facts->prisma_env_vars.insert(var);
        }
      }
      break;
    case FileKind::kDotenv:
    case FileKind::kCompose:
      CollectDotenv(file, text, facts);
      break;
    case FileKind::kOther:
      if (IsDockerfile(file.abs_path)) CollectDockerfileEnv(file, text, facts);
      break;
    case FileKind::kPackageJson: {
      int major = 0;
      if (RE2::PartialMatch(input, PrismaVersion(), &major)) {
        facts->uses_prisma = true;
        facts->prisma_major = std::max(facts->prisma_major, major);
      }
      break;
    }
    default:
      break;
  }
}

bool MayHoldProjectFacts(std::string_view abs_path, FileKind kind) {
  switch (kind) {
    case FileKind::kTerraform:
    case FileKind::kTerraformJson:
    case FileKind::kTerraformVars:
    case FileKind::kYaml:  // every template goes into the graph; CI files
    case FileKind::kJson:
    case FileKind::kDotenv:
    case FileKind::kCompose:
    case FileKind::kServerless:
    case FileKind::kPrisma:
    case FileKind::kPackageJson:
      return true;
    case FileKind::kOther:
      return IsDockerfile(abs_path);
    case FileKind::kScript:  // prisma.config.*, and the code facts of the project rules
      return true;
    default:
      return false;
  }
}

ProjectFacts GatherProjectFacts(const std::vector<DiscoveredFile>& files, int jobs,
                                const std::function<bool(const DiscoveredFile&)>& scripts_elsewhere,
                                bool defer_scripts, FileTexts* texts, uint64_t max_file_size) {
  ProjectFacts facts;
  // The Terraform graph (the costliest part) on a thread of its own when
  // there are two jobs; the result is the same either way.
  std::optional<TerraformPart> terraform;
  std::thread terraform_thread;
  if (jobs > 1) {
    terraform_thread = std::thread([&terraform, &files, jobs, texts] { terraform = BuildTerraform(files, jobs, texts); });
  }
  // Serverless services first: the files they include are theirs, not
  // templates of their own.
  std::vector<const DiscoveredFile*> order;
  for (const DiscoveredFile& f : files) {
    if (f.kind == FileKind::kServerless) order.push_back(&f);
  }
  for (const DiscoveredFile& f : files) {
    if (f.kind != FileKind::kServerless) order.push_back(&f);
  }
  for (const DiscoveredFile* file : order) {
    const DiscoveredFile& f = *file;
    bool wanted = MayHoldProjectFacts(f.abs_path, f.kind);
    // Terraform: only for the Lambda marker here (the graph reads it all).
    if (f.kind == FileKind::kTerraform || f.kind == FileKind::kTerraformJson) {
      wanted = !facts.lambda_project;
    } else if (f.kind == FileKind::kTerraformVars) {
      wanted = false;
    } else if (f.kind == FileKind::kScript) {  // the others: DeferredScript, below
      wanted = EndsWith(f.abs_path, "/prisma.config.ts") || EndsWith(f.abs_path, "/prisma.config.js");
    }
    if (!wanted) continue;
    std::string text;
    // A script (prisma.config.*) may be listed without its size: the limit
    // applies here. Errors are reported when the file itself is linted.
    if (ReadFileBytes(f.abs_path, &text, f.size > 0 ? SIZE_MAX : max_file_size, f.size) != 0) continue;
    AddProjectFacts(f, text, &facts);
    if (f.kind == FileKind::kYaml || f.kind == FileKind::kJson || f.kind == FileKind::kServerless) {
      facts.line_starts[f.path] = LineStarts(text);
    }
    if (texts) texts->try_emplace(f.abs_path, std::move(text));
  }
  if (terraform_thread.joinable()) {
    terraform_thread.join();
  } else {
    terraform = BuildTerraform(files, jobs, texts);
  }
  AddTerraformGraph(std::move(*terraform), &facts, texts);
  // Scripts last: their facts use what Prisma reads, known by now. Parsed
  // on `jobs` threads (the slowest part of the pass when files are named
  // one by one, since the rest of the repository is read for its facts).
  std::vector<const DiscoveredFile*> scripts;
  for (const DiscoveredFile& f : files) {
    if (!IsFactsScript(f) || (scripts_elsewhere && scripts_elsewhere(f))) continue;
    scripts.push_back(&f);
  }
  ReadDeferredScripts(scripts, jobs, &facts, std::min(kMaxScriptFactsSize, max_file_size));
  if (!defer_scripts) ParseDeferredScripts(&facts, jobs, nullptr);
  return facts;
}

bool IsFactsScript(const DiscoveredFile& f) {
  return f.kind == FileKind::kScript && !EndsWith(f.abs_path, "/prisma.config.ts") &&
         !EndsWith(f.abs_path, "/prisma.config.js") && f.size <= kMaxScriptFactsSize;
}

void ReadDeferredScripts(const std::vector<const DiscoveredFile*>& files, int jobs, ProjectFacts* facts,
                         uint64_t max_size) {
  std::vector<std::optional<ScriptFacts>> read(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i) {
    std::string text;
    if (ReadFileBytes(files[i]->abs_path, &text, max_size, files[i]->size) != 0) return;  // EFBIG over max_size
    read[i] = DeferredScript(*files[i], std::move(text));
  });
  for (std::optional<ScriptFacts>& s : read) {
    if (s) facts->scripts.push_back(std::move(*s));
  }
  std::stable_sort(facts->scripts.begin(), facts->scripts.end(),
                   [](const ScriptFacts& a, const ScriptFacts& b) { return a.file < b.file; });
}

void ParseDeferredScripts(ProjectFacts* facts, int jobs,
                          const std::function<bool(const ScriptFacts&)>& keep) {
  std::vector<ScriptFacts> kept;
  kept.reserve(facts->scripts.size());
  for (ScriptFacts& s : facts->scripts) {
    if (!s.parsed && keep && !keep(s)) continue;
    kept.push_back(std::move(s));
  }
  facts->scripts = std::move(kept);
  std::vector<ScriptFacts*> unparsed;
  for (ScriptFacts& s : facts->scripts) {
    if (!s.parsed) unparsed.push_back(&s);
  }
  ParallelFor(unparsed.size(), jobs, [&](size_t i) { ParseScript(unparsed[i], *facts); });
}

}  // namespace rdslint
