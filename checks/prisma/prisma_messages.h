// Wording shared by the prisma checks, so that every message names a
// setting and the project's Prisma generation the same way.
#ifndef RDSLINT_CHECKS_PRISMA_PRISMA_MESSAGES_H_
#define RDSLINT_CHECKS_PRISMA_PRISMA_MESSAGES_H_

#include <string>

#include "checks/prisma/prisma_file.h"

namespace rdslint {

// "url of datasource db" in a schema, "datasource.url in prisma.config.ts".
inline std::string SettingName(const PrismaFile& file, const PrismaDatasource& ds,
                               const PrismaUrl& u) {
  if (file.source == PrismaFile::Source::kConfig) return "datasource." + u.key_name + " in prisma.config.ts";
  return u.key_name + " of datasource " + ds.name;
}

// "this Prisma 6 project" / "this Prisma 5/6 project" / "this Prisma project".
inline std::string ProjectName(const ProjectFacts& project) {
  return "this " + project.PrismaGeneration() + " project";
}

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_PRISMA_PRISMA_MESSAGES_H_
