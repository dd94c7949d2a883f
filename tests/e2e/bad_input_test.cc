// The bad-input catalogue (issue 11): whatever is in the tree, the scan
// finishes, says where the bad input is (or skips it with a note), keeps
// every other file's findings, and writes nothing but its report.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

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

  std::string dir_, out_;
};

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
  std::string bomb = "x: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + prev;
    bomb += "]\n";
  }
  bomb += "services:\n  api:\n    environment: *j\n";
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

}  // namespace
