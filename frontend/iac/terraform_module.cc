#include "frontend/iac/terraform_module.h"

#include <algorithm>
#include <map>

#include "frontend/hcl/hcl_parser.h"
#include "frontend/hcl/tf_json.h"
#include "frontend/iac/terraform_secrets.h"
#include "frontend/iac/terraform_value.h"
#include "frontend/json/positioned_json.h"

namespace rdslint::iac::tf {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Terraform's load order for variable files: terraform.tfvars, then
// terraform.tfvars.json, then *.auto.tfvars[.json] in lexical order.
// override.tf and *_override.tf merge into the blocks they name (Terraform's
// override files); they are parsed for errors but add no definitions, so
// their blocks are not taken for duplicates.
bool IsOverride(std::string_view path) {
  std::string_view name = BaseName(path);
  for (std::string_view ext : {".tf", ".tf.json"}) {
    if (EndsWith(name, ext)) {
      std::string_view stem = name.substr(0, name.size() - ext.size());
      return stem == "override" || EndsWith(stem, "_override");
    }
  }
  return false;
}

int VarsRank(std::string_view path) {
  std::string_view name = BaseName(path);
  if (name == "terraform.tfvars") return 0;
  if (name == "terraform.tfvars.json") return 1;
  return 2;
}

}  // namespace

std::string DirName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

FileRole RoleOf(std::string_view path) {
  if (EndsWith(path, ".tf") || EndsWith(path, ".tf.json")) return FileRole::kModule;
  if (EndsWith(path, ".tfvars")) return FileRole::kVars;
  if (EndsWith(path, ".tfvars.json")) return FileRole::kVarsJson;
  return FileRole::kOther;
}

bool IsAutoVars(std::string_view path) {
  std::string_view name = BaseName(path);
  return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
         EndsWith(name, ".auto.tfvars") || EndsWith(name, ".auto.tfvars.json");
}

int SourceFile::Line(uint32_t offset) const {
  if (!lines_) lines_ = std::make_unique<LineIndex>(text);
  return lines_->Locate(offset).line;
}

std::string SourceFile::Where(uint32_t offset) const {
  return path + ":" + std::to_string(Line(offset));
}

std::string_view SourceFile::Text(SourceRange r) const {
  if (r.begin > text.size() || r.end > text.size() || r.end < r.begin) return {};
  return std::string_view(text).substr(r.begin, r.size());
}

std::string Resource::Address() const {
  return mode == "data" ? "data." + type + "." + name : type + "." + name;
}

const Resource* Module::FindResource(std::string_view address) const {
  auto it = resource_index.find(std::string(address));
  return it == resource_index.end() ? nullptr : &resources[it->second];
}

const Module* Project::ModuleAt(const std::string& abs_dir) const {
  auto it = by_dir.find(abs_dir);
  return it == by_dir.end() ? nullptr : it->second;
}

std::string JoinPath(std::string_view from_dir, std::string_view relative) {
  std::string joined = relative.substr(0, 1) == "/" ? std::string(relative)
                                                    : std::string(from_dir) + "/" + std::string(relative);
  const bool absolute = !joined.empty() && joined[0] == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t slash = joined.find('/', i);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(i, slash - i);
    i = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += "/";
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

bool IsLocalSource(std::string_view source) {
  return source.substr(0, 2) == "./" || source.substr(0, 3) == "../" || source == "." || source == "..";
}

std::optional<std::string> LiteralString(const hcl::Expression& e) {
  const hcl::Template* t = e.As<hcl::Template>();
  if (!t) return std::nullopt;
  std::string out;
  for (const hcl::TemplatePart& p : t->parts) {
    if (p.kind != hcl::TemplatePart::kLiteral) return std::nullopt;
    out += p.text.text;
  }
  return out;
}

namespace {

void Problem(Project* p, const SourceFile& f, SourceRange r, std::string message) {
  p->problems.push_back(GraphProblem{Origin{f.path, r}, std::move(message)});
}

// Terraform's words for each kind of duplicate.
struct DuplicateText {
  const char* summary;  // "Duplicate variable declaration"
  const char* noun;     // "A variable"
  const char* tail;     // "Variable names must be unique within a module."
};
constexpr DuplicateText kDupVariable{"Duplicate variable declaration", "A variable",
                                     "Variable names must be unique within a module."};
constexpr DuplicateText kDupOutput{"Duplicate output definition", "An output",
                                   "Output names must be unique within a module."};
constexpr DuplicateText kDupLocal{"Duplicate local value definition", "A local value",
                                  "Local value names must be unique within a module."};
constexpr DuplicateText kDupCall{"Duplicate module call", "A module call",
                                 "Module calls must have unique names within a module."};

// The first definition wins; Terraform rejects the second, and so do we.
bool Define(Project* p, std::unordered_map<std::string, Def>* into, const std::string& name, Def def,
            SourceRange at, const DuplicateText& text) {
  auto [it, fresh] = into->emplace(name, def);
  if (fresh) return true;
  const Def& first = it->second;
  uint32_t first_at = first.attr ? first.attr->range.begin : first.block->range.begin;
  Problem(p, *def.file, at,
          std::string(text.summary) + "; " + text.noun + " named \"" + name + "\" was already defined at " +
              first.file->Where(first_at) + ". " + text.tail);
  return false;
}

void IndexFile(Project* p, Module* m, const SourceFile& f) {
  for (const hcl::Block& b : f.body.blocks) {
    Def def{&b, nullptr, &f};
    const size_t labels = b.labels.size();
    auto label = [&](size_t i) { return b.labels[i].value; };
    if (b.type == "variable" && labels == 1) {
      Define(p, &m->variables, label(0), def, b.labels[0].range, kDupVariable);
    } else if (b.type == "output" && labels == 1) {
      Define(p, &m->outputs, label(0), def, b.labels[0].range, kDupOutput);
    } else if (b.type == "module" && labels == 1) {
      if (Define(p, &m->calls, label(0), def, b.labels[0].range, kDupCall)) m->call_order.push_back(label(0));
    } else if (b.type == "locals" && labels == 0) {
      for (const hcl::Attribute& a : b.body.attributes) {
        Define(p, &m->locals, a.name, Def{&b, &a, &f}, a.name_range, kDupLocal);
      }
    } else if ((b.type == "resource" || b.type == "data") && labels == 2) {
      Resource r{b.type, label(0), label(1), def};
      std::string address = r.Address();
      auto [it, fresh] = m->resource_index.emplace(address, m->resources.size());
      if (!fresh) {
        const Resource& first = m->resources[it->second];
        Problem(p, f, b.labels[1].range,
                std::string("Duplicate ") + (b.type == "data" ? "data" : "resource") + " \"" + label(0) +
                    "\" configuration; A " + label(0) + " " + (b.type == "data" ? "data resource" : "resource") +
                    " named \"" + label(1) + "\" was already declared at " +
                    first.def.file->Where(first.def.block->range.begin) +
                    ". Resource names must be unique per type in each module.");
        continue;
      }
      m->resources.push_back(std::move(r));
    }
  }
}

void ParseText(SourceFile* f);

// An error HCL reports at a newline token points at the end of its line
// (a range holding the newline would end on the next line).
void AtLineEnds(std::string_view text, std::vector<hcl::Error>* errors) {
  for (hcl::Error& e : *errors) {
    if (e.range.end > text.size() || e.range.empty()) continue;
    std::string_view covered = text.substr(e.range.begin, e.range.size());
    if (covered.find_first_not_of("\r\n") == std::string_view::npos) e.range.end = e.range.begin;
  }
}

void Parse(SourceFile* f) {
  ParseText(f);
  AtLineEnds(f->text, &f->errors);
}

void ParseText(SourceFile* f) {
  if (f->role == FileRole::kVarsJson) {
    json::ParseResult j = json::ParseJson(f->text);
    for (const json::Error& e : j.errors) f->errors.push_back(hcl::Error{e.range, e.message});
    if (j.ok() && !j.value.is_object()) {
      f->errors.push_back(hcl::Error{j.value.range,
                                     "Invalid variables file; The root value of a variables file must be a JSON object."});
    } else if (j.ok()) {
      f->vars_json = FromJsonFile(j.value, f->path);
    }
    return;
  }
  hcl::ParseResult r = f->json ? hcl::ParseTfJson(f->text) : hcl::ParseHcl(f->text);
  f->body = std::move(r.body);
  f->errors = std::move(r.errors);
  if (f->role == FileRole::kVars) {
    for (const hcl::Block& b : f->body.blocks) {
      f->errors.push_back(hcl::Error{b.type_range, "Unexpected \"" + b.type + "\" block; Blocks are not allowed here."});
    }
  }
}

}  // namespace

FileCheck CheckFile(std::string_view path, std::string_view text) {
  SourceFile f;
  f.path = std::string(path);
  f.text = std::string(text);
  f.role = RoleOf(path);
  f.json = f.role != FileRole::kOther && EndsWith(path, ".json");
  Parse(&f);
  FileCheck out;
  out.errors = std::move(f.errors);
  if (f.role == FileRole::kVarsJson) {
    for (const auto& [k, v] : f.vars_json.entries) {
      if (!IsPasswordName(k) || v.kind != Value::Kind::kString) continue;
      for (const Segment& seg : v.segments) out.secrets.push_back(seg.origin.range);
    }
  } else {
    out.secrets = SecretRanges(f.body);
  }
  return out;
}

Project LoadProject(std::vector<Input> inputs) {
  Project p;
  std::map<std::string, std::vector<SourceFile*>> dirs;  // sorted: deterministic
  for (Input& in : inputs) {
    FileRole role = RoleOf(in.path);
    if (role == FileRole::kOther) continue;
    auto f = std::make_unique<SourceFile>();
    f->path = std::move(in.path);
    f->abs_path = std::move(in.abs_path);
    f->text = std::move(in.text);
    f->role = role;
    f->json = EndsWith(f->path, ".json");
    Parse(f.get());
    for (const hcl::Error& e : f->errors) Problem(&p, *f, e.range, e.message);
    dirs[DirName(f->abs_path)].push_back(f.get());
    p.files.push_back(std::move(f));
  }

  for (auto& [abs_dir, files] : dirs) {
    auto m = std::make_unique<Module>();
    m->abs_dir = abs_dir;
    bool has_module_files = false;
    std::vector<const SourceFile*> vars;
    for (SourceFile* f : files) {
      if (f->role == FileRole::kModule) {
        has_module_files = true;
        if (m->dir.empty()) m->dir = DirName(f->path);
        m->files.push_back(f);
        if (!IsOverride(f->path)) IndexFile(&p, m.get(), *f);
      } else if (IsAutoVars(f->path)) {
        vars.push_back(f);
      }
    }
    if (!has_module_files) continue;  // a folder of .tfvars alone is no module
    std::stable_sort(vars.begin(), vars.end(), [](const SourceFile* a, const SourceFile* b) {
      int ra = VarsRank(a->path), rb = VarsRank(b->path);
      if (ra != rb) return ra < rb;
      return BaseName(a->path) < BaseName(b->path);
    });
    m->auto_vars = std::move(vars);
    p.by_dir[abs_dir] = m.get();
    p.modules.push_back(std::move(m));
  }

  // Roots: modules no module of the run calls. Modules reachable from no
  // root (they only call each other, in a cycle) become roots too, so that
  // they are read and the cycle is reported.
  std::unordered_map<const Module*, bool> called, reached;
  auto callees = [&](const Module* m) {
    std::vector<const Module*> out;
    for (const std::string& name : m->call_order) {
      const Def& call = m->calls.at(name);
      const hcl::Attribute* src = call.block->body.FindAttribute("source");
      if (!src) continue;
      std::optional<std::string> s = LiteralString(*src->expr);
      if (!s || !IsLocalSource(*s)) continue;
      if (const Module* c = p.ModuleAt(JoinPath(m->abs_dir, *s)); c && c != m) out.push_back(c);
    }
    return out;
  };
  for (const auto& m : p.modules) {
    for (const Module* c : callees(m.get())) called[c] = true;
  }
  auto reach = [&](const Module* root) {
    std::vector<const Module*> stack{root};
    while (!stack.empty()) {
      const Module* m = stack.back();
      stack.pop_back();
      if (reached[m]) continue;
      reached[m] = true;
      for (const Module* c : callees(m)) stack.push_back(c);
    }
  };
  for (const auto& m : p.modules) {
    if (!called[m.get()]) {
      p.roots.push_back(m.get());
      reach(m.get());
    }
  }
  for (const auto& m : p.modules) {
    if (!reached[m.get()]) {
      p.roots.push_back(m.get());
      reach(m.get());
    }
  }
  return p;
}

}  // namespace rdslint::iac::tf
