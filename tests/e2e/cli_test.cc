// End-to-end: the built rdslint binary on fixture projects, and the real
// SARIF validator (Microsoft's Sarif.Multitool, from npm) on its output.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/e2e_util.h"

namespace {

using rdslint::e2e::kRdslint;
using rdslint::e2e::Output;
using rdslint::e2e::ReadAll;
using rdslint::e2e::Shell;
using rdslint::e2e::TempDir;
using rdslint::e2e::Write;

TEST(CliTest, DemoPrintsEnvFindingsInClangTidyFormatAndExitsOne) {
  Output o = Shell(kRdslint + " testdata/demo");
  EXPECT_EQ(o.status, 1) << o.err;
  EXPECT_NE(o.out.find("testdata/demo/.env:"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(": error: "), std::string::npos);
  EXPECT_NE(o.out.find("[env-url-unencoded-password]"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("[env-tls-missing-sslmode]"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("^"), std::string::npos);
  EXPECT_EQ(o.out.find("\033["), std::string::npos) << "no colour when not on a terminal";
}

// Named files (pre-commit, an editor) are judged against their whole
// project, but only their own findings are reported.
TEST(CliTest, NamedFilesGetTheirProjectFindingsOnly) {
  Output o = Shell(kRdslint + " testdata/demo/template.yaml --format json");
  ASSERT_EQ(o.status, 1) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_FALSE(j["findings"].empty());
  bool iac = false;
  for (const auto& f : j["findings"]) {
    EXPECT_EQ(f["file"], "testdata/demo/template.yaml") << f.dump();
    iac |= f["rule"].get<std::string>().rfind("iac-", 0) == 0;
  }
  EXPECT_TRUE(iac) << "the project rules still report in the named file";
}

// `rdslint FILE...` parses only the scripts the named files' project
// findings depend on; what it reports must be what a whole run reports in
// those files: a variable another file of the same function sets, a secret
// the template names and another script fetches.
TEST(CliTest, NamedFilesReportWhatTheWholeRunReportsInThem) {
  const std::string dir = TempDir();
  Write(dir + "/template.yaml", R"(Transform: AWS::Serverless-2016-10-31
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
  OtherSecret:
    Type: AWS::SecretsManager::Secret
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: api/
      Handler: handler.handler
      Environment:
        Variables:
          DB_SECRET_ARN: !Ref DbSecret
      Policies:
        - AWSSecretsManagerGetSecretValuePolicy:
            SecretArn: !Ref OtherSecret
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: worker/
      Handler: job.handler
  Report:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      CodeUri: dist/report.zip
      Handler: report.handler
      Environment:
        Variables:
          DB_SCHEMA: reports
          DB_REPORT_LIMIT: "10"
)");
  Write(dir + "/api/handler.py", "import os\n\ndef handler(event, context):\n    return os.environ[\"DB_HOST\"]\n");
  Write(dir + "/api/setup.py", "import os\n\nos.environ[\"DB_HOST\"] = \"db.internal\"\n");
  Write(dir + "/api/fetch.py",
        "import os\nimport boto3\n\nsm = boto3.client(\"secretsmanager\")\n\n"
        "def get():\n    return sm.get_secret_value(SecretId=os.environ[\"DB_SECRET_ARN\"])\n");
  Write(dir + "/worker/job.py", "import os\n\ndef handler(event, context):\n    return os.environ[\"PGDATABASE\"]\n");
  // Report's code is an archive: its handler is found by name, and what it
  // imports, through a module in between, runs in it too.
  Write(dir + "/report/report.ts", "import { query } from './query';\nexport const handler = async () => query(process.env.DB_REPORT_LIMIT);\n");
  Write(dir + "/report/query.ts",
        "import { pool } from '../worker/db';\nexport const query = () => pool.query('select 1', [process.env.DB_SCHEMA]);\n");
  Write(dir + "/worker/db.ts", "import { Pool } from 'pg';\nexport const pool = new Pool({ password: process.env.DB_PASSWORD });\n");
  ASSERT_EQ(Shell("git -C " + dir + " init -q").status, 0);

  auto findings = [&](const std::string& args) {
    Output o = Shell("cd " + dir + " && " + kRdslint + " --format json " + args);
    EXPECT_NE(o.status, 2) << o.err;
    std::multiset<std::string> out;
    const nlohmann::json report = nlohmann::json::parse(o.out);
    for (const auto& f : report["findings"]) {
      out.insert(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + " " +
                 f["rule"].get<std::string>() + " " + f["message"].get<std::string>());
    }
    return out;
  };
  const std::multiset<std::string> all = findings(".");
  ASSERT_FALSE(all.empty());
  bool secret = false, env = false;
  for (const std::string& f : all) {
    secret |= f.rfind("template.yaml:", 0) == 0 && f.find("project-iam-missing-secret-access") != std::string::npos &&
              f.find("api/fetch.py") != std::string::npos;
    env |= f.rfind("worker/job.py:", 0) == 0 && f.find("project-env-unset") != std::string::npos;
    EXPECT_EQ(f.find("api/handler.py:4 project-env-unset"), std::string::npos) << "setup.py sets DB_HOST: " << f;
  }
  EXPECT_TRUE(secret && env);
  for (const std::vector<std::string>& named :
       std::vector<std::vector<std::string>>{{"template.yaml"}, {"api/handler.py"}, {"worker/job.py"},
                                            {"api/fetch.py", "template.yaml"}, {"api/handler.py", "worker/job.py"},
                                            {"worker/db.ts"}, {"report/report.ts"}}) {
    std::string args;
    std::multiset<std::string> expected;
    for (const std::string& n : named) {
      args += " " + n;
      for (const std::string& f : all) {
        if (f.rfind(n + ":", 0) == 0) expected.insert(f);
      }
    }
    EXPECT_EQ(findings(args), expected) << args;
  }
}

// The clang half is a module loaded on the first C++ file that needs it: a
// run with no such file never loads it, and one that cannot load it says so
// at each C++ file and checks the rest.
TEST(CliTest, CppModuleIsLoadedOnlyWhenNeededAndItsAbsenceIsANote) {
  Output o = Shell("RDSLINT_CPP_MODULE=/nonexistent/librdslint-cpp.so " + kRdslint +
                   " --format json testdata/demo");
  EXPECT_EQ(o.status, 1) << o.err;
  const nlohmann::json report = nlohmann::json::parse(o.out);
  bool note = false, env_finding = false, cpp_finding = false;
  for (const auto& n : report["notes"]) {
    note |= n["file"] == "testdata/demo/native/report_client.cc" &&
            n["message"].get<std::string>().find("could not be loaded") != std::string::npos;
  }
  for (const auto& f : report["findings"]) {
    env_finding |= f["file"].get<std::string>().find(".env") != std::string::npos ||
                   f["file"].get<std::string>().find("template.yaml") != std::string::npos;
    cpp_finding |= f["rule"].get<std::string>().rfind("cpp-", 0) == 0;
  }
  EXPECT_TRUE(note) << report["notes"].dump();
  EXPECT_TRUE(env_finding);
  EXPECT_FALSE(cpp_finding);
  // The dynamic loader's own account (glibc's LD_DEBUG=files): clang is
  // loaded for a C++ file, and never without one.
  auto loads_clang = [](const std::string& path) {
    return Shell("LD_DEBUG=files " + kRdslint + " " + path + " 2>&1 >/dev/null | grep -c 'file=libclang-cpp'").out;
  };
  EXPECT_NE(loads_clang("testdata/demo"), "0\n");
  EXPECT_EQ(loads_clang("testdata/env"), "0\n");
}

TEST(CliTest, CleanProjectExitsZero) {
  Output o = Shell(kRdslint + " testdata/env/env-endpoint-not-proxy/good.env --checks='-*,env-endpoint-*'");
  EXPECT_EQ(o.status, 0) << o.out << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(CliTest, FailLevelDecidesTheExitStatus) {
  const std::string notes_only =
      kRdslint + " testdata/env/env-prisma-connection-limit --checks='-*,env-prisma-connection-limit'";
  EXPECT_EQ(Shell(notes_only).status, 0);  // notes do not fail by default
  EXPECT_EQ(Shell(notes_only + " --fail-level note").status, 1);
  EXPECT_EQ(Shell(kRdslint + " testdata/demo --fail-level none").status, 0);
}

TEST(CliTest, UsageAndIoErrorsExitTwo) {
  Output bad = Shell(kRdslint + " --format yaml .");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("unknown --format"), std::string::npos);
  EXPECT_EQ(Shell(kRdslint + " --frobnicate").status, 2);
  Output missing = Shell(kRdslint + " no/such/path");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no/such/path"), std::string::npos);
  Output config = Shell(kRdslint + " --config 'Checks: [' testdata/demo");
  EXPECT_EQ(config.status, 2);
  EXPECT_NE(config.err.find("--config:"), std::string::npos) << config.err;
}

TEST(CliTest, ListRulesAndExplain) {
  Output list = Shell(kRdslint + " --list-rules");
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("env-password-literal"), std::string::npos);
  EXPECT_NE(list.out.find("  E  password"), std::string::npos);
  Output explain = Shell(kRdslint + " explain env-url-unencoded-password");
  EXPECT_EQ(explain.status, 0);
  for (const char* part : {"Why", "Fix", "Bad", "Good", "References", "%40"}) {
    EXPECT_NE(explain.out.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(Shell(kRdslint + " explain no-such-rule").status, 2);
}

TEST(CliTest, OutputIsTheSameForAnyThreadCount) {
  // json carries every field of every finding, text the masked lines and
  // carets; the other formats are functions of the same sorted findings.
  for (const char* format : {"text", "json"}) {
    Output one = Shell(kRdslint + " testdata --jobs 1 --format " + format);
    Output two = Shell(kRdslint + " testdata --jobs 2 --format " + format);
    Output eight = Shell(kRdslint + " testdata --jobs 8 --format " + format);
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.out, eight.out) << format;
  }
}

TEST(CliTest, ChecksTagsAndWarningsAsErrors) {
  Output tls = Shell(kRdslint + " testdata/demo --tags tls --format json");
  nlohmann::json j = nlohmann::json::parse(tls.out);
  ASSERT_FALSE(j["findings"].empty());
  for (const auto& f : j["findings"]) EXPECT_NE(f["rule"].get<std::string>().find("-tls-"), std::string::npos);
  Output off = Shell(kRdslint + " testdata/demo --checks=-env-*,-cpp-*,-code-*,-iac-*,-prisma-*,-project-* --format json");
  EXPECT_TRUE(nlohmann::json::parse(off.out)["findings"].empty());
  Output wae = Shell(kRdslint + " testdata/demo --tags tls --warnings-as-errors 'env-tls-*,cpp-tls-*,code-tls-*,iac-tls-*,prisma-tls-*' --format json");
  const nlohmann::json promoted = nlohmann::json::parse(wae.out);
  ASSERT_FALSE(promoted["findings"].empty());
  for (const auto& f : promoted["findings"]) EXPECT_EQ(f["severity"], "error");
}

class ProjectTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = TempDir(); }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  std::string dir_;
};

TEST_F(ProjectTest, ConfigFileNolintGitignoreAndSkips) {
  const std::string bad = "DB_PASSWORD=Pl4nted-e2e\n";
  mkdir((dir_ + "/svc").c_str(), 0755);
  mkdir((dir_ + "/legacy").c_str(), 0755);
  mkdir((dir_ + "/node_modules").c_str(), 0755);
  mkdir((dir_ + "/ignored").c_str(), 0755);
  Write(dir_ + "/.env", bad);
  Write(dir_ + "/svc/.env", bad + "DB_PASSWORD=Pl4nted-x # NOLINT\n");
  Write(dir_ + "/svc/.rdslint.yaml", "Checks: '-env-password-literal'\n");
  Write(dir_ + "/legacy/.env", bad);
  Write(dir_ + "/.rdslint.yaml", "Exclude: ['legacy/']\n");
  Write(dir_ + "/node_modules/.env", bad);
  Write(dir_ + "/ignored/.env", bad);
  Write(dir_ + "/.gitignore", "ignored/\n");
  Write(dir_ + "/binary.env", std::string("A=1\0\1\2", 6));
  Write(dir_ + "/big.env", std::string(2048, '#'));

  Output o = Shell(kRdslint + " '" + dir_ + "' --max-file-size 1K --format json");
  ASSERT_EQ(o.status, 1) << o.err;
  nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["findings"].size(), 1u) << o.out;
  EXPECT_EQ(j["findings"][0]["file"], dir_ + "/.env");
  std::string notes = j["notes"].dump();
  EXPECT_NE(notes.find("binary"), std::string::npos) << notes;
  EXPECT_NE(notes.find("size limit"), std::string::npos) << notes;

  // A path named on the command line is read even when .gitignore skips it.
  Output named = Shell(kRdslint + " '" + dir_ + "/ignored/.env' --format json");
  EXPECT_EQ(nlohmann::json::parse(named.out)["findings"].size(), 1u);
}

// The walk lists scripts without a stat; their size limit applies as they
// are read, with the note the walk gives a file it saw over the limit (and
// gives a script named on the command line), at any -j.
TEST_F(ProjectTest, ScriptsOverTheSizeLimitAreSkippedAsTheyAreRead) {
  const std::string code =
      "import { Pool } from 'pg';\n"
      "export const pool = new Pool({ connectionString: 'postgres://app:Pl4nted-e2e@db.example.com:5432/app' });\n";
  Write(dir_ + "/small.ts", code);
  Write(dir_ + "/big.ts", code + "// " + std::string(2000, 'x') + "\n");
  const std::string note = "skipped: " + std::to_string(code.size() + 2004) +
                           " bytes is over the size limit of 1024 (--max-file-size)";
  for (const char* jobs : {"1", "2"}) {
    Output o = Shell(kRdslint + " '" + dir_ + "' -j" + jobs + " --max-file-size 1K --format json");
    nlohmann::json j = nlohmann::json::parse(o.out);
    ASSERT_FALSE(j["findings"].empty()) << o.out;
    for (const auto& f : j["findings"]) EXPECT_EQ(f["file"], dir_ + "/small.ts") << o.out;
    ASSERT_EQ(j["notes"].size(), 1u) << o.out;
    EXPECT_EQ(j["notes"][0]["file"], dir_ + "/big.ts");
    EXPECT_EQ(j["notes"][0]["message"], note);
  }
  Output named = Shell(kRdslint + " '" + dir_ + "/big.ts' --max-file-size 1K --format json");
  nlohmann::json j = nlohmann::json::parse(named.out);
  EXPECT_TRUE(j["findings"].empty()) << named.out;
  ASSERT_EQ(j["notes"].size(), 1u) << named.out;
  EXPECT_EQ(j["notes"][0]["message"], note);
}

// A file the facts pass reads but no pack lints (package.json, a CI
// workflow) is not linted from the bytes that pass kept: no finding there,
// not counted as checked.
TEST_F(ProjectTest, FilesReadOnlyForFactsAreNotLinted) {
  mkdir((dir_ + "/.github").c_str(), 0755);
  mkdir((dir_ + "/.github/workflows").c_str(), 0755);
  Write(dir_ + "/.env", "DB_PASSWORD=Pl4nted-e2e\n");
  Write(dir_ + "/package.json", "{\"name\": \"x\", \"dependencies\": {\"@prisma/client\": \"6.0.0\"}}\n");
  Write(dir_ + "/.github/workflows/ci.yml", "# NOLINTBEGIN\nname: ci\non: push\n");
  Output o = Shell(kRdslint + " '" + dir_ + "' 2>&1");
  EXPECT_EQ(o.out.find("nolint-unmatched"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("1 finding (1 error, 0 warnings, 0 notes) in 1 file checked."), std::string::npos) << o.out;
}

// Discovery tells the configuration lookup which folders hold a
// .rdslint.yaml (no stat each); one that is a link to a file is still
// followed, and a folder named .rdslint.yaml is no configuration.
TEST_F(ProjectTest, ConfigFilesAreFoundThroughLinksAndNotInFolders) {
  const std::string bad = "DB_PASSWORD=Pl4nted-e2e\n";
  mkdir((dir_ + "/linked").c_str(), 0755);
  mkdir((dir_ + "/plain").c_str(), 0755);
  mkdir((dir_ + "/odd").c_str(), 0755);
  mkdir((dir_ + "/odd/.rdslint.yaml").c_str(), 0755);
  Write(dir_ + "/quiet.yaml.txt", "Checks: '-env-password-literal'\n");
  ASSERT_EQ(symlink("../quiet.yaml.txt", (dir_ + "/linked/.rdslint.yaml").c_str()), 0);
  Write(dir_ + "/plain/.rdslint.yaml", "Checks: '-env-password-literal'\n");
  Write(dir_ + "/linked/.env", bad);
  Write(dir_ + "/plain/.env", bad);
  Write(dir_ + "/odd/.env", bad);
  Output o = Shell(kRdslint + " '" + dir_ + "' --format json");
  ASSERT_EQ(o.status, 1) << o.err;
  nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["findings"].size(), 1u) << o.out;
  EXPECT_EQ(j["findings"][0]["file"], dir_ + "/odd/.env");
}

TEST_F(ProjectTest, BrokenConfigIsLocatedAndOtherFilesStillChecked) {
  mkdir((dir_ + "/svc").c_str(), 0755);
  Write(dir_ + "/.env", "DB_PASSWORD=Pl4nted-e2e\n");
  Write(dir_ + "/svc/.env", "DB_PASSWORD=Pl4nted-e2e\n");
  Write(dir_ + "/svc/.rdslint.yaml", "Checks: [\n");
  Output o = Shell(kRdslint + " '" + dir_ + "'");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("svc/.rdslint.yaml"), std::string::npos) << o.err;
  EXPECT_NE(o.out.find(".env:1:13: error:"), std::string::npos) << o.out;
}

// Every fixture, every format, to stdout and to --output: no planted
// password (they all contain "Pl4nted") may appear anywhere.
// Every format over every fixture folder is tests/e2e/secrets_test.cc; here
// the machine formats to standard output, and the masked form in place.
TEST(SecretsTest, MachineFormatsOnStdoutAndTheMaskedForm) {
  for (const char* format : {"json", "sarif", "github", "junit"}) {
    Output o = Shell(kRdslint + " testdata/demo --format " + format);
    EXPECT_FALSE(o.out.empty()) << format;
    EXPECT_EQ(o.out.find("Pl4nted"), std::string::npos) << format << "\n" << o.out;
    EXPECT_EQ(o.err.find("Pl4nted"), std::string::npos) << format << "\n" << o.err;
  }
  Output text = Shell(kRdslint + " testdata/env/env-password-literal");
  EXPECT_NE(text.out.find(":****@"), std::string::npos) << text.out;
}

// Validates a SARIF file with Sarif.Multitool and returns the problems it
// reports at error or warning level.
std::vector<std::string> SarifProblems(const std::string& sarif, const std::string& rule_kind) {
  const std::string tool =
      RDSLINT_SOURCE_DIR "/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  EXPECT_EQ(access(tool.c_str(), X_OK), 0) << "run scripts/install-deps.sh (npm ci)";
  const std::string log = sarif + ".validation" + std::to_string(rule_kind.size()) + ".sarif";
  std::string cmd = tool + " validate --output " + log + " --log ForceOverwrite --level 'Error;Warning'";
  if (!rule_kind.empty()) cmd += " --rule-kind '" + rule_kind + "'";
  Output o = Shell(cmd + " " + sarif);
  EXPECT_EQ(o.status, 0) << o.out << o.err;
  std::vector<std::string> problems;
  nlohmann::json result = nlohmann::json::parse(ReadAll(log), nullptr, false);
  EXPECT_FALSE(result.is_discarded()) << "validator wrote no log: " << o.out << o.err;
  if (result.is_discarded()) return {"no log"};
  for (const auto& run : result["runs"]) {
    for (const auto& r : run.value("results", nlohmann::json::array())) {
      problems.push_back(r.value("ruleId", "?") + ": " + r["message"].dump());
    }
  }
  return problems;
}

TEST(SarifTest, OutputPassesTheSarifMultitoolValidator) {
  const std::string dir = TempDir();
  const std::string sarif = dir + "/rdslint.sarif";
  Output o = Shell(kRdslint + " testdata --format sarif -o " + sarif);
  ASSERT_EQ(o.status, 1) << o.err;
  nlohmann::json log = nlohmann::json::parse(ReadAll(sarif));
  ASSERT_GT(log["runs"][0]["results"].size(), 20u);
  // The project rules' findings carry the other files they involve.
  size_t related = 0;
  for (const auto& r : log["runs"][0]["results"]) {
    if (!r.contains("relatedLocations")) continue;
    EXPECT_EQ(r["ruleId"].get<std::string>().rfind("project-", 0), 0u) << r.dump();
    for (const auto& l : r["relatedLocations"]) {
      EXPECT_GT(l["physicalLocation"]["region"]["startLine"].get<int>(), 0) << r.dump();
      ++related;
    }
  }
  EXPECT_GT(related, 10u);
  for (const std::string& kind : {std::string(), std::string("Ghas;Sarif")}) {
    std::vector<std::string> problems = SarifProblems(sarif, kind);
    EXPECT_TRUE(problems.empty()) << "rule kind '" << kind << "':\n"
                                  << testing::PrintToString(problems);
  }
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
