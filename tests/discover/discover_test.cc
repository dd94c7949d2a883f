#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "frontend/discover/discover.h"
#include "frontend/discover/file_kind.h"
#include "frontend/discover/gitignore.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {
namespace {

using V = GitignoreRules::Verdict;

TEST(GitignoreTest, GitsPatternRules) {
  GitignoreRules g("/repo",
                   "# comment\n"
                   "*.log\n"
                   "!keep.log\n"
                   "build/\n"
                   "/top.env\n"
                   "docs/*.md\n"
                   "**/secrets\n"
                   "\\#hash\n");
  EXPECT_EQ(g.Match("/repo/a/b/x.log", false), V::kIgnore);
  EXPECT_EQ(g.Match("/repo/a/keep.log", false), V::kInclude);
  EXPECT_EQ(g.Match("/repo/a/build", true), V::kIgnore);
  EXPECT_EQ(g.Match("/repo/a/build", false), V::kNone);  // folders only
  EXPECT_EQ(g.Match("/repo/top.env", false), V::kIgnore);
  EXPECT_EQ(g.Match("/repo/sub/top.env", false), V::kNone);  // anchored
  EXPECT_EQ(g.Match("/repo/docs/a.md", false), V::kIgnore);
  EXPECT_EQ(g.Match("/repo/x/docs/a.md", false), V::kNone);  // a middle slash anchors
  EXPECT_EQ(g.Match("/repo/deep/er/secrets", true), V::kIgnore);
  EXPECT_EQ(g.Match("/repo/#hash", false), V::kIgnore);
  EXPECT_EQ(g.Match("/elsewhere/x.log", false), V::kNone);
}

TEST(FileKindTest, ClassifiesByName) {
  EXPECT_EQ(ClassifyPath("a/.env"), FileKind::kDotenv);
  EXPECT_EQ(ClassifyPath("a/.env.production"), FileKind::kDotenv);
  EXPECT_EQ(ClassifyPath("a/prod.env"), FileKind::kDotenv);
  EXPECT_EQ(ClassifyPath("docker-compose.prod.yml"), FileKind::kCompose);
  EXPECT_EQ(ClassifyPath("compose.yaml"), FileKind::kCompose);
  EXPECT_EQ(ClassifyPath("serverless.yml"), FileKind::kServerless);
  EXPECT_EQ(ClassifyPath("template.yaml"), FileKind::kYaml);
  EXPECT_EQ(ClassifyPath("main.tf"), FileKind::kTerraform);
  EXPECT_EQ(ClassifyPath("main.tf.json"), FileKind::kTerraformJson);
  EXPECT_EQ(ClassifyPath("prod.tfvars"), FileKind::kTerraformVars);
  EXPECT_EQ(ClassifyPath("cdk.out/App.template.json"), FileKind::kJson);
  EXPECT_EQ(ClassifyPath("prisma/schema.prisma"), FileKind::kPrisma);
  EXPECT_EQ(ClassifyPath("src/handler.TS"), FileKind::kScript);
  EXPECT_EQ(ClassifyPath("db.py"), FileKind::kScript);
  EXPECT_EQ(ClassifyPath("client.cc"), FileKind::kCpp);
  EXPECT_EQ(ClassifyPath("package.json"), FileKind::kPackageJson);
  EXPECT_EQ(ClassifyPath("README.md"), FileKind::kOther);
  EXPECT_TRUE(IsEnvTemplate(".env.example"));
  EXPECT_FALSE(IsEnvTemplate(".env.production"));
  EXPECT_TRUE(IsSkippedFolderName("node_modules"));
  EXPECT_TRUE(IsSkippedFolderName("build-asan"));
  EXPECT_FALSE(IsSkippedFolderName("cdk.out"));  // synthesized CDK apps are linted
}

DiscoveredFile File(const std::string& path) {
  DiscoveredFile f;
  f.path = path;
  f.abs_path = "/repo/" + path;
  f.kind = ClassifyPath(path);
  return f;
}

TEST(ProjectFactsTest, LambdaProjectFromEachFlavour) {
  struct Case {
    std::string path, text;
    bool lambda;
  } cases[] = {
      {"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\nresource \"aws_lambda_function\" \"f\" {}\n", true},
      {"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n", false},
      {"mod.tf", "module \"fn\" {\n  source = \"terraform-aws-modules/lambda/aws\"\n}\n", true},
      {"template.yaml", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n", true},
      {"cdk.out/App.template.json", "{\"Resources\":{\"F\":{\"Type\":\"AWS::Lambda::Function\"}}}", true},
      {"serverless.yml", "service: api\nprovider:\n  name: aws\n  runtime: nodejs20.x\n", true},
      {"serverless.yml", "service: api\nprovider:\n  name: google\n", false},
  };
  for (const Case& c : cases) {
    ProjectFacts facts;
    AddProjectFacts(File(c.path), c.text, &facts);
    EXPECT_EQ(facts.lambda_project, c.lambda) << c.path << ": " << c.text;
  }
  ProjectFacts facts;
  AddProjectFacts(File("infra/main.tf"), "\n\nresource \"aws_lambda_function\" \"f\" {}\n", &facts);
  EXPECT_EQ(facts.lambda_evidence, "infra/main.tf:3");
}

TEST(ProjectFactsTest, PrismaGenerationAndVariables) {
  ProjectFacts facts;
  AddProjectFacts(File("prisma/schema.prisma"),
                  "datasource db {\n  url = env(\"DATABASE_URL\")\n  directUrl = env( 'DIRECT_URL' )\n}\n",
                  &facts);
  EXPECT_TRUE(facts.uses_prisma);
  EXPECT_EQ(facts.prisma_env_vars, (std::set<std::string>{"DATABASE_URL", "DIRECT_URL"}));
  // A url in the schema is the Prisma 5/6 layout (Prisma 7 rejects it).
  EXPECT_EQ(facts.PrismaGeneration(), "Prisma 5/6");
  AddProjectFacts(File("package.json"), "{\"dependencies\": {\"@prisma/client\": \"^6.2.1\"}}", &facts);
  EXPECT_EQ(facts.PrismaGeneration(), "Prisma 6");
  ProjectFacts seven;
  AddProjectFacts(File("prisma.config.ts"),
                  "export default defineConfig({ datasource: { url: env('APP_DB_URL') } })", &seven);
  EXPECT_EQ(seven.PrismaGeneration(), "Prisma 7");
  EXPECT_TRUE(seven.prisma_env_vars.count("APP_DB_URL"));
}

class DiscoverTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/rdslint-discover-XXXXXX";
    root_ = mkdtemp(tmpl);
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }
  void Write(const std::string& rel, const std::string& text = "A=1\n") {
    std::string path = root_ + "/" + rel;
    for (size_t s = path.find('/', root_.size() + 1); s != std::string::npos; s = path.find('/', s + 1)) {
      mkdir(path.substr(0, s).c_str(), 0755);
    }
    std::ofstream(path) << text;
  }
  std::vector<std::string> Found(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : Discover(paths, {}).files) out.push_back(f.abs_path.substr(root_.size() + 1));
    return out;
  }
  std::string root_;
};

TEST_F(DiscoverTest, WalksRespectingGitignoreAndSkippedFolders) {
  mkdir((root_ + "/.git").c_str(), 0755);
  Write(".gitignore", "ignored/\n*.local\n");
  Write("svc/.gitignore", "!keep.local\n");
  Write("svc/.env");
  Write("svc/.env.local");
  Write("svc/keep.local");
  Write("ignored/.env");
  Write("node_modules/pkg/.env");
  Write(".git/config");
  Write("build/.env");
  EXPECT_EQ(Found({root_}), (std::vector<std::string>{".gitignore", "svc/.env", "svc/.gitignore",
                                                      "svc/keep.local"}));
  // Starting below the top, the .gitignore above still applies.
  EXPECT_EQ(Found({root_ + "/svc"}),
            (std::vector<std::string>{"svc/.env", "svc/.gitignore", "svc/keep.local"}));
  // A named file is always taken.
  EXPECT_EQ(Found({root_ + "/ignored/.env"}), (std::vector<std::string>{"ignored/.env"}));
}

// Folders are read by several threads: the same files and notes whatever
// their number, inner .gitignore files still overriding outer ones.
TEST_F(DiscoverTest, AnyNumberOfThreadsFindsTheSame) {
  mkdir((root_ + "/.git").c_str(), 0755);
  Write(".gitignore", "*.local\nlogs/\n");
  for (int i = 0; i < 30; ++i) {
    const std::string svc = "svc" + std::to_string(i);
    Write(svc + "/.env");
    Write(svc + "/deep/a/b/c/.env.local");
    Write(svc + "/logs/.env");
    if (i % 3 == 0) Write(svc + "/deep/.gitignore", "!*.local\n");
    if (i % 5 == 0) Write(svc + "/big.env", std::string(2000, 'x'));
  }
  auto run = [&](int jobs) {
    DiscoverOptions o;
    o.jobs = jobs;
    o.max_file_size = 1000;
    Discovery d = Discover({root_}, o);
    std::vector<std::string> out;
    for (const DiscoveredFile& f : d.files) out.push_back(f.abs_path.substr(root_.size() + 1));
    for (const RunNote& n : d.notes) out.push_back("note " + n.file.substr(n.file.size() - 10));
    return out;
  };
  const std::vector<std::string> one = run(1);
  // Each .env, the re-included .env.local and its .gitignore (10 each), 6
  // notes, the top .gitignore.
  EXPECT_EQ(one.size(), 30u + 10u + 10u + 6u + 1u);
  EXPECT_EQ(run(2), one);
  EXPECT_EQ(run(8), one);
}

TEST_F(DiscoverTest, SymlinkLoopsAreNotFollowedAndMissingPathsAreErrors) {
  Write("a/.env");
  symlink((root_ + "/a").c_str(), (root_ + "/a/loop").c_str());
  EXPECT_EQ(Found({root_}), (std::vector<std::string>{"a/.env"}));
  Discovery d = Discover({root_ + "/missing"}, {});
  EXPECT_TRUE(d.had_missing_path);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].level, RunNote::Level::kError);
}

TEST_F(DiscoverTest, LargeFilesAreSkippedWithANote) {
  Write("big.env", std::string(5000, 'x'));
  DiscoverOptions o;
  o.max_file_size = 1000;
  Discovery d = Discover({root_}, o);
  EXPECT_TRUE(d.files.empty());
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].message.find("size limit"), std::string::npos);
}

// The context walk of `rdslint FILE...`: only the kinds the facts pass
// reads; scripts, in every walk, without a stat (their size is checked as
// they are read).
TEST_F(DiscoverTest, ContextWalkKeepsFactKindsAndListsScriptsWithoutSizes) {
  Write("svc/handler.ts", "import { Pool } from 'pg';\n// " + std::string(5000, 'x') + "\n");
  Write("svc/main.tf", std::string(300, 'y'));
  Write("svc/README.md", "# svc\n");
  DiscoverOptions o;
  o.keep = MayHoldProjectFacts;
  o.max_file_size = 1000;  // applies to what is stat'ed: the script waits for its reader
  Discovery d = Discover({root_}, o);
  ASSERT_EQ(d.files.size(), 2u);
  EXPECT_EQ(d.files[0].path.substr(d.files[0].path.size() - 10), "handler.ts");
  EXPECT_EQ(d.files[0].size, 0u);
  EXPECT_EQ(d.files[1].size, 300u);
  // ... which leaves it out when it is over the limit.
  ProjectFacts facts;
  ReadDeferredScripts({&d.files[0]}, 1, &facts, 1000);
  EXPECT_TRUE(facts.scripts.empty());
  ReadDeferredScripts({&d.files[0]}, 1, &facts, 10000);
  EXPECT_EQ(facts.scripts.size(), 1u);
}

}  // namespace
}  // namespace rdslint
