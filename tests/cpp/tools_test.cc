// Both ways the cpp checks run, on every fixture under testdata/cpp/: the
// rdslint command with -p, and the real clang-tidy-14 with the plugin
// (--load=librdslint-tidy.so). Each must report exactly the findings the
// fixture's annotations expect, at the exact line and column. Also NOLINT
// and --fix through clang-tidy itself, the demo, and missing headers.
#include <dirent.h>
#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "tests/e2e/e2e_util.h"

namespace rdslint::e2e {
namespace {

const std::string kTidy = RDSLINT_CLANG_TIDY;
const std::string kPlugin = RDSLINT_TIDY_PLUGIN;
const std::string kCppData = kSourceDir + "/testdata/cpp";

struct Hit {
  std::string file;  // absolute
  int line;
  int column;
  std::string rule;
  bool operator<(const Hit& o) const {
    return std::tie(file, line, column, rule) < std::tie(o.file, o.line, o.column, o.rule);
  }
  bool operator==(const Hit& o) const { return !(*this < o) && !(o < *this); }
};

std::ostream& operator<<(std::ostream& os, const Hit& h) {
  return os << h.file << ":" << h.line << ":" << h.column << " [" << h.rule << "]";
}

std::vector<std::string> List(const std::string& dir, bool dirs) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      struct stat st;
      if (name[0] == '.' || stat((dir + "/" + name).c_str(), &st) != 0) continue;
      if (S_ISDIR(st.st_mode) == dirs) out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsSource(const std::string& name) {
  return name.size() > 3 && (name.substr(name.size() - 3) == ".cc" || name.substr(name.size() - 2) == ".h");
}

// The fixture's own expectations: "// ruleid: RULE col N" on the line before.
std::set<Hit> Expected(const std::string& file) {
  static const RE2 kAnnotation(R"(^\s*//\s*(ruleid|ok):\s*([a-z0-9-]+)(?:\s+col\s+(\d+))?)");
  std::set<Hit> out;
  std::ifstream in(file);
  std::vector<std::pair<std::string, int>> pending;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::string kind, rule, col;
    if (RE2::PartialMatch(line, kAnnotation, &kind, &rule, &col)) {
      if (kind == "ruleid") pending.emplace_back(rule, std::stoi(col));
      continue;
    }
    for (const auto& [r, c] : pending) out.insert(Hit{file, n, c, r});
    pending.clear();
  }
  return out;
}

// A build folder for the fixtures, made now: compile_commands.json holds
// absolute paths, which cannot be committed. Each file gets the flags it
// gets in the repository: its folder's compile_commands.json, else
// testdata/cpp/compile_flags.txt.
std::string MakeBuildDir() {
  std::vector<std::string> flags;
  std::ifstream in(kCppData + "/compile_flags.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) flags.push_back(line);
  }
  nlohmann::json db = nlohmann::json::array();
  for (const std::string& c : List(kCppData, true)) {
    const std::string dir = kCppData + "/" + c;
    std::ifstream own(dir + "/compile_commands.json");
    if (own) {
      for (nlohmann::json entry : nlohmann::json::parse(own)) {
        entry["directory"] = dir + "/" + entry["directory"].get<std::string>();
        db.push_back(entry);
      }
      continue;
    }
    for (const std::string& f : List(dir, false)) {
      if (!IsSource(f)) continue;
      nlohmann::json args = nlohmann::json::array({"c++"});
      for (const std::string& flag : flags) args.push_back(flag);
      args.push_back("-c");
      args.push_back(dir + "/" + f);
      db.push_back({{"directory", kCppData}, {"file", dir + "/" + f}, {"arguments", args}});
    }
  }
  const std::string build = TempDir();
  Write(build + "/compile_commands.json", db.dump(2));
  return build;
}

const std::string& BuildDir() {
  static const std::string dir = MakeBuildDir();
  return dir;
}

std::set<Hit> RdslintHits(const std::string& args, std::string* log = nullptr) {
  Output o = Shell(kRdslint + " --format json --fail-level none " + args);
  if (log) *log = o.out + o.err;
  std::set<Hit> out;
  nlohmann::json j = nlohmann::json::parse(o.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << o.out << o.err;
  if (j.is_discarded()) return out;
  for (const auto& f : j["findings"]) {
    std::string file = f["file"];
    if (file[0] != '/') file = kSourceDir + "/" + file;
    out.insert(Hit{file, f["line"], f["column"], f["rule"]});
  }
  return out;
}

// clang-tidy's "file:line:col: warning: message [check]" lines.
std::set<Hit> TidyHits(const std::string& args, std::string* log = nullptr) {
  static const RE2 kLine(R"(^(/[^:]+):(\d+):(\d+): (?:warning|error): .* \[([a-z0-9-]+)(?:,[^\]]*)?\]$)");
  Output o = Shell(kTidy + " --load=" + kPlugin + " --quiet " + args);
  if (log) *log = o.out + o.err;
  std::set<Hit> out;
  std::istringstream lines(o.out);
  for (std::string line; std::getline(lines, line);) {
    std::string file, rule;
    int l = 0, c = 0;
    if (RE2::FullMatch(line, kLine, &file, &l, &c, &rule)) out.insert(Hit{file, l, c, rule});
  }
  return out;
}

struct Case {
  std::string dir;  // absolute
  std::string rule;
};

std::vector<Case> Cases() {
  std::vector<Case> out;
  for (const std::string& name : List(kCppData, true)) {
    if (name.rfind("cpp-", 0) == 0) out.push_back(Case{kCppData + "/" + name, name.substr(0, name.find('.'))});
  }
  return out;
}

class ToolsTest : public testing::TestWithParam<Case> {};

TEST_P(ToolsTest, RdslintWithMinusPAndClangTidyPluginReportTheAnnotatedFindings) {
  const Case& c = GetParam();
  std::set<Hit> expected;
  std::string files;
  for (const std::string& f : List(c.dir, false)) {
    if (!IsSource(f)) continue;
    for (const Hit& h : Expected(c.dir + "/" + f)) expected.insert(h);
    files += " '" + c.dir + "/" + f + "'";
  }
  ASSERT_FALSE(expected.empty()) << c.dir;
  const std::string checks = " --checks='-*," + c.rule + "'";

  std::string log;
  std::set<Hit> rdslint = RdslintHits("-p '" + BuildDir() + "'" + checks + " '" + c.dir + "'", &log);
  EXPECT_EQ(rdslint, expected) << "rdslint -p:\n" << log;
  EXPECT_EQ(log.find("defaults"), std::string::npos) << "-p gives every file its flags:\n" << log;

  std::set<Hit> tidy = TidyHits("-p '" + BuildDir() + "'" + checks + files, &log);
  EXPECT_EQ(tidy, expected) << "clang-tidy --load:\n" << log;
  EXPECT_EQ(log.find("clang-diagnostic"), std::string::npos) << log;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ToolsTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.dir.substr(kCppData.size() + 1);
                           for (char& ch : name) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(ToolsTest, EveryCheckIsInThePlugin) {
  Output o = Shell(kTidy + " --load=" + kPlugin + " --checks='-*,cpp-*' --list-checks");
  for (const char* id : {"cpp-password-literal", "cpp-tls-missing-sslmode", "cpp-endpoint-not-proxy",
                         "cpp-url-unencoded-password", "cpp-refresh-static-credential"}) {
    EXPECT_NE(o.out.find(id), std::string::npos) << id << "\n" << o.out << o.err;
  }
}

// NOLINT and --fix go through clang-tidy's own machinery (and rdslint's).
TEST(ToolsTest, NolintAndFixThroughClangTidy) {
  const std::string dir = TempDir();
  std::string text = ReadAll(kCppData + "/cpp-tls-missing-sslmode/bad.cc");
  // The first finding's line gets a NOLINT.
  const std::string first = "dbname=app user=app\");";
  ASSERT_NE(text.find(first), std::string::npos);
  text.replace(text.find(first), first.size(), first + "  // NOLINT(cpp-tls-missing-sslmode)");
  const std::string file = dir + "/client.cc";
  Write(file, text);
  const std::string flags = " -- -std=c++17 -I/usr/include/postgresql";
  const std::string checks = " --checks='-*,cpp-tls-missing-sslmode' ";

  std::set<Hit> before = TidyHits(checks + file + flags);
  EXPECT_EQ(before.size(), 5u);
  for (const Hit& h : before) EXPECT_NE(h.line, 10) << "NOLINT must suppress " << h;
  std::set<Hit> rdslint = RdslintHits(checks + file);
  EXPECT_EQ(rdslint, before) << "rdslint honours the same NOLINT";

  // Fix-its exist where the string ends in a literal: two of the five.
  std::string log;
  TidyHits("--fix" + checks + file + flags, &log);
  const std::string fixed = ReadAll(file);
  EXPECT_NE(fixed.find("dbname=app host=\" + host + \" user=app sslmode=require\""), std::string::npos)
      << log << fixed;
  EXPECT_NE(fixed.find("application_name=report&sslmode=require\""), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("user=app\");  // NOLINT"), std::string::npos) << "a suppressed finding is not fixed";
  EXPECT_EQ(TidyHits(checks + file + flags).size(), 3u) << ReadAll(file);
  Output compiles = Shell("clang++-14 -fsyntax-only -std=c++17 -I/usr/include/postgresql " + file);
  EXPECT_EQ(compiles.status, 0) << compiles.err;

  // rdslint --fix makes the same edits.
  Write(file, text);
  Shell(kRdslint + checks + "--fix " + file);
  EXPECT_EQ(ReadAll(file), fixed);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST(ToolsTest, DemoShowsTheCppFindingsAndNoSecret) {
  Output o = Shell(kRdslint + " testdata/demo");
  for (const char* rule : {"[cpp-password-literal]", "[cpp-tls-missing-sslmode]", "[cpp-endpoint-not-proxy]"}) {
    EXPECT_NE(o.out.find("testdata/demo/native/report_client.cc:"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find(rule), std::string::npos) << rule << "\n" << o.out;
  }
  EXPECT_EQ(o.out.find("Pl4nted"), std::string::npos) << o.out;
  EXPECT_EQ(o.err.find("defaults"), std::string::npos) << "the demo has its compile_commands.json:\n" << o.err;
}

TEST(ToolsTest, MissingHeaderIsLocatedAndOtherFilesGoOn) {
  const std::string dir = TempDir();
  Write(dir + "/a.cc", "#include <libpq-fe.h>\n#include <aws/core/Aws.h>\n"
                       "PGconn* c() { return PQconnectdb(\"host=a.example.com sslmode=require\"); }\n");
  Write(dir + "/b.cc", "#include <libpq-fe.h>\n"
                       "PGconn* c() { return PQconnectdb(\"host=b.example.com\"); }\n");
  Output o = Shell(kRdslint + " '" + dir + "'");
  EXPECT_EQ(o.status, 1) << o.out << o.err;
  EXPECT_NE(o.out.find(dir + "/a.cc:2:10: error: 'aws/core/Aws.h' file not found"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("[parse-error]"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(dir + "/b.cc:2:40: warning:"), std::string::npos) << o.out;
  // No database anywhere above /tmp: each file says how it was parsed.
  EXPECT_NE(o.err.find("parsed with rdslint's defaults (-std=c++17 -I"), std::string::npos) << o.err;
  // -p must name a folder; -p=DIR is clang-tidy's spelling.
  EXPECT_EQ(Shell(kRdslint + " -p '" + dir + "/none' '" + dir + "'").status, 2);
  Output p = Shell(kRdslint + " -p='" + dir + "' '" + dir + "'");
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("-p " + dir + ": no compile_commands.json"), std::string::npos) << p.err;
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace rdslint::e2e
