// The C++ pack's facts in the form the project rules read: the code facts
// of a script (frontend/script/code_facts.h). A C++ file's environment
// reads, Secrets Manager reads (with their SecretId), RDS IAM tokens (user
// and host) and connection strings become the same EnvRead, CredentialRead
// and CodeUrl a TypeScript or Python file gives, so the five project rules
// judge C++ Lambda code against the IaC graph without a second copy.
#ifndef RDSLINT_CHECKS_PROJECT_CPP_FACTS_H_
#define RDSLINT_CHECKS_PROJECT_CPP_FACTS_H_

#include <string>

#include "checks/cpp/cpp_file.h"
#include "frontend/discover/project_facts.h"

namespace rdslint::project {

// A C++ string value as a script value: literal bytes keep their offsets,
// holes their expression and where they come from (getenv -> environment,
// GetSecretValue -> secret, GenerateConnectAuthToken -> IAM token).
// `where` is the expression's range; bytes rdslint wrote itself point there.
script::ValuePtr CppValue(const CppString& s, SourceRange where);

// `file`'s facts for the project rules; `text` is kept for line numbers.
ScriptFacts CppScriptFacts(const CppFile& file, std::string path, std::string abs_path,
                           std::string text);

}  // namespace rdslint::project

#endif  // RDSLINT_CHECKS_PROJECT_CPP_FACTS_H_
