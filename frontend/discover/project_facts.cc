#include "frontend/discover/project_facts.h"

#include <re2/re2.h>

#include <fstream>
#include <sstream>

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

}  // namespace

std::string ProjectFacts::PrismaGeneration() const {
  if (prisma_major >= 7 || (prisma_major == 0 && prisma_config_ts)) return "Prisma 7";
  if (prisma_major >= 1) return "Prisma " + std::to_string(prisma_major);
  return "Prisma";
}

void AddProjectFacts(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts) {
  re2::StringPiece input(text.data(), text.size());
  switch (file.kind) {
    case FileKind::kTerraform:
    case FileKind::kTerraformJson:
    case FileKind::kYaml:
    case FileKind::kJson: {
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
      if (!facts->lambda_project && RE2::PartialMatch(input, ServerlessAws())) {
        facts->lambda_project = true;
        facts->lambda_evidence = file.path + " (provider.name: aws)";
      }
      break;
    case FileKind::kPrisma: {
      facts->uses_prisma = true;
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

ProjectFacts GatherProjectFacts(const std::vector<DiscoveredFile>& files) {
  ProjectFacts facts;
  for (const DiscoveredFile& f : files) {
    bool wanted = false;
    switch (f.kind) {
      case FileKind::kTerraform:
      case FileKind::kTerraformJson:
      case FileKind::kYaml:
      case FileKind::kJson:
        wanted = !facts.lambda_project;
        break;
      case FileKind::kServerless:
      case FileKind::kPrisma:
      case FileKind::kPackageJson:
        wanted = true;
        break;
      case FileKind::kScript:
        wanted = EndsWith(f.abs_path, "/prisma.config.ts") || EndsWith(f.abs_path, "/prisma.config.js");
        break;
      default:
        break;
    }
    if (!wanted) continue;
    std::ifstream in(f.abs_path, std::ios::binary);
    if (!in) continue;  // reported when the file itself is linted
    std::stringstream ss;
    ss << in.rdbuf();
    AddProjectFacts(f, ss.str(), &facts);
  }
  return facts;
}

}  // namespace rdslint
