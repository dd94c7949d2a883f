#include "checks/code/script_file.h"

namespace rdslint {
namespace {

std::string_view Stem(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.find('.');
  return dot == std::string_view::npos ? path : path.substr(0, dot);
}

}  // namespace

std::vector<std::string> GraphHandlerNames(const ProjectFacts& project, std::string_view path) {
  std::vector<std::string> names;
  const std::string_view stem = Stem(path);
  for (const iac::Function& fn : project.graph.functions) {
    if (fn.handler.kind != iac::Value::Kind::kString || !fn.handler.holes.empty()) continue;
    const std::string& h = fn.handler.text;  // "src/handler.handler", "app.lambda_handler"
    const size_t dot = h.rfind('.');
    if (dot == std::string::npos || dot + 1 >= h.size()) continue;
    if (Stem(std::string_view(h).substr(0, dot)) != stem) continue;
    names.push_back(h.substr(dot + 1));
  }
  return names;
}

HandlerIndex::HandlerIndex(const ProjectFacts& project) {
  for (const iac::Function& fn : project.graph.functions) {
    if (fn.handler.kind != iac::Value::Kind::kString || !fn.handler.holes.empty()) continue;
    const std::string& h = fn.handler.text;
    const size_t dot = h.rfind('.');
    if (dot == std::string::npos || dot + 1 >= h.size()) continue;
    by_stem_[std::string(Stem(std::string_view(h).substr(0, dot)))].push_back(h.substr(dot + 1));
  }
}

std::vector<std::string> HandlerIndex::Names(std::string_view path) const {
  auto it = by_stem_.find(std::string(Stem(path)));
  return it == by_stem_.end() ? std::vector<std::string>() : it->second;
}

ScriptFile PrepareScriptFile(const script::SyntaxTree& tree, std::string_view path,
                             const ProjectFacts& project, SecretMask* mask,
                             const HandlerIndex* handlers) {
  script::FactsOptions options;
  options.handler_names = handlers ? handlers->Names(path) : GraphHandlerNames(project, path);
  options.prisma_env_vars.assign(project.prisma_env_vars.begin(), project.prisma_env_vars.end());
  options.uses_prisma = project.uses_prisma;
  ScriptFile file(tree, script::GatherCodeFacts(tree, options));
  for (const SourceRange& r : file.facts.secret_literals) mask->Add(r);
  return file;
}

}  // namespace rdslint
