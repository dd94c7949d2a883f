// Wording shared by the env checks, so that every message names the
// variable the same way.
#ifndef RDSLINT_CHECKS_ENV_ENV_MESSAGES_H_
#define RDSLINT_CHECKS_ENV_ENV_MESSAGES_H_

#include <string>

#include "checks/env/env_file.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {

// "DATABASE_URL" for a .env entry, "DATABASE_URL (service api)" would need
// the service; compose entries are named by key alone, as users read them.
inline std::string VarName(const EnvValue& v) { return v.entry->key; }

// Whether the variable holds the URL Prisma connects with.
bool IsPrismaUrl(const EnvValue& v, const ProjectFacts& project);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_ENV_ENV_MESSAGES_H_
