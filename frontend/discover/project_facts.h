// Facts about the whole repository that per-file rules need: is this a
// Lambda project, does it use Prisma (which generation), which variables
// does Prisma read its URL from. Gathered by a cheap pass over the few files
// that can tell, before the files are checked. The project graph (Terraform,
// CloudFormation) will refine these; until then this pass is the source.
#ifndef RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_
#define RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_

#include <set>
#include <string>
#include <vector>

#include "frontend/discover/discover.h"
#include "frontend/iac/graph.h"

namespace rdslint {

struct ProjectFacts {
  bool lambda_project = false;
  std::string lambda_evidence;   // "infra/main.tf:12 (aws_lambda_function)"
  bool uses_prisma = false;
  int prisma_major = 0;          // from package.json; 0 when unknown
  bool prisma_config_ts = false; // a prisma.config.ts exists (Prisma 7 layout)
  // Variables Prisma reads its URLs from: env("X") in schema.prisma and
  // prisma.config.ts.
  std::set<std::string> prisma_env_vars;

  // The project graph from every IaC file of the run (empty until the
  // Terraform and CloudFormation builders fill it).
  iac::Graph graph;

  // "Prisma 7" / "Prisma 5/6" / "Prisma", for messages.
  std::string PrismaGeneration() const;
};

// Reads the files of `files` that can tell (Terraform, YAML/JSON templates,
// serverless.yml, *.prisma, prisma.config.ts, package.json).
ProjectFacts GatherProjectFacts(const std::vector<DiscoveredFile>& files);

// The same from texts already in memory (tests).
void AddProjectFacts(const DiscoveredFile& file, std::string_view text, ProjectFacts* facts);

}  // namespace rdslint

#endif  // RDSLINT_FRONTEND_DISCOVER_PROJECT_FACTS_H_
