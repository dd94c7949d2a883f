// What kind of file a path is, from its name alone.
#ifndef RDSLINT_FRONTEND_DISCOVER_FILE_KIND_H_
#define RDSLINT_FRONTEND_DISCOVER_FILE_KIND_H_

#include <string_view>

#include "core/nolint.h"

namespace rdslint {

enum class FileKind {
  kDotenv,          // .env, .env.*, *.env
  kCompose,         // docker-compose*.yml, compose*.yaml
  kTerraform,       // *.tf, *.hcl
  kTerraformVars,   // *.tfvars
  kTerraformJson,   // *.tf.json, *.tfvars.json
  kServerless,      // serverless.yml / serverless.yaml
  kYaml,            // other *.yml / *.yaml (CloudFormation, SAM, ...)
  kJson,            // other *.json (CDK output, ...)
  kPrisma,          // *.prisma
  kPackageJson,     // package.json
  kScript,          // .ts .tsx .mts .cts .js .jsx .mjs .cjs .py
  kCpp,             // .cc .cpp .cxx .c .h .hh .hpp .hxx
  kOther,
};

FileKind ClassifyPath(std::string_view path);
std::string_view FileKindName(FileKind kind);

// Whether a .env file is a template whose values are placeholders by intent
// (.env.example, .env.sample, .env.template, .env.dist).
bool IsEnvTemplate(std::string_view path);

CommentSyntax CommentSyntaxFor(FileKind kind, std::string_view path);

}  // namespace rdslint

#endif  // RDSLINT_FRONTEND_DISCOVER_FILE_KIND_H_
