// Terraform as Terraform reads it: every folder of .tf / .tf.json files is
// one module; a root module is a folder no other module of the run calls
// (with `source = "./..."`), and its terraform.tfvars, *.auto.tfvars and
// their .json forms set its variables. Each file is parsed once; the
// modules are indexes into the parsed files.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_MODULE_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_MODULE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source.h"
#include "frontend/hcl/hcl_ast.h"
#include "frontend/iac/graph.h"

namespace rdslint::iac::tf {

// A file handed to the Terraform frontend.
struct Input {
  std::string path;      // as reported (Origin::file)
  std::string abs_path;  // absolute; folders group files into modules
  std::string text;
};

enum class FileRole { kModule, kVars, kVarsJson, kOther };
// .tf / .tf.json: kModule; .tfvars: kVars; .tfvars.json: kVarsJson.
FileRole RoleOf(std::string_view path);
// terraform.tfvars[.json] or *.auto.tfvars[.json]: loaded by Terraform itself.
bool IsAutoVars(std::string_view path);

struct SourceFile {
  std::string path;
  std::string abs_path;
  std::string text;
  FileRole role = FileRole::kOther;
  bool json = false;
  hcl::Body body;          // kModule, kVars
  Value vars_json;         // kVarsJson: the object
  std::vector<hcl::Error> errors;

  int Line(uint32_t offset) const;  // 1-based
  // "path:line" for messages.
  std::string Where(uint32_t offset) const;
  std::string_view Text(SourceRange r) const;

 private:
  mutable std::unique_ptr<LineIndex> lines_;
};

// A block or attribute of a module, with the file it is written in.
struct Def {
  const hcl::Block* block = nullptr;
  const hcl::Attribute* attr = nullptr;  // locals
  const SourceFile* file = nullptr;
};

struct Resource {
  std::string mode;  // "resource" or "data"
  std::string type;
  std::string name;
  Def def;
  // "aws_db_instance.main" / "data.aws_iam_policy_document.x"
  std::string Address() const;
};

struct Module {
  std::string abs_dir;
  std::string dir;  // as reported
  std::vector<const SourceFile*> files;
  std::vector<const SourceFile*> auto_vars;  // in Terraform's load order
  std::unordered_map<std::string, Def> variables, locals, outputs, calls;
  std::vector<std::string> call_order;       // module calls in source order
  std::vector<Resource> resources;           // in source order
  std::unordered_map<std::string, size_t> resource_index;  // Address() -> index

  const Resource* FindResource(std::string_view address) const;
};

// Everything read, parsed and indexed.
struct Project {
  std::vector<std::unique_ptr<SourceFile>> files;    // in input order
  std::vector<std::unique_ptr<Module>> modules;      // sorted by folder
  std::unordered_map<std::string, Module*> by_dir;   // abs_dir -> module
  std::vector<Module*> roots;                        // sorted by folder
  std::vector<GraphProblem> problems;                // syntax errors, duplicates
  // Node ids carry their root's folder even with one root: set when a run
  // is built in independent parts (terraform_graph.cc), so that each part
  // names its nodes as the whole run would.
  bool qualify_ids = false;

  const Module* ModuleAt(const std::string& abs_dir) const;
};

Project LoadProject(std::vector<Input> inputs);

// One file read alone, as LoadProject reads it (a .hcl file as native HCL):
// its syntax errors and the ranges holding secrets (terraform_secrets.h).
// For the linter, when it holds text the project was not built from.
struct FileCheck {
  std::vector<hcl::Error> errors;
  std::vector<SourceRange> secrets;
};
FileCheck CheckFile(std::string_view path, std::string_view text);

// The folder of a path ("." when it has none), as modules are keyed.
std::string DirName(std::string_view path);
// "./modules/db" relative to `from_dir`, normalised ("a/./b/../c" -> "a/c").
std::string JoinPath(std::string_view from_dir, std::string_view relative);
// The module `source` of a call when it is a local path ("./x", "../x").
bool IsLocalSource(std::string_view source);
// The literal text of an expression that is a plain string, else nullopt.
std::optional<std::string> LiteralString(const hcl::Expression& e);

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_MODULE_H_
