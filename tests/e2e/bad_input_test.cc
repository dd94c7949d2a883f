// The bad-input catalogue (issue 11): whatever is in the tree, the scan
// finishes, says where the bad input is (or skips it with a note), keeps
// every other file's findings, and writes nothing but its report.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
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

class BadInput : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    out_ = TempDir();
    // The witness: a file with a known finding that must always be reported.
    Write(dir_ + "/witness.env", "DB_PASSWORD=Pl4nted-witness\n");
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "' '" + out_ + "'").c_str()); }

  // Lints the folder (bounded by `timeout`), checks the witness finding and
  // that nothing was written outside --output; returns the report.
  nlohmann::json Lint(const std::string& extra = "") {
    const std::string before = Shell("cd '" + dir_ + "' && find . | sort").out;
    Output o = Shell("timeout 60 " + kRdslint + " --format json --output '" + out_ + "/r.json' " +
                     extra + " '" + dir_ + "'");
    EXPECT_TRUE(o.status == 0 || o.status == 1 || o.status == 2) << "status " << o.status << o.err;
    EXPECT_EQ(Shell("cd '" + dir_ + "' && find . | sort").out, before) << "wrote into the tree";
    nlohmann::json j = nlohmann::json::parse(ReadAll(out_ + "/r.json"), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "the report must be valid JSON (UTF-8): " << o.err;
    if (j.is_discarded()) return nlohmann::json::object();
    bool witness = false;
    for (const auto& f : j["findings"]) {
      witness |= f["file"].get<std::string>().find("witness.env") != std::string::npos;
    }
    EXPECT_TRUE(witness) << j.dump(1);
    EXPECT_EQ(ReadAll(out_ + "/r.json").find("Pl4nted"), std::string::npos);
    return j;
  }

  static bool HasNote(const nlohmann::json& j, const std::string& file_part, const std::string& text) {
    for (const auto& n : j["notes"]) {
      if (n.value("file", "").find(file_part) != std::string::npos &&
          n["message"].get<std::string>().find(text) != std::string::npos)
        return true;
    }
    return false;
  }
  static const nlohmann::json* FindingIn(const nlohmann::json& j, const std::string& file_part,
                                         const std::string& rule) {
    for (const auto& f : j["findings"]) {
      if (f["file"].get<std::string>().find(file_part) != std::string::npos && f["rule"] == rule)
        return &f;
    }
    return nullptr;
  }

  // The parse-error reported in `file_part`, which must exist and be
  // located (a line and a column); returns its line.
  static int ParseErrorLine(const nlohmann::json& j, const std::string& file_part) {
    const nlohmann::json* e = FindingIn(j, file_part, "parse-error");
    EXPECT_NE(e, nullptr) << file_part << " has no parse-error: " << j.dump(1);
    if (!e) return 0;
    EXPECT_GE((*e)["line"].get<int>(), 1) << e->dump();
    EXPECT_GE((*e)["column"].get<int>(), 1) << e->dump();
    return (*e)["line"].get<int>();
  }
  static void ExpectParseErrorLines(const nlohmann::json& j,
                                    const std::vector<std::pair<std::string, int>>& expected) {
    for (const auto& [file, line] : expected) EXPECT_EQ(ParseErrorLine(j, file), line) << file;
  }

  std::string dir_, out_;
};

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// "[*a,*a,...]" nine times, ten levels: 9^10 nodes once expanded.
std::string AliasBomb(const std::string& indent) {
  std::string bomb = indent + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += indent + std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + prev;
    bomb += "]\n";
  }
  return bomb;
}

TEST_F(BadInput, BinaryFileWithASourceExtensionIsSkippedWithANote) {
  Write(dir_ + "/image.env", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  nlohmann::json j = Lint();
  EXPECT_TRUE(HasNote(j, "image.env", "binary")) << j["notes"].dump();
}

TEST_F(BadInput, NulBytesAfterTheFirstBlockAndInvalidUtf8) {
  std::string text = "A=1\n" + std::string(9000, '#') + "\n";
  text += std::string("DB_PASSWORD=\xff\xfe\xc3Pl4nted\0x", 22) + "\nURL=postgres://u:p\xe9@h\xff/d\n";
  Write(dir_ + "/mixed.env", text);
  nlohmann::json j = Lint();
  EXPECT_NE(FindingIn(j, "mixed.env", "env-password-literal"), nullptr) << j.dump(1);
}

TEST_F(BadInput, HugeFileIsSkippedAndALongLineIsLinear) {
  {
    std::ofstream big(dir_ + "/big.env", std::ios::binary);
    std::string line(1 << 20, 'x');
    line.back() = '\n';
    for (int i = 0; i < 100; ++i) big << line;  // 100 MiB
  }
  Write(dir_ + "/long.env", "LONG=" + std::string(10 << 20, 'a') + "\nDB_PASSWORD=Pl4nted-after-long\n");
  nlohmann::json j = Lint("--max-file-size 20M");
  EXPECT_TRUE(HasNote(j, "big.env", "size limit")) << j["notes"].dump();
  EXPECT_NE(FindingIn(j, "long.env", "env-password-literal"), nullptr);
}

TEST_F(BadInput, DeepNestingAndAliasBombsInYaml) {
  std::string deep = "services:\n  api:\n    environment:\n      X: " + std::string(10000, '[') +
                     std::string(10000, ']') + "\n";
  Write(dir_ + "/docker-compose.yml", deep);
  std::string bomb = AliasBomb("") + "services:\n  api:\n    environment: *j\n";
  Write(dir_ + "/compose.bomb.yml", bomb);
  nlohmann::json j = Lint();
  const nlohmann::json* deep_error = FindingIn(j, "docker-compose.yml", "parse-error");
  ASSERT_NE(deep_error, nullptr) << j.dump(1);
  EXPECT_EQ((*deep_error)["line"], 4);
}

TEST_F(BadInput, UnterminatedQuoteIsLocatedAndTheRestIsRead) {
  Write(dir_ + "/open.env", "A=1\nB=\"never closed\nDB_PASSWORD=Pl4nted-later\n");
  nlohmann::json j = Lint();
  const nlohmann::json* e = FindingIn(j, "open.env", "parse-error");
  ASSERT_NE(e, nullptr) << j.dump(1);
  EXPECT_EQ((*e)["line"], 2);
  EXPECT_EQ((*e)["column"], 3);
  EXPECT_NE(FindingIn(j, "open.env", "env-password-literal"), nullptr);
}

TEST_F(BadInput, SymlinkLoopFifoFolderNamedLikeAFileAndEmptyFile) {
  mkdir((dir_ + "/loop").c_str(), 0755);
  ASSERT_EQ(symlink((dir_ + "/loop").c_str(), (dir_ + "/loop/again").c_str()), 0);
  ASSERT_EQ(symlink((dir_ + "/nowhere").c_str(), (dir_ + "/dangling.env").c_str()), 0);
  ASSERT_EQ(mkfifo((dir_ + "/pipe.env").c_str(), 0644), 0);  // reading it would block forever
  mkdir((dir_ + "/folder.env").c_str(), 0755);
  Write(dir_ + "/folder.env/inner.env", "DB_PASSWORD=Pl4nted-inner\n");
  Write(dir_ + "/empty.env", "");
  nlohmann::json j = Lint();
  EXPECT_NE(FindingIn(j, "folder.env/inner.env", "env-password-literal"), nullptr);
}

TEST_F(BadInput, UnreadableFileIsAnErrorWithItsNameAndTheRestIsChecked) {
  // As root every file is readable: run rdslint as nobody.
  Write(dir_ + "/secret.env", "DB_PASSWORD=Pl4nted-locked\n");
  chmod((dir_ + "/secret.env").c_str(), 0);
  Shell("chmod 755 '" + dir_ + "' '" + out_ + "' && chmod 644 '" + dir_ + "/witness.env' && chmod 777 '" +
        out_ + "'");
  Output o = Shell("timeout 60 setpriv --reuid=nobody --regid=nogroup --clear-groups " + kRdslint +
                   " --format json '" + dir_ + "'");
  ASSERT_EQ(o.status, 2) << o.out << o.err;  // an I/O error, and the witness was still checked
  nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_TRUE(HasNote(j, "secret.env", "cannot read")) << j["notes"].dump();
  EXPECT_NE(FindingIn(j, "witness.env", "env-password-literal"), nullptr);
  EXPECT_NE(o.err.find("secret.env"), std::string::npos);
}

// 10,000 levels in each nesting syntax rdslint reads: YAML flow and block
// (a CloudFormation template, serverless.yml), JSON (a .tf.json, a CDK
// template) and HCL (expressions and blocks). Each is a located parse-error,
// nothing overflows the stack, and the witness is still reported.
TEST_F(BadInput, TenThousandLevelsInYamlJsonAndHcl) {
  const int n = 10000;
  Write(dir_ + "/template.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n"
        "    Properties:\n      Tags: " + Repeat("[", n) + Repeat("]", n) + "\n");
  Write(dir_ + "/svc/serverless.yml",
        "service: deep\nprovider:\n  name: aws\ncustom:\n  deep:\n    " + Repeat("- ", n) + "x\n");
  Write(dir_ + "/deep.tf.json",
        "{\n  \"locals\": {\n    \"x\": " + Repeat("[", n) + Repeat("]", n) + "\n  }\n}\n");
  Write(dir_ + "/cdk.out/App.template.json",
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {\"Db\": {\"Type\": "
        "\"AWS::RDS::DBInstance\",\n\"Properties\": {\"Tags\": " +
            Repeat("{\"a\": ", n) + "1" + Repeat("}", n) + "}}}}\n");
  Write(dir_ + "/tf/main.tf", "locals {\n  x = " + Repeat("[", n) + Repeat("]", n) + "\n}\n");
  Write(dir_ + "/tf/paren.tf", "locals {\n  y = " + Repeat("(", n) + "1" + Repeat(")", n) + "\n}\n");
  Write(dir_ + "/tf/blocks.tf", "resource \"null_resource\" \"a\" {\n" + Repeat("b {\n", n) + Repeat("}\n", n) + "}\n");
  nlohmann::json j = Lint();
  ExpectParseErrorLines(j, {{"template.yaml", 6},
                            {"serverless.yml", 6},
                            {"deep.tf.json", 3},
                            {"App.template.json", 3},
                            {"main.tf", 2},
                            {"paren.tf", 2},
                            {"blocks.tf", 257}});  // where level 257 opens
}

// Aliases are shared, never expanded: a billion-laughs template and a
// serverless.yml are read in linear time, and what follows the bomb is read.
TEST_F(BadInput, AliasBombsInATemplateAndAServerlessService) {
  Write(dir_ + "/template.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n" + AliasBomb("  ") +
            "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
            "      Engine: postgres\n      Tags: *j\n      MasterUsername: app\n"
            "      MasterUserPassword: Pl4nted-bomb-password\n");
  Write(dir_ + "/svc/serverless.yml",
        "service: bomb\ncustom:\n" + AliasBomb("  ") +
            "provider:\n  name: aws\n  environment:\n    TAGS: ${self:custom.j}\n");
  nlohmann::json j = Lint();
  const nlohmann::json* password = FindingIn(j, "template.yaml", "iac-password-literal");
  ASSERT_NE(password, nullptr) << j.dump(1);
  EXPECT_EQ((*password)["line"], 20);
  EXPECT_EQ(FindingIn(j, "serverless.yml", "parse-error"), nullptr) << j.dump(1);
}

// Strings, heredocs, comments and blocks that never close, in Terraform,
// Prisma and TypeScript: each a parse-error where it opens.
TEST_F(BadInput, UnterminatedStringsHeredocsAndComments) {
  Write(dir_ + "/tf1/string.tf", "locals {\n  a = 1\n  b = \"never closed\n}\n");
  Write(dir_ + "/tf2/heredoc.tf", "locals {\n  a = <<EOT\nhello\n}\n");
  Write(dir_ + "/tf3/comment.tf", "locals {\n  a = 1\n}\n/* never closed\nlocals {}\n");
  Write(dir_ + "/p1/schema.prisma",
        "datasource db {\n  provider = \"postgresql\n  url      = env(\"DATABASE_URL\")\n}\n");
  Write(dir_ + "/p2/schema.prisma",
        "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n"
        "model User {\n  id Int @id\n");
  Write(dir_ + "/src/string.ts",
        "import { Client } from \"pg\";\nconst url = process.env.DATABASE_URL;\n"
        "const c = new Client({ connectionString: url });\nconst s = \"never closed\n");
  Write(dir_ + "/src/template.ts",
        "import { Client } from \"pg\";\nconst url = process.env.DATABASE_URL;\n"
        "const c = new Client({ connectionString: url });\nconst s = `never ${url} closed\n");
  Write(dir_ + "/src/comment.ts",
        "import { Client } from \"pg\";\nconst url = process.env.DATABASE_URL;\n"
        "const c = new Client({ connectionString: url });\n/* never closed\n");
  nlohmann::json j = Lint();
  EXPECT_EQ(ParseErrorLine(j, "heredoc.tf"), 1);  // the block left open, then the heredoc:
  bool heredoc = false;
  for (const auto& f : j["findings"]) {
    heredoc |= f["file"].get<std::string>().find("heredoc.tf") != std::string::npos &&
               f["line"] == 2 && f["message"].get<std::string>().find("Unterminated") != std::string::npos;
  }
  EXPECT_TRUE(heredoc) << j.dump(1);
  ExpectParseErrorLines(j, {{"string.tf", 3},
                            {"comment.tf", 4},
                            {"p1/schema.prisma", 2},
                            {"p2/schema.prisma", 5},
                            {"string.ts", 4},
                            {"template.ts", 4},
                            {"comment.ts", 4}});
}

// A file deleted between discovery and reading (a checkout or a build
// running beside the scan): vanish_preload.so unlinks vanish.env the moment
// rdslint opens it. The file is skipped with a note, and it is no error.
TEST_F(BadInput, FileDeletedDuringTheScanIsSkippedWithANote) {
  Write(dir_ + "/vanish.env", "DB_PASSWORD=Pl4nted-vanished\n");
  Output o = Shell("LD_PRELOAD='" + std::string(VANISH_PRELOAD) +
                   "' ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 timeout 60 " + kRdslint +
                   " --format json '" + dir_ + "'");
  ASSERT_EQ(o.status, 1) << o.out << o.err;  // the witness, and no I/O error
  EXPECT_EQ(Shell("test -e '" + dir_ + "/vanish.env'").status, 1) << "the shim did not run";
  nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_TRUE(HasNote(j, "vanish.env", "deleted during the scan")) << j["notes"].dump();
  EXPECT_EQ(FindingIn(j, "vanish.env", "env-password-literal"), nullptr);
  EXPECT_NE(FindingIn(j, "witness.env", "env-password-literal"), nullptr);
}

// --file-time-budget: a file over it gets a warning naming it; the run goes
// on and reports everything.
TEST_F(BadInput, FileOverTheTimeBudgetGetsANoteAndTheRunGoesOn) {
  std::string big;
  for (int i = 0; i < 40000; ++i) big += "K" + std::to_string(i) + "=postgres://u:p@h:5432/d\n";
  Write(dir_ + "/slow.env", big);
  nlohmann::json j = Lint("--file-time-budget 1ms");
  EXPECT_TRUE(HasNote(j, "slow.env", "per-file time budget")) << j["notes"].dump();
  nlohmann::json quiet = Lint("--file-time-budget 0");
  EXPECT_FALSE(HasNote(quiet, "slow.env", "per-file time budget")) << quiet["notes"].dump();
  EXPECT_EQ(Shell(kRdslint + " --file-time-budget 5x . 2>&1").status, 2);
}

}  // namespace
