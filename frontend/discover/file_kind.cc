#include "frontend/discover/file_kind.h"

#include <string>

namespace rdslint {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

FileKind ClassifyPath(std::string_view path) {
  const std::string name = Lower(BaseName(path));
  if (name == ".env" || StartsWith(name, ".env.") || EndsWith(name, ".env")) {
    return FileKind::kDotenv;
  }
  if (name == "package.json") return FileKind::kPackageJson;
  if (EndsWith(name, ".tf.json") || EndsWith(name, ".tfvars.json")) return FileKind::kTerraformJson;
  if (EndsWith(name, ".tf") || EndsWith(name, ".hcl")) return FileKind::kTerraform;
  if (EndsWith(name, ".tfvars")) return FileKind::kTerraformVars;
  if (EndsWith(name, ".prisma")) return FileKind::kPrisma;
  const bool yaml = EndsWith(name, ".yml") || EndsWith(name, ".yaml");
  if (yaml && (StartsWith(name, "docker-compose") || StartsWith(name, "compose"))) {
    return FileKind::kCompose;
  }
  if (yaml && StartsWith(name, "serverless")) return FileKind::kServerless;
  if (yaml) return FileKind::kYaml;
  if (EndsWith(name, ".json")) return FileKind::kJson;
  for (std::string_view ext : {".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".py"}) {
    if (EndsWith(name, ext)) return FileKind::kScript;
  }
  for (std::string_view ext : {".cc", ".cpp", ".cxx", ".c", ".h", ".hh", ".hpp", ".hxx"}) {
    if (EndsWith(name, ext)) return FileKind::kCpp;
  }
  return FileKind::kOther;
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kDotenv: return "dotenv";
    case FileKind::kCompose: return "compose";
    case FileKind::kTerraform: return "terraform";
    case FileKind::kTerraformVars: return "tfvars";
    case FileKind::kTerraformJson: return "terraform-json";
    case FileKind::kServerless: return "serverless";
    case FileKind::kYaml: return "yaml";
    case FileKind::kJson: return "json";
    case FileKind::kPrisma: return "prisma";
    case FileKind::kPackageJson: return "package-json";
    case FileKind::kScript: return "script";
    case FileKind::kCpp: return "cpp";
    case FileKind::kOther: return "other";
  }
  return "other";
}

bool IsEnvTemplate(std::string_view path) {
  const std::string name = Lower(BaseName(path));
  for (std::string_view marker : {"example", "sample", "template", "dist", "tmpl"}) {
    if (name.find(marker) != std::string::npos) return true;
  }
  return false;
}

CommentSyntax CommentSyntaxFor(FileKind kind, std::string_view path) {
  switch (kind) {
    case FileKind::kDotenv:
    case FileKind::kCompose:
    case FileKind::kServerless:
    case FileKind::kYaml:
    case FileKind::kTerraformVars:
      return CommentSyntax{true, false, false};
    case FileKind::kTerraform:
      return CommentSyntax{true, true, true};
    case FileKind::kPrisma:
      return CommentSyntax{false, true, false};
    case FileKind::kScript:
      if (EndsWith(path, ".py")) return CommentSyntax{true, false, false};
      return CommentSyntax{false, true, true};
    case FileKind::kCpp:
      return CommentSyntax{false, true, true};
    case FileKind::kTerraformJson:
    case FileKind::kJson:
    case FileKind::kPackageJson:
    case FileKind::kOther:
      return CommentSyntax{};
  }
  return CommentSyntax{};
}

}  // namespace rdslint
