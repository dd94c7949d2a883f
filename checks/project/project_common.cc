#include "checks/project/project_common.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "checks/iac/iac_common.h"
#include "frontend/discover/discover.h"

namespace rdslint::project {
namespace {

std::string Dir(const std::string& abs) {
  const size_t slash = abs.rfind('/');
  return slash == std::string::npos || slash == 0 ? "/" : abs.substr(0, slash);
}

std::string WithoutExtension(const std::string& path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) return path.substr(0, dot);
  return path;
}

std::string Stem(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.find('.');
  return std::string(dot == std::string_view::npos ? path : path.substr(0, dot));
}

bool Below(const std::string& file, const std::string& dir) {
  if (dir == "/") return true;
  return file.size() > dir.size() && file.compare(0, dir.size(), dir) == 0 && file[dir.size()] == '/';
}

// The run of `by_path` (sorted by absolute path) below `dir`.
using ScriptRun = std::pair<std::vector<const ScriptFacts*>::const_iterator, std::vector<const ScriptFacts*>::const_iterator>;
ScriptRun ScriptsBelow(const std::string& dir, const std::vector<const ScriptFacts*>& by_path) {
  if (dir == "/") return {by_path.begin(), by_path.end()};
  const std::string prefix = dir + "/";
  auto from = std::lower_bound(by_path.begin(), by_path.end(), prefix,
                               [](const ScriptFacts* s, const std::string& p) { return s->abs_path < p; });
  auto to = from;
  while (to != by_path.end() && (*to)->abs_path.compare(0, prefix.size(), prefix) == 0) ++to;
  return {from, to};
}

bool IsArchive(std::string_view p) {
  for (std::string_view ext : {".zip", ".jar", ".tar.gz", ".tgz"}) {
    if (p.size() >= ext.size() && p.substr(p.size() - ext.size()) == ext) return true;
  }
  return false;
}

// The handler's module: "dist/handler.handler" -> "dist/handler";
// Python's "pkg.app.lambda_handler" -> "pkg/app".
std::string HandlerModule(const iac::Function& fn) {
  if (!fn.handler.is_literal_string()) return "";
  const std::string& h = fn.handler.text;
  const size_t dot = h.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  std::string module = h.substr(0, dot);
  if (module.find('/') == std::string::npos) {
    for (char& c : module) c = c == '.' ? '/' : c;
  }
  return module;
}

// The folder the function's code comes from (CodeUri, source_dir, a
// Serverless service's folder), or "" when the project does not say (a
// built archive).
std::string CodeDir(const iac::Function& fn) {
  const std::string iac_dir = Dir(AbsolutePath(fn.origin.file));
  if (iacrules::IsServerlessFunction(fn)) return iac_dir;
  if (!fn.code_path.is_literal_string() || fn.code_path.text.empty() || IsArchive(fn.code_path.text) ||
      fn.code_path.text.rfind("s3://", 0) == 0) {
    return "";
  }
  std::string p = AbsolutePath(iac_dir + "/" + fn.code_path.text);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// Where a function's handler file is looked for, by path alone: scripts
// named like the handler's module (its stem; "" when the handler says no
// module) below the code folder, or without one (a built archive) below the
// IaC file's folder's parent (infra/main.tf and src/). ProjectIndex links
// by this, and ReadScriptsFor reads by it.
struct HandlerPlace {
  std::string stem;
  std::string code_dir;  // "" when the project does not say
  std::string dir;       // where the handler's file may be
};

HandlerPlace HandlerPlaceOf(const iac::Function& fn) {
  HandlerPlace p;
  const std::string module = HandlerModule(fn);
  if (!module.empty()) p.stem = Stem(module);
  p.code_dir = CodeDir(fn);
  p.dir = p.code_dir.empty() ? Dir(Dir(AbsolutePath(fn.origin.file))) : p.code_dir;
  return p;
}

std::string CodeKey(const iac::Function& fn) {
  return iacrules::IsTerraform(fn) ? "source_dir" : iacrules::IsServerlessFunction(fn) ? "service folder"
                                                                                        : "CodeUri";
}

}  // namespace

ProjectIndex::ProjectIndex(const ProjectFacts& facts) : facts_(facts) {
  // Scripts by module path, by file stem (in the facts' order) and by path
  // (sorted: the scripts below a folder are one run of it), so that linking
  // costs what the links cost, not functions x scripts.
  std::map<std::string, const ScriptFacts*> by_module;  // abs path without extension
  std::unordered_map<std::string, std::vector<const ScriptFacts*>> by_stem;
  std::vector<const ScriptFacts*> by_path;
  links_.reserve(facts.scripts.size());
  for (const ScriptFacts& s : facts.scripts) {
    by_module.emplace(WithoutExtension(s.abs_path), &s);
    by_stem[Stem(s.abs_path)].push_back(&s);
    by_path.push_back(&s);
    links_[&s];
  }
  std::stable_sort(by_path.begin(), by_path.end(),
                   [](const ScriptFacts* a, const ScriptFacts* b) { return a->abs_path < b->abs_path; });
  static const std::vector<const ScriptFacts*> kNoScripts;
  for (const iac::Function& fn : facts.graph.functions) {
    const HandlerPlace place = HandlerPlaceOf(fn);
    const std::string& stem = place.stem;
    const std::string& code_dir = place.code_dir;
    std::set<const ScriptFacts*> linked;
    std::vector<const ScriptFacts*> queue;
    // The handler's files: the stem's scripts below the folder, from
    // whichever list is shorter (every service has a src/handler.ts), in
    // the facts' order (their addresses', as they are one vector).
    std::vector<const ScriptFacts*> handlers;
    if (!stem.empty()) {
      const std::string& dir = place.dir;
      auto bucket = by_stem.find(stem);
      const std::vector<const ScriptFacts*>& same_stem = bucket == by_stem.end() ? kNoScripts : bucket->second;
      const auto [from, to] = ScriptsBelow(dir, by_path);
      if (static_cast<size_t>(to - from) < same_stem.size()) {
        for (auto it = from; it != to; ++it) {
          if (Stem((*it)->abs_path) == stem) handlers.push_back(*it);
        }
        std::sort(handlers.begin(), handlers.end());
      } else {
        for (const ScriptFacts* s : same_stem) {
          if (Below(s->abs_path, dir)) handlers.push_back(s);
        }
      }
    }
    for (const ScriptFacts* s : handlers) {
      links_[s].push_back(FunctionLink{&fn, "through its handler " + fn.handler.text});
      linked.insert(s);
      queue.push_back(s);
    }
    // What the handler imports by relative path, transitively.
    while (!queue.empty()) {
      const ScriptFacts* s = queue.back();
      queue.pop_back();
      for (const std::string& imp : s->relative_imports) {
        auto it = by_module.find(imp);
        if (it == by_module.end()) it = by_module.find(imp + "/index");
        if (it == by_module.end() || !linked.insert(it->second).second) continue;
        links_[it->second].push_back(
            FunctionLink{&fn, "as a module its handler " + fn.handler.text + " imports (from " + s->file + ")"});
        queue.push_back(it->second);
      }
    }
    if (code_dir.empty()) continue;
    const auto [from, to] = ScriptsBelow(code_dir, by_path);
    for (auto it = from; it != to; ++it) {
      if (linked.count(*it)) continue;
      links_[*it].push_back(FunctionLink{
          &fn, "through its " + CodeKey(fn) + " " +
                   (fn.code_path.is_literal_string() ? fn.code_path.text : std::string("folder"))});
    }
  }
  // A script's links are grouped by function (the loop above), so one
  // look at the last entry keeps each script once per function.
  for (const ScriptFacts& s : facts.scripts) {
    for (const FunctionLink& l : links_[&s]) {
      std::vector<const ScriptFacts*>& scripts = scripts_of_[l.function];
      if (scripts.empty() || scripts.back() != &s) scripts.push_back(&s);
    }
  }
}

const std::vector<FunctionLink>& ProjectIndex::LinksOf(const ScriptFacts& s) const {
  static const std::vector<FunctionLink> kNone;
  auto it = links_.find(&s);
  return it == links_.end() ? kNone : it->second;
}

std::vector<FunctionLink> ProjectIndex::FunctionsFor(const ScriptFacts& s, bool* fallback) const {
  const std::vector<FunctionLink>& linked = LinksOf(s);
  *fallback = linked.empty();
  if (!linked.empty()) return linked;
  std::vector<FunctionLink> all;
  for (const iac::Function& fn : facts_.graph.functions) all.push_back(FunctionLink{&fn, ""});
  return all;
}

std::vector<const ScriptFacts*> ProjectIndex::ScriptsOf(const iac::Function& fn) const {
  auto it = scripts_of_.find(&fn);
  return it == scripts_of_.end() ? std::vector<const ScriptFacts*>() : it->second;
}

std::string ProjectIndex::Where(const iac::Origin& o) const {
  const int line = facts_.LineOf(o.file, o.range.begin);
  return line > 0 ? o.file + ":" + std::to_string(line) : o.file;
}

std::string ProjectIndex::Where(const ScriptFacts& s, uint32_t offset) const {
  return s.file + ":" + std::to_string(s.LineOf(offset));
}

std::optional<std::set<const iac::Function*>> FunctionsConcerning(const ProjectIndex& index,
                                                                  const std::set<std::string>& named) {
  std::set<const iac::Function*> functions;
  for (const ScriptFacts& s : index.facts().scripts) {
    if (!named.count(s.abs_path)) continue;
    const std::vector<FunctionLink>& links = index.LinksOf(s);
    if (links.empty()) return std::nullopt;
    for (const FunctionLink& l : links) functions.insert(l.function);
  }
  for (const iac::Function& fn : index.graph().functions) {
    bool touched = named.count(AbsolutePath(fn.origin.file)) > 0;
    for (const iac::EnvVar& e : fn.environment) {
      touched |= !e.name_origin.file.empty() && named.count(AbsolutePath(e.name_origin.file)) > 0;
    }
    if (touched) functions.insert(&fn);
  }
  return functions;
}

std::optional<std::set<const ScriptFacts*>> ScriptsNeededFor(const ProjectIndex& index,
                                                             const std::set<std::string>& named) {
  const std::optional<std::set<const iac::Function*>> functions = FunctionsConcerning(index, named);
  if (!functions) return std::nullopt;
  std::set<const ScriptFacts*> needed;
  for (const ScriptFacts& s : index.facts().scripts) {
    if (named.count(s.abs_path)) needed.insert(&s);
    for (const FunctionLink& l : index.LinksOf(s)) {
      if (functions->count(l.function)) needed.insert(&s);
    }
  }
  return needed;
}

void ReadScriptsFor(const std::vector<const DiscoveredFile*>& scripts, const std::set<std::string>& named,
                    int jobs, uint64_t max_size, ProjectFacts* facts) {
  std::unordered_map<std::string, std::vector<const DiscoveredFile*>> by_module;  // abs path without extension
  std::unordered_map<std::string, std::vector<const DiscoveredFile*>> by_stem;
  for (const DiscoveredFile* f : scripts) {
    by_module[WithoutExtension(f->abs_path)].push_back(f);
    by_stem[Stem(f->abs_path)].push_back(f);
  }
  std::set<const DiscoveredFile*> done;
  auto read = [&](std::vector<const DiscoveredFile*> batch) {
    std::sort(batch.begin(), batch.end());
    batch.erase(std::unique(batch.begin(), batch.end()), batch.end());
    batch.erase(std::remove_if(batch.begin(), batch.end(), [&](const DiscoveredFile* f) { return !done.insert(f).second; }),
                batch.end());
    ReadDeferredScripts(batch, jobs, facts, max_size);
  };
  // What links the named scripts to functions: the named scripts, every
  // file a handler may be (by path, as ProjectIndex matches them) and what
  // those import by relative path, transitively.
  std::vector<const DiscoveredFile*> batch;
  for (const DiscoveredFile* f : scripts) {
    if (named.count(f->abs_path)) batch.push_back(f);
  }
  for (const iac::Function& fn : facts->graph.functions) {
    const HandlerPlace place = HandlerPlaceOf(fn);
    if (place.stem.empty()) continue;
    auto bucket = by_stem.find(place.stem);
    if (bucket == by_stem.end()) continue;
    for (const DiscoveredFile* f : bucket->second) {
      if (Below(f->abs_path, place.dir)) batch.push_back(f);
    }
  }
  while (!batch.empty()) {
    read(std::move(batch));
    batch.clear();
    for (const ScriptFacts& s : facts->scripts) {
      for (const std::string& imp : s.relative_imports) {
        for (const std::string& key : {imp, imp + "/index"}) {
          auto it = by_module.find(key);
          if (it == by_module.end()) continue;
          for (const DiscoveredFile* f : it->second) {
            if (!done.count(f)) batch.push_back(f);
          }
        }
      }
    }
  }
  // Then every script of the functions the named files concern (their code
  // folders); every script when a named one is linked to no function.
  const std::optional<std::set<const iac::Function*>> functions = FunctionsConcerning(ProjectIndex(*facts), named);
  if (!functions) {
    read(scripts);
    return;
  }
  for (const iac::Function* fn : *functions) {
    const std::string code_dir = CodeDir(*fn);
    if (code_dir.empty()) continue;
    for (const DiscoveredFile* f : scripts) {
      if (Below(f->abs_path, code_dir)) batch.push_back(f);
    }
  }
  read(std::move(batch));
}

std::string FunctionText(const ProjectIndex& index, const iac::Function& fn) {
  return iacrules::NodeName(fn) + " (" + index.Where(fn.origin) + ")";
}

std::string RoleText(const ProjectIndex& index, const iac::Role& role) {
  return "the role " + iacrules::NodeName(role) + " (" + index.Where(role.origin) + ")";
}

std::string LinkText(const FunctionLink& link, bool fallback) {
  if (fallback) return " (" + std::string(kFallbackNote) + ")";
  return link.how.empty() ? "" : ", linked " + link.how;
}

std::string EnvVarOf(const script::ValuePtr& v) {
  if (!v || !v->taint.env()) return "";
  if (v->kind == script::Value::Kind::kUnknown) return v->taint.env_name;
  // A string that is one environment variable, nothing more.
  if (v->is_string() && v->holes.size() == 1 && v->holes[0].begin == 0 &&
      v->holes[0].end == v->text.size()) {
    return v->holes[0].taint.env_name;
  }
  return "";
}

std::optional<std::string> CodeLiteral(const script::ValuePtr& v) {
  if (v && v->is_literal_string()) return v->text;
  return std::nullopt;
}

void Relate(Finding& f, const iac::Origin& where, std::string message) {
  if (!where.known()) return;
  RelatedLocation r;
  r.location.file = where.file;
  r.location.range = where.range;
  r.message = std::move(message);
  f.related.push_back(std::move(r));
}

void Relate(Finding& f, const ScriptFacts& s, SourceRange range, std::string message) {
  Relate(f, iac::Origin{s.file, range}, std::move(message));
}

Finding* OnceReporter::Report(const std::string& file, SourceRange range, std::string message) {
  if (!seen_.emplace(std::make_tuple(file, range.begin, range.end), true).second) return nullptr;
  return &ctx_.ReportAt(file, range, std::move(message));
}

}  // namespace rdslint::project
