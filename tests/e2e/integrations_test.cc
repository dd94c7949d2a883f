// The integrations users adopt rdslint through, each driven with the real
// tool: clang-apply-replacements-14 for --export-fixes, pre-commit for the
// hooks; and the CI features (baseline, JUnit, --fix, --stdin-filename).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "tests/e2e/e2e_util.h"

namespace {

using rdslint::e2e::kRdslint;
using rdslint::e2e::kSourceDir;
using rdslint::e2e::Output;
using rdslint::e2e::ReadAll;
using rdslint::e2e::Shell;
using rdslint::e2e::TempDir;
using rdslint::e2e::Write;

// Two fixable mistakes on one line and one that has no fix-it.
constexpr const char* kFixable =
    "# The incident's URL: '@' and '#' in the password, no sslmode.\n"
    "DATABASE_URL=\"postgresql://impulse_app:Pl4nted@pw#1@reports.example.com:5432/impulse_db?schema=public\"\n"
    "PG_CONNINFO=\"host=db.example.com dbname=app user=app\"\n"
    "DB_PASSWORD=Pl4nted-not-fixable\n";

class ProjectDir : public testing::Test {
 protected:
  void SetUp() override { dir_ = TempDir(); }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  nlohmann::json Lint(const std::string& args) {
    Output o = Shell(kRdslint + " --format json " + args);
    nlohmann::json j = nlohmann::json::parse(o.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << o.out << o.err;
    return j.is_discarded() ? nlohmann::json::object({{"findings", nlohmann::json::array()}}) : j;
  }
  static int Count(const nlohmann::json& j, const std::string& rule) {
    int n = 0;
    for (const auto& f : j["findings"]) n += f["rule"] == rule;
    return n;
  }
  std::string dir_;
};

TEST_F(ProjectDir, ExportedFixesApplyWithClangApplyReplacements) {
  Write(dir_ + "/.env", kFixable);
  mkdir((dir_ + "/fixes").c_str(), 0755);
  nlohmann::json before = Lint("'" + dir_ + "' --export-fixes '" + dir_ + "/fixes/rdslint.yaml'");
  ASSERT_EQ(Count(before, "env-url-unencoded-password"), 1);
  ASSERT_EQ(Count(before, "env-tls-missing-sslmode"), 2);
  const std::string yaml = ReadAll(dir_ + "/fixes/rdslint.yaml");
  EXPECT_NE(yaml.find("ReplacementText: \"%40\""), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("Pl4nted"), std::string::npos) << "a fix must never carry the password";

  Output apply = Shell("clang-apply-replacements-14 '" + dir_ + "/fixes'");
  ASSERT_EQ(apply.status, 0) << apply.out << apply.err;
  EXPECT_EQ(ReadAll(dir_ + "/.env"),
            "# The incident's URL: '@' and '#' in the password, no sslmode.\n"
            "DATABASE_URL=\"postgresql://impulse_app:Pl4nted%40pw%231@reports.example.com:5432/impulse_db?schema=public&sslmode=require\"\n"
            "PG_CONNINFO=\"host=db.example.com dbname=app user=app sslmode=require\"\n"
            "DB_PASSWORD=Pl4nted-not-fixable\n");
  nlohmann::json after = Lint("'" + dir_ + "'");
  EXPECT_EQ(Count(after, "env-url-unencoded-password"), 0);
  EXPECT_EQ(Count(after, "env-tls-missing-sslmode"), 0);
  EXPECT_EQ(Count(after, "env-password-literal"), 2);  // no fix-it: still there
}

TEST_F(ProjectDir, FixAppliesInPlaceAndReportsWhatIsLeft) {
  Write(dir_ + "/.env", kFixable);
  Output o = Shell(kRdslint + " --fix --format json '" + dir_ + "'");
  EXPECT_EQ(o.status, 1);  // the literal passwords remain
  EXPECT_NE(o.err.find("applied 3 fixes in 1 file"), std::string::npos) << o.err;
  nlohmann::json left = nlohmann::json::parse(o.out);
  EXPECT_EQ(Count(left, "env-url-unencoded-password"), 0);
  EXPECT_EQ(Count(left, "env-tls-missing-sslmode"), 0);
  EXPECT_EQ(Count(left, "env-password-literal"), 2);
  EXPECT_NE(ReadAll(dir_ + "/.env").find("Pl4nted%40pw%231@"), std::string::npos);
  // A second run has nothing left to fix.
  Output again = Shell(kRdslint + " --fix '" + dir_ + "'");
  EXPECT_NE(again.err.find("applied 0 fixes"), std::string::npos) << again.err;
}

TEST_F(ProjectDir, StdinFilenameLintsTheBufferInItsProject) {
  // The project makes DATABASE_URL Prisma's URL in a Lambda project.
  mkdir((dir_ + "/.git").c_str(), 0755);
  mkdir((dir_ + "/infra").c_str(), 0755);
  mkdir((dir_ + "/svc").c_str(), 0755);
  Write(dir_ + "/infra/main.tf", "resource \"aws_lambda_function\" \"api\" {}\n");
  Write(dir_ + "/svc/schema.prisma", "datasource db {\n  url = env(\"DATABASE_URL\")\n}\n");
  Write(dir_ + "/svc/.env", "# on disk: nothing wrong\n");
  const std::string buffer =
      "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db.example.com/app?sslmode=require\n";
  Write(dir_ + "/buffer", buffer);
  Output o = Shell(kRdslint + " --format json --fail-level note --stdin-filename '" + dir_ +
                   "/svc/.env' < '" + dir_ + "/buffer'");
  EXPECT_EQ(o.status, 1) << o.err;
  nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["findings"].size(), 1u) << o.out;
  EXPECT_EQ(j["findings"][0]["rule"], "env-prisma-connection-limit");
  EXPECT_EQ(j["findings"][0]["file"], dir_ + "/svc/.env");
  EXPECT_EQ(j["findings"][0]["line"], 1);
  EXPECT_NE(j["findings"][0]["message"].get<std::string>().find("infra/main.tf"), std::string::npos);
  // Named files judged against the whole repository, the same way.
  Write(dir_ + "/svc/.env", buffer);
  nlohmann::json named = Lint("--fail-level note '" + dir_ + "/svc/.env'");
  EXPECT_EQ(Count(named, "env-prisma-connection-limit"), 1);
}

TEST_F(ProjectDir, BaselineSurvivesLineMovesAndShowsNewFindings) {
  const std::string old_env =
      "APP=1\n"
      "DB_PASSWORD=Pl4nted-old\n"
      "DATABASE_URL=postgresql://app@db.example.com/app\n";
  Write(dir_ + "/.env", old_env);
  Output w = Shell(kRdslint + " --write-baseline '" + dir_ + "/baseline.json' '" + dir_ + "'");
  ASSERT_EQ(w.status, 0) << w.err;
  EXPECT_EQ(ReadAll(dir_ + "/baseline.json").find("Pl4nted"), std::string::npos);
  // Unrelated edits and moved lines: nothing new.
  Write(dir_ + "/.env", "# a comment on top\nNEW_FLAG=on\n\n" + old_env + "LOG_LEVEL=debug\n");
  Output same = Shell(kRdslint + " --baseline '" + dir_ + "/baseline.json' '" + dir_ + "'");
  EXPECT_EQ(same.status, 0) << same.out << same.err;
  EXPECT_EQ(same.out, "");
  // A new mistake shows up, and only it.
  Write(dir_ + "/.env", "# a comment on top\n" + old_env + "ADMIN_PASSWORD=Pl4nted-new\n");
  nlohmann::json fresh = Lint("--baseline '" + dir_ + "/baseline.json' '" + dir_ + "'");
  ASSERT_EQ(fresh["findings"].size(), 1u) << fresh.dump();
  EXPECT_EQ(fresh["findings"][0]["line"], 5);
  // A broken baseline is an error with its name, not an empty baseline.
  Write(dir_ + "/bad.json", "[1,2]");
  Output bad = Shell(kRdslint + " --baseline '" + dir_ + "/bad.json' '" + dir_ + "'");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("bad.json"), std::string::npos);
}

TEST_F(ProjectDir, JunitReportsOneFailurePerFinding) {
  Write(dir_ + "/.env", kFixable);
  Output o = Shell(kRdslint + " --format junit '" + dir_ + "'");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.out.rfind("<?xml", 0), 0u);
  EXPECT_NE(o.out.find("<testcase classname=\"rdslint\" name=\"env-url-unencoded-password\">"),
            std::string::npos) << o.out;
  EXPECT_NE(o.out.find("<testcase classname=\"rdslint\" name=\"env-endpoint-not-proxy\"/>"),
            std::string::npos);
  size_t failures = 0;
  for (size_t p = o.out.find("<failure "); p != std::string::npos; p = o.out.find("<failure ", p + 1)) ++failures;
  EXPECT_EQ(failures, 5u);
  EXPECT_EQ(o.out.find("Pl4nted"), std::string::npos);
  // Well-formed XML, checked by a real parser.
  Write(dir_ + "/junit.xml", o.out);
  Output xml = Shell("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' '" +
                     dir_ + "/junit.xml'");
  EXPECT_EQ(xml.status, 0) << xml.err;
}

// pre-commit's own `try-repo` against this repository's .pre-commit-hooks.yaml,
// in a scratch git repository: a staged bad .env fails the commit and names
// the finding; a clean one passes.
TEST_F(ProjectDir, PreCommitHooksRunThroughTheRealPreCommit) {
  const std::string bin_dir = kRdslint.substr(0, kRdslint.rfind('/'));
  const std::string env = "cd '" + dir_ + "' && PATH='" + bin_dir + "':$PATH PRE_COMMIT_HOME='" + dir_ +
                          "/.cache' GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t "
                          "GIT_COMMITTER_EMAIL=t@t ";
  ASSERT_EQ(Shell(env + "git init -q . && git config commit.gpgsign false").status, 0);
  mkdir((dir_ + "/infra").c_str(), 0755);
  Write(dir_ + "/infra/main.tf", "resource \"aws_lambda_function\" \"api\" {}\n");
  Write(dir_ + "/.env", "DATABASE_URL=postgresql://app:${DB_PASSWORD}@localhost:5432/app\n");
  ASSERT_EQ(Shell(env + "git add -A && git commit -qm clean").status, 0);

  for (const char* hook : {"rdslint", "rdslint-build"}) {
    SCOPED_TRACE(hook);
    Output clean = Shell(env + "pre-commit try-repo '" + kSourceDir + "' " + hook + " --all-files");
    EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
    EXPECT_NE(clean.out.find("Passed"), std::string::npos) << clean.out;

    Write(dir_ + "/.env", "DATABASE_URL=postgresql://app:Pl4nted-pw@db.example.com:5432/app?sslmode=require\n");
    ASSERT_EQ(Shell(env + "git add .env").status, 0);
    Output bad = Shell(env + "pre-commit try-repo '" + kSourceDir + "' " + hook);
    EXPECT_EQ(bad.status, 1) << bad.out << bad.err;
    EXPECT_NE(bad.out.find("Failed"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find(".env:1:31: error:"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("[env-password-literal]"), std::string::npos) << bad.out;
    EXPECT_EQ(bad.out.find("Pl4nted"), std::string::npos) << bad.out;
    ASSERT_EQ(Shell(env + "git checkout -q -- .env 2>/dev/null; git reset -q .env && git checkout -q -- .env").status, 0);
  }
}

// action.yml, as far as it can run outside GitHub: its structure, the
// scripts it calls, and its lint step run for real on a project.
TEST_F(ProjectDir, GithubActionLintStepAnnotatesAndWritesSarif) {
  YAML::Node action = YAML::LoadFile(kSourceDir + "/action.yml");
  ASSERT_EQ(action["runs"]["using"].as<std::string>(), "composite");
  int scripts = 0;
  for (const YAML::Node& step : action["runs"]["steps"]) {
    if (!step["run"]) continue;
    const std::string run = step["run"].as<std::string>();
    for (size_t p = run.find("$GITHUB_ACTION_PATH/scripts/"); p != std::string::npos;
         p = run.find("$GITHUB_ACTION_PATH/scripts/", p + 1)) {
      size_t begin = p + std::string("$GITHUB_ACTION_PATH/").size();
      size_t end = run.find_first_of("\" \n", begin);
      const std::string script = kSourceDir + "/" + run.substr(begin, end - begin);
      EXPECT_EQ(access(script.c_str(), X_OK), 0) << script;
      ++scripts;
    }
  }
  EXPECT_EQ(scripts, 2);

  Write(dir_ + "/.env", kFixable);
  const std::string bin_dir = kRdslint.substr(0, kRdslint.rfind('/'));
  Output o = Shell("cd '" + dir_ + "' && PATH='" + bin_dir + "':$PATH GITHUB_OUTPUT='" + dir_ +
                   "/out.txt' RDSLINT_PATHS=. RDSLINT_SARIF=report.sarif '" + kSourceDir +
                   "/scripts/github-action-run.sh'");
  EXPECT_EQ(o.status, 0) << o.err;  // the action fails in its last step, after the upload
  EXPECT_NE(o.out.find("::error file=.env,line=2,"), std::string::npos) << o.out;
  const std::string outputs = ReadAll(dir_ + "/out.txt");
  EXPECT_NE(outputs.find("exit-code=1\n"), std::string::npos) << outputs;
  EXPECT_NE(outputs.find("sarif-file=report.sarif\n"), std::string::npos) << outputs;
  nlohmann::json sarif = nlohmann::json::parse(ReadAll(dir_ + "/report.sarif"));
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 5u);
  EXPECT_EQ(o.out.find("Pl4nted"), std::string::npos);
}

}  // namespace
