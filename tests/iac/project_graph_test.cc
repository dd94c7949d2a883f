// The graph as a run builds it: discovery, then GatherProjectFacts over
// every YAML/JSON file and serverless.yml of the fixture projects.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/file_read.h"
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

namespace rdslint {
namespace {

// The index answers exactly as the scan does (first node of the first kind
// with the id), and a graph changed or copied since scans again.
TEST(ProjectGraphTest, IndexedFindMatchesTheScan) {
  for (const char* fixture : {"sam", "cfn-json", "serverless-v3", "serverless-v4", "cdk"}) {
    ProjectFacts f = Gather(fixture);
    const iac::Graph scan = f.graph;  // a copy: never indexed
    f.graph.BuildIndex();
    std::vector<std::string> ids = {"", "no-such-node"};
    auto add = [&ids](const auto& nodes) {
      for (const auto& n : nodes) ids.push_back(n.id);
    };
    add(scan.databases);
    add(scan.proxies);
    add(scan.secrets);
    add(scan.functions);
    add(scan.roles);
    add(scan.policies);
    add(scan.security_group_rules);
    for (const std::string& id : ids) {
      const iac::Node* a = f.graph.Find(id);
      const iac::Node* b = scan.Find(id);
      ASSERT_EQ(a == nullptr, b == nullptr) << fixture << " " << id;
      if (a) EXPECT_EQ(a->type, b->type) << fixture << " " << id;
      EXPECT_EQ(f.graph.FindDatabase(id) == nullptr, scan.FindDatabase(id) == nullptr) << id;
      EXPECT_EQ(f.graph.FindRole(id) == nullptr, scan.FindRole(id) == nullptr) << id;
      EXPECT_EQ(f.graph.FindSecret(id) == nullptr, scan.FindSecret(id) == nullptr) << id;
    }
    // Changed after indexing: the new node is found.
    iac::Database extra;
    extra.id = "added-after-the-index";
    f.graph.databases.push_back(extra);
    EXPECT_NE(f.graph.Find("added-after-the-index"), nullptr) << fixture;
  }
}

// The Terraform graph built on a second thread joins the facts as on one.
TEST(ProjectGraphTest, SameFactsForAnyJobs) {
  const std::string root = std::string(RDSLINT_SOURCE_DIR) + "/testdata";
  Discovery d = Discover({root}, DiscoverOptions{});
  ProjectFacts one = GatherProjectFacts(d.files, 1);
  ProjectFacts two = GatherProjectFacts(d.files, 2);
  EXPECT_EQ(one.lambda_evidence, two.lambda_evidence);
  ASSERT_EQ(one.graph.functions.size(), two.graph.functions.size());
  for (size_t i = 0; i < one.graph.functions.size(); ++i) {
    EXPECT_EQ(one.graph.functions[i].id, two.graph.functions[i].id);
  }
  ASSERT_EQ(one.graph.sources.size(), two.graph.sources.size());
  for (size_t i = 0; i < one.graph.sources.size(); ++i) {
    EXPECT_EQ(one.graph.sources[i].file, two.graph.sources[i].file);
  }
  EXPECT_EQ(one.graph.problems.size(), two.graph.problems.size());
}

// The bytes of every file the pass read, for the per-file pass to lint
// without reading it again: each graph source (Terraform among them, read
// on its own threads) with exactly the file's bytes; scripts are not kept.
TEST(ProjectGraphTest, KeepsWhatItReadForTheLinter) {
  const std::string root = std::string(RDSLINT_SOURCE_DIR) + "/testdata/iac-graph";
  Discovery d = Discover({root}, DiscoverOptions{});
  for (int jobs : {1, 2}) {
    FileTexts texts;
    ProjectFacts facts = GatherProjectFacts(d.files, jobs, nullptr, false, &texts);
    size_t terraform = 0;
    for (const iac::GraphSource& s : facts.graph.sources) {
      const std::string abs = AbsolutePath(s.file);
      auto it = texts.find(abs);
      ASSERT_NE(it, texts.end()) << s.file;
      std::string bytes;
      ASSERT_EQ(ReadFileBytes(abs, &bytes), 0);
      EXPECT_EQ(it->second, bytes) << s.file;
      terraform += abs.size() > 3 && abs.compare(abs.size() - 3, 3, ".tf") == 0;
    }
    EXPECT_GT(terraform, 0u);
    for (const DiscoveredFile& f : d.files) {
      if (f.kind == FileKind::kScript) EXPECT_EQ(texts.count(f.abs_path), 0u) << f.path;
    }
  }
}

}  // namespace
}  // namespace rdslint
