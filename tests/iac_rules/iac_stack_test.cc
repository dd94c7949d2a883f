// The iac pack end to end, through the builders and the whole run: the
// realistic clean stacks report nothing with every rule on, and the fix-its
// of the fixtures, once applied, leave files whose findings are gone.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "checks/lint_run.h"
#include "core/rule_registry.h"

namespace rdslint {
namespace {

namespace fs = std::filesystem;

std::string Testdata(const std::string& rel) {
  return std::string(RDSLINT_SOURCE_DIR) + "/testdata/" + rel;
}

LintRun Lint(const std::string& path, std::vector<std::string> checks) {
  LintOptions options;
  options.paths = {path};
  Config config;
  config.checks = {"-*"};
  config.checks.insert(config.checks.end(), checks.begin(), checks.end());
  options.config.config = config;
  return RunLint(options, RuleRegistry::Embedded());
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CleanStack : public testing::TestWithParam<std::string> {};

TEST_P(CleanStack, NoFindingWithEveryRule) {
  const LintRun run = Lint(Testdata("iac-clean/" + GetParam()), {"*"});
  for (const Finding& f : run.findings) {
    ADD_FAILURE() << f.location.file << ":" << f.location.begin.line << ":"
                  << f.location.begin.column << ": " << f.message << " [" << f.rule_id << "]";
  }
  for (const RunNote& n : run.notes) EXPECT_NE(n.level, RunNote::Level::kError) << n.message;
  // The stack was read, not skipped: its nodes are in the graph.
  const iac::Graph& g = run.facts.graph;
  EXPECT_EQ(g.databases.size(), 1u);
  EXPECT_EQ(g.proxies.size(), 1u);
  EXPECT_EQ(g.functions.size(), 1u);
  ASSERT_EQ(g.proxies.size(), 1u);
  ASSERT_EQ(g.proxies[0].targets.size(), 1u);
  EXPECT_EQ(g.proxies[0].targets[0].node, g.databases.at(0).id);
  EXPECT_FALSE(g.functions.at(0).environment.empty());
}

INSTANTIATE_TEST_SUITE_P(Flavours, CleanStack, testing::Values("terraform", "sam"));

// Applies every fix-it of a run to the files, as --fix does.
int ApplyFixes(const LintRun& run) {
  std::map<std::string, std::vector<Replacement>> by_file;
  int fixed = 0;
  for (const Finding& f : run.findings) {
    if (f.fixes.empty()) continue;
    ++fixed;
    for (const Replacement& r : f.fixes[0].replacements) by_file[r.file].push_back(r);
  }
  for (auto& [file, reps] : by_file) {
    std::sort(reps.begin(), reps.end(),
              [](const Replacement& a, const Replacement& b) { return a.offset > b.offset; });
    std::string text = ReadAll(file);
    for (const Replacement& r : reps) text.replace(r.offset, r.length, r.text);
    std::ofstream(file, std::ios::binary) << text;
  }
  return fixed;
}

class FixIts : public testing::TestWithParam<std::string> {};

TEST_P(FixIts, ApplyCleanlyAndRemoveTheirFindings) {
  const std::string rule = GetParam();
  const fs::path dir =
      fs::temp_directory_path() / ("rdslint-iac-fix-" + rule + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(Testdata("iac/" + rule), dir, fs::copy_options::recursive);

  const LintRun before = Lint(dir.string(), {rule});
  const int fixed = ApplyFixes(before);
  EXPECT_GT(fixed, 0) << "no fix-it among the fixtures of " << rule;
  const LintRun after = Lint(dir.string(), {rule, "parse-error"});
  EXPECT_EQ(after.findings.size(), before.findings.size() - fixed);
  for (const Finding& f : after.findings) {
    EXPECT_NE(f.rule_id, "parse-error") << f.location.file << ": " << f.message;
    EXPECT_TRUE(f.fixes.empty()) << "a fix-it that did not fix: " << f.message;
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Rules, FixIts,
                         testing::Values("iac-tls-proxy-not-required", "iac-network-db-public",
                                         "iac-tls-url-missing-sslmode"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// Options of project checks come from the .rdslint.yaml of the file a
// finding lands in.
TEST(IacOptions, ReadFromTheConfigurationOfTheFindingsFile) {
  const fs::path dir =
      fs::temp_directory_path() / ("rdslint-iac-options-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "strict");
  fs::create_directories(dir / "relaxed");
  const std::string tf = R"(
resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}
resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
  rotation_rules {
    automatically_after_days = 14
  }
}
resource "aws_security_group" "db" {
  ingress {
    protocol    = "tcp"
    from_port   = 6432
    to_port     = 6432
    cidr_blocks = ["0.0.0.0/0"]
  }
}
)";
  for (const char* sub : {"strict", "relaxed"}) std::ofstream(dir / sub / "main.tf") << tf;
  std::ofstream(dir / "strict" / ".rdslint.yaml")
      << "CheckOptions:\n"
         "  iac-refresh-rotation-too-frequent.MinRotationDays: 30\n"
         "  iac-network-db-port-open.DbPorts: '[5432, 6432]'\n";

  LintOptions options;
  options.paths = {dir.string()};
  options.config.extra_checks = {"-*", "iac-refresh-rotation-too-frequent",
                                 "iac-network-db-port-open"};
  const LintRun run = RunLint(options, RuleRegistry::Embedded());
  std::vector<std::string> got;
  for (const Finding& f : run.findings) {
    got.push_back(fs::path(f.location.file).parent_path().filename().string() + " " + f.rule_id);
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"strict iac-network-db-port-open",
                                           "strict iac-refresh-rotation-too-frequent"}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rdslint
