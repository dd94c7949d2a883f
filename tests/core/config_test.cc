#include "core/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

namespace rdslint {
namespace {

RuleInfo Rule(std::string id, std::string cls) {
  RuleInfo r;
  r.id = std::move(id);
  r.problem_class = std::move(cls);
  return r;
}

const RuleInfo kPassword = Rule("env-password-literal", "password");
const RuleInfo kTls = Rule("env-tls-missing-sslmode", "tls");
const RuleInfo kIac = Rule("iac-tls-proxy-not-required", "tls");

Config Parse(const std::string& yaml) {
  Result<Config> c = ParseConfig(yaml, "test.yaml", "/repo");
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? c.value() : Config();
}

TEST(ConfigTest, EverythingEnabledByDefault) {
  Config c = Parse("");
  EXPECT_TRUE(c.Enabled(kPassword));
  EXPECT_TRUE(c.Enabled(kIac));
  EXPECT_FALSE(c.IsWarningAsError(kTls));
}

TEST(ConfigTest, ChecksGlobsInOrderLastWins) {
  Config c = Parse("Checks: '-*,env-*,-env-tls-*'");
  EXPECT_TRUE(c.Enabled(kPassword));
  EXPECT_FALSE(c.Enabled(kTls));
  EXPECT_FALSE(c.Enabled(kIac));
}

TEST(ConfigTest, ChecksAsYamlList) {
  Config c = Parse("Checks:\n  - '-*'\n  - 'iac-*'\n");
  EXPECT_FALSE(c.Enabled(kPassword));
  EXPECT_TRUE(c.Enabled(kIac));
}

TEST(ConfigTest, ProblemClassIsAGlobTarget) {
  Config c = Parse("Checks: '-*,tls'");
  EXPECT_TRUE(c.Enabled(kTls));
  EXPECT_TRUE(c.Enabled(kIac));
  EXPECT_FALSE(c.Enabled(kPassword));
  Config d = Parse("Checks: '-tls'");
  EXPECT_FALSE(d.Enabled(kTls));
  EXPECT_TRUE(d.Enabled(kPassword));
}

TEST(ConfigTest, WarningsAsErrors) {
  Config c = Parse("WarningsAsErrors: 'env-*,-env-password-literal'");
  EXPECT_TRUE(c.IsWarningAsError(kTls));
  EXPECT_FALSE(c.IsWarningAsError(kPassword));
  EXPECT_FALSE(c.IsWarningAsError(kIac));
}

TEST(ConfigTest, CheckOptionsMapAndListForms) {
  Config m = Parse("CheckOptions:\n  iac-refresh-rotation-too-frequent.MinRotationDays: 14\n  DbPorts: '[5432, 6432]'\n");
  EXPECT_EQ(m.Option("iac-refresh-rotation-too-frequent", "MinRotationDays"), "14");
  EXPECT_EQ(m.Option("iac-network-db-port-open", "DbPorts"), "[5432, 6432]");  // global
  EXPECT_FALSE(m.Option("x", "Missing").has_value());
  Config l = Parse("CheckOptions:\n  - key: a.B\n    value: c\n");
  EXPECT_EQ(l.Option("a", "B"), "c");
}

TEST(ConfigTest, ExcludeGlobsRelativeToTheConfigFolder) {
  Config c = Parse("Exclude:\n  - 'legacy/**'\n  - '*.example'\n  - ./fixtures/\n");
  EXPECT_TRUE(c.Excluded("/repo/legacy/a/.env"));
  EXPECT_TRUE(c.Excluded("/repo/svc/.env.example"));  // no '/': any depth
  EXPECT_TRUE(c.Excluded("/repo/fixtures/x/.env"));   // a folder excludes what is below
  EXPECT_FALSE(c.Excluded("/repo/svc/.env"));
  EXPECT_FALSE(c.Excluded("/other/legacy/.env"));
}

TEST(ConfigTest, ErrorsAreLocated) {
  Result<Config> bad = ParseConfig("Checks: '*'\nChekcs: x\n", "/repo/.rdslint.yaml", "/repo");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/repo/.rdslint.yaml:2"), std::string::npos);
  EXPECT_NE(bad.status().message().find("Chekcs"), std::string::npos);
  Result<Config> yaml = ParseConfig("Checks: [unclosed\n", "f.yaml", "/");
  ASSERT_FALSE(yaml.ok());
  EXPECT_NE(yaml.status().message().find("f.yaml:"), std::string::npos);
  EXPECT_FALSE(ParseConfig("- a\n- b\n", "f.yaml", "/").ok());
}

class ConfigLookupTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/rdslint-config-XXXXXX";
    root_ = mkdtemp(tmpl);
    mkdir((root_ + "/svc").c_str(), 0755);
    mkdir((root_ + "/svc/deep").c_str(), 0755);
    mkdir((root_ + "/other").c_str(), 0755);
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ + "/" + rel) << text;
  }
  std::string root_;
};

TEST_F(ConfigLookupTest, NearestFileWinsAndInheritsWhenAsked) {
  Write(".rdslint.yaml", "Checks: '-env-tls-*'\nWarningsAsErrors: 'env-*'\n");
  Write("svc/.rdslint.yaml", "InheritParentConfig: true\nChecks: '-env-password-*'\n");
  Write("other/.rdslint.yaml", "Checks: '-env-password-*'\n");
  ConfigResolver resolver({});
  std::vector<RunNote> problems;
  auto top = resolver.ForDirectory(root_, &problems);
  auto deep = resolver.ForDirectory(root_ + "/svc/deep", &problems);
  auto other = resolver.ForDirectory(root_ + "/other", &problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_FALSE(top->Enabled(kTls));
  EXPECT_TRUE(top->Enabled(kPassword));
  EXPECT_FALSE(deep->Enabled(kTls));       // inherited
  EXPECT_FALSE(deep->Enabled(kPassword));  // its own
  EXPECT_TRUE(deep->IsWarningAsError(kTls));
  EXPECT_TRUE(other->Enabled(kTls));       // no inheritance
  EXPECT_FALSE(other->Enabled(kPassword));
}

TEST_F(ConfigLookupTest, CommandLineChecksComeLastAndConfigOverrideSkipsFiles) {
  Write(".rdslint.yaml", "Checks: '-env-tls-*'\n");
  ConfigResolver::Overrides o;
  o.extra_checks = {"env-tls-*", "-env-password-literal"};
  ConfigResolver resolver(o);
  std::vector<RunNote> problems;
  auto c = resolver.ForDirectory(root_ + "/svc", &problems);
  EXPECT_TRUE(c->Enabled(kTls));
  EXPECT_FALSE(c->Enabled(kPassword));

  ConfigResolver::Overrides fixed;
  fixed.config = Parse("Checks: '-*,iac-*'");
  ConfigResolver r2(fixed);
  auto d = r2.ForDirectory(root_, &problems);
  EXPECT_TRUE(d->Enabled(kIac));
  EXPECT_FALSE(d->Enabled(kTls));
}

TEST_F(ConfigLookupTest, BrokenFileIsReportedOnceAndLintingGoesOn) {
  Write("svc/.rdslint.yaml", "Checks: [\n");
  ConfigResolver resolver({});
  std::vector<RunNote> problems;
  resolver.ForDirectory(root_ + "/svc", &problems);
  resolver.ForDirectory(root_ + "/svc/deep", &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].level, RunNote::Level::kError);
  EXPECT_NE(problems[0].file.find("svc/.rdslint.yaml"), std::string::npos);
}

}  // namespace
}  // namespace rdslint
