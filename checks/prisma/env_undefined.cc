// prisma-env-undefined: env("X") where X is defined nowhere in the project.
#include <set>

#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

class PrismaEnvUndefinedCheck : public Check {
 public:
  PrismaEnvUndefinedCheck() : Check("prisma-env-undefined") {}

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    const ProjectFacts& project = ctx.project();
    // A Lambda project whose functions the graph does not know (its IaC is
    // in a form no builder reads): their environments are unknown, and a
    // variable set there must not be called undefined.
    if (project.lambda_project && project.graph.functions.empty()) return;
    const std::string consequence =
        file.source == PrismaFile::Source::kConfig
            ? "the " + project.PrismaGeneration() +
                  " CLI stops with an error when it loads prisma.config.ts (env() of "
                  "prisma/config throws" +
                  (project.IsPrisma7() ? std::string(", and Prisma 7 no longer loads .env files by "
                                                     "itself: import 'dotenv/config')")
                                       : std::string(")"))
            : project.PrismaGeneration() +
                  " stops with 'Environment variable not found' when it needs the value (prisma "
                  "migrate, and under Prisma 5/6 the first query of a deployed function)";
    std::set<std::string> reported;
    for (const PrismaEnvRef& ref : file.env_refs) {
      if (project.DefinesEnv(ref.name) || !reported.insert(ref.name).second) continue;
      ctx.Report(ref.range,
                 ref.name + " is read here but no .env file, compose environment, CI workflow, "
                            "Dockerfile or function environment of the project defines it: " +
                     consequence +
                     "; set it where the code runs (the function's environment, filled from "
                     "Secrets Manager for a URL with a password) and list it in .env.example");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreatePrismaEnvUndefinedCheck() {
  return std::make_unique<PrismaEnvUndefinedCheck>();
}

}  // namespace rdslint
