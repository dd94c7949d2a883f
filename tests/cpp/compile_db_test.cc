// Where C++ files find their compile flags (frontend/cpp/compile_db.h).
#include "frontend/cpp/compile_db.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rdslint::cpp {
namespace {

class CompileDbTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/rdslint-compiledb-XXXXXX";
    root_ = mkdtemp(tmpl);
  }
  void TearDown() override { system(("rm -rf '" + root_ + "'").c_str()); }

  std::string Dir(const std::string& rel) {
    std::string path = root_;
    size_t i = 0;
    while (i <= rel.size()) {
      size_t j = rel.find('/', i);
      if (j == std::string::npos) j = rel.size();
      path += "/" + rel.substr(i, j - i);
      mkdir(path.c_str(), 0755);
      i = j + 1;
    }
    return path;
  }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ + "/" + rel) << text;
  }

  std::string root_;
};

TEST_F(CompileDbTest, NearestParentFolderWins) {
  const std::string src = Dir("repo/src/db");
  Write("repo/compile_commands.json", "[]");
  Write("repo/src/compile_commands.json", "[]");
  DatabaseFinder finder("");
  std::optional<DatabaseLocation> found = finder.Find(src);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->path, root_ + "/repo/src/compile_commands.json");
  EXPECT_EQ(found->kind, DatabaseLocation::Kind::kJson);
  // Cached per folder, and answered the same for a sibling below.
  EXPECT_EQ(finder.Find(src)->path, found->path);
  EXPECT_EQ(finder.Find(root_ + "/repo/src")->path, found->path);
}

TEST_F(CompileDbTest, BuildSubfolderAndFlagsTxt) {
  const std::string src = Dir("repo/src");
  Dir("repo/build");
  Write("repo/build/compile_commands.json", "[]");
  EXPECT_EQ(DatabaseFinder("").Find(src)->path, root_ + "/repo/build/compile_commands.json");
  // In one folder compile_commands.json, then compile_flags.txt, then build/.
  Write("repo/compile_flags.txt", "-std=c++17\n");
  std::optional<DatabaseLocation> flags = DatabaseFinder("").Find(src);
  EXPECT_EQ(flags->path, root_ + "/repo/compile_flags.txt");
  EXPECT_EQ(flags->kind, DatabaseLocation::Kind::kFlagsTxt);
}

TEST_F(CompileDbTest, BuildPathIsWhatMinusPSays) {
  const std::string src = Dir("repo/src");
  Write("repo/src/compile_commands.json", "[]");
  const std::string out = Dir("repo/out");
  Write("repo/out/compile_commands.json", "[]");
  // -p ignores the file's own folders...
  EXPECT_EQ(DatabaseFinder(out).Find(src)->path, root_ + "/repo/out/compile_commands.json");
  // ...and, as clang-tidy, looks above the build folder, not into its build/.
  const std::string nested = Dir("repo/out/debug");
  Dir("repo/out/debug/build");
  Write("repo/out/debug/build/compile_commands.json", "[]");
  EXPECT_EQ(DatabaseFinder(nested).Find(src)->path, root_ + "/repo/out/compile_commands.json");
}

TEST_F(CompileDbTest, NothingFound) {
  // /tmp and / hold no database on a build machine.
  EXPECT_FALSE(DatabaseFinder("").Find(Dir("empty/a/b")));
}

TEST(CompileDb, RelativeDirectoriesAreTakenFromTheDatabaseFolder) {
  Result<std::string> out = ResolveRelativeDirectories(
      R"([{"directory": ".", "file": "a.cc", "command": "c++ -c a.cc"},
          {"directory": "../gen", "file": "b.cc", "command": "c++ -c b.cc"},
          {"directory": "/abs/dir", "file": "c.cc", "command": "c++ -c c.cc"}])",
      "/repo/native");
  ASSERT_TRUE(out.ok()) << out.status().message();
  nlohmann::json db = nlohmann::json::parse(*out);
  EXPECT_EQ(db[0]["directory"], "/repo/native");
  EXPECT_EQ(db[1]["directory"], "/repo/gen");
  EXPECT_EQ(db[2]["directory"], "/abs/dir");
  EXPECT_EQ(db[1]["command"], "c++ -c b.cc");
  // Absolute-only databases pass through byte for byte.
  const std::string absolute = R"([{"directory": "/x", "file": "a.cc", "arguments": ["c++", "a.cc"]}])";
  EXPECT_EQ(*ResolveRelativeDirectories(absolute, "/repo"), absolute);
  EXPECT_FALSE(ResolveRelativeDirectories("[{", "/repo").ok());
  EXPECT_FALSE(ResolveRelativeDirectories(R"({"directory": "."})", "/repo").ok());
}

TEST(CompileDb, Defaults) {
  const std::vector<std::string> cc = DefaultCommand("/src/a.cc");
  EXPECT_EQ(cc.front(), "clang++");
  EXPECT_EQ(cc.back(), "/src/a.cc");
  EXPECT_NE(std::find(cc.begin(), cc.end(), "-std=c++17"), cc.end());
  EXPECT_NE(std::find(cc.begin(), cc.end(), "c++"), cc.end());
  const std::vector<std::string> c = DefaultCommand("/src/a.c");
  EXPECT_NE(std::find(c.begin(), c.end(), "c"), c.end());
  const std::vector<std::string> h = DefaultCommand("/src/a.h");
  EXPECT_NE(std::find(h.begin(), h.end(), "c++-header"), h.end());
  const std::string summary = DefaultFlagsSummary("/src/a.cc");
  EXPECT_EQ(summary.find("-x"), std::string::npos);
  EXPECT_NE(summary.find("-std=c++17 -I/"), std::string::npos) << summary;
  EXPECT_NE(summary.find("postgresql"), std::string::npos) << summary;
}

}  // namespace
}  // namespace rdslint::cpp
