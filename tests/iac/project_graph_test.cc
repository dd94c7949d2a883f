// The graph as a run builds it: discovery, then GatherProjectFacts over
// every YAML/JSON file and serverless.yml of the fixture projects.
#include <gtest/gtest.h>

#include <string>

#include "frontend/discover/discover.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {
namespace {

ProjectFacts Gather(const std::string& fixture) {
  const std::string root = std::string(RDSLINT_SOURCE_DIR) + "/testdata/iac-graph/" + fixture;
  Discovery d = Discover({root}, DiscoverOptions{});
  return GatherProjectFacts(d.files);
}

bool IsSource(const ProjectFacts& f, const std::string& suffix) {
  for (const iac::GraphSource& s : f.graph.sources) {
    if (s.file.size() >= suffix.size() && s.file.compare(s.file.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

TEST(ProjectGraphTest, TemplatesAndServicesFillTheGraph) {
  for (const char* fixture : {"sam", "cfn-json", "serverless-v3", "serverless-v4", "cdk"}) {
    ProjectFacts f = Gather(fixture);
    EXPECT_TRUE(f.graph.problems.empty()) << fixture;
    EXPECT_EQ(f.graph.functions.size(), 1u) << fixture;
    // A file a service includes is read once, as part of the service.
    EXPECT_EQ(f.graph.databases.size(), 1u) << fixture;
    EXPECT_TRUE(f.lambda_project) << fixture;
  }
}

TEST(ProjectGraphTest, SourcesAndEvidence) {
  ProjectFacts v4 = Gather("serverless-v4");
  EXPECT_TRUE(IsSource(v4, "serverless-v4/serverless.yml"));
  EXPECT_TRUE(IsSource(v4, "serverless-v4/config/database.yml"));
  EXPECT_TRUE(IsSource(v4, "serverless-v4/config/vpc.yml"));
  ProjectFacts cdk = Gather("cdk");
  EXPECT_TRUE(IsSource(cdk, "cdk.out/ImpulseStack.template.json"));
  EXPECT_FALSE(IsSource(cdk, "cdk.out/manifest.json"));
  EXPECT_FALSE(IsSource(cdk, "cdk.out/tree.json"));
  EXPECT_EQ(cdk.graph.functions[0].flavor, iac::Flavor::kCdk);
  ProjectFacts sam = Gather("sam");
  EXPECT_NE(sam.lambda_evidence.find("template.yaml:"), std::string::npos) << sam.lambda_evidence;
}

TEST(ProjectGraphTest, AddProjectFactsFromText) {
  DiscoveredFile f;
  f.path = "infra/template.yaml";
  f.abs_path = "/repo/infra/template.yaml";
  f.kind = ClassifyPath(f.path);
  ProjectFacts facts;
  AddProjectFacts(f,
                  "AWSTemplateFormatVersion: '2010-09-09'\n"
                  "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                  "      Runtime: !Reff x\n",
                  &facts);
  ASSERT_EQ(facts.graph.functions.size(), 1u);
  ASSERT_EQ(facts.graph.problems.size(), 1u);
  EXPECT_EQ(facts.graph.problems[0].origin.file, "infra/template.yaml");
  ASSERT_EQ(facts.graph.sources.size(), 1u);
  EXPECT_EQ(facts.graph.sources[0].file, "infra/template.yaml");

  // Not a template: nothing, and no source.
  ProjectFacts k8s;
  f.path = "k8s/deploy.yaml";
  AddProjectFacts(f, "kind: Deployment\nmetadata: {name: x\n", &k8s);
  EXPECT_TRUE(k8s.graph.sources.empty());
  EXPECT_TRUE(k8s.graph.problems.empty());
}

}  // namespace
}  // namespace rdslint
