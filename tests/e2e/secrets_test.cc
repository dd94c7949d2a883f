// Secrets stay secret (issue 11): every output format, the fix-its file and
// the language server (diagnostics, quick fixes and its verbose log), over
// every fixture folder under testdata/, and no planted password — each
// contains "Pl4nted" — appears in standard output, standard error or any
// file written.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/e2e_util.h"

namespace {

using rdslint::e2e::kRdslint;
using rdslint::e2e::kSourceDir;
using rdslint::e2e::Output;
using rdslint::e2e::ReadAll;
using rdslint::e2e::Shell;
using rdslint::e2e::TempDir;
using rdslint::e2e::Write;

constexpr const char* kPlanted = "Pl4nted";

bool IsDir(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// testdata and every folder under it, relative to the source folder.
std::vector<std::string> FixtureFolders() {
  std::vector<std::string> out{"testdata"};
  for (size_t i = 0; i < out.size(); ++i) {
    for (const std::string& name : Entries(kSourceDir + "/" + out[i])) {
      if (IsDir(kSourceDir + "/" + out[i] + "/" + name)) out.push_back(out[i] + "/" + name);
    }
  }
  return out;
}

// Every file the run wrote, concatenated, and the names that held a secret.
std::string Leaks(const std::string& label, const Output& o,
                  const std::vector<std::string>& written) {
  std::string leaks;
  if (o.out.find(kPlanted) != std::string::npos) leaks += label + ": stdout\n";
  if (o.err.find(kPlanted) != std::string::npos) leaks += label + ": stderr\n";
  for (const std::string& f : written) {
    if (ReadAll(f).find(kPlanted) != std::string::npos) leaks += label + ": " + f + "\n";
  }
  return leaks;
}

TEST(SecretsEverywhere, TheFixturesPlantSecrets) {
  Output grep = Shell("grep -rl Pl4nted testdata | wc -l");
  EXPECT_GE(std::atoi(grep.out.c_str()), 30) << "the fixtures must plant secrets";
  EXPECT_GE(FixtureFolders().size(), 100u);
}

class EveryFormat : public testing::TestWithParam<std::string> {};

// One format over every fixture folder, with the fix-its exported: the
// text report to stdout (colour on), the others to a file.
TEST_P(EveryFormat, NoSecretInTheReportTheFixesOrTheLogs) {
  const std::string format = GetParam();
  const bool to_stdout = format == "text";
  const std::string dir = TempDir();
  const std::string report = dir + "/report", fixes = dir + "/fixes.yaml";
  std::string leaks;
  int runs = 0, fix_files = 0, reports = 0;
  for (const std::string& folder : FixtureFolders()) {
    std::remove(report.c_str());
    std::remove(fixes.c_str());
    Output o = Shell(kRdslint + " '" + folder + "' --format " + format +
                     (to_stdout ? std::string(" --color always") : " -o " + report) +
                     " --export-fixes " + fixes);
    EXPECT_TRUE(o.status == 0 || o.status == 1 || o.status == 2) << folder << ": " << o.err;
    reports += to_stdout ? !o.out.empty() : IsFile(report);
    fix_files += IsFile(fixes);
    leaks += Leaks(format + " " + folder, o, {report, fixes});
    ++runs;
  }
  EXPECT_GE(reports, to_stdout ? runs / 2 : runs) << "most folders have findings";
  EXPECT_EQ(leaks, "");
  EXPECT_GE(runs, 100);
  EXPECT_EQ(fix_files, runs);
  std::system(("rm -rf '" + dir + "'").c_str());
}

INSTANTIATE_TEST_SUITE_P(Formats, EveryFormat,
                         testing::Values("text", "json", "sarif", "github", "junit"));

std::string FileUri(const std::string& abs) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : abs) {
    if (isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

std::string Frame(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// `rdslint lsp --verbose` over every fixture folder: the folder is the
// workspace, each file in it is opened (its diagnostics published) and
// asked for its quick fixes. Nothing the server writes holds a secret.
TEST(SecretsEverywhere, LanguageServerDiagnosticsQuickFixesAndVerboseLog) {
  const std::string dir = TempDir();
  std::string leaks;
  int documents = 0, diagnostics = 0, actions = 0;
  for (const std::string& folder : FixtureFolders()) {
    // Fuzz inputs (named by hash, no file kind) are left to the CLI test.
    if (folder.rfind("testdata/fuzz", 0) == 0 || folder.rfind("testdata/crashes", 0) == 0) continue;
    const std::string root = kSourceDir + "/" + folder;
    std::string session = Frame({{"jsonrpc", "2.0"},
                                 {"id", 1},
                                 {"method", "initialize"},
                                 {"params",
                                  {{"processId", nullptr},
                                   {"rootUri", FileUri(root)},
                                   {"workspaceFolders", {{{"uri", FileUri(root)}, {"name", "w"}}}},
                                   {"capabilities", nlohmann::json::object()}}}});
    session += Frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", nlohmann::json::object()}});
    int id = 2;
    for (const std::string& name : Entries(root)) {
      const std::string path = root + "/" + name;
      if (!IsFile(path)) continue;
      const std::string text = ReadAll(path);
      if (text.size() > (1 << 20)) continue;
      ++documents;
      const std::string uri = FileUri(path);
      session += Frame({{"jsonrpc", "2.0"},
                        {"method", "textDocument/didOpen"},
                        {"params",
                         {{"textDocument",
                           {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}});
      const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
      session += Frame({{"jsonrpc", "2.0"},
                        {"id", id++},
                        {"method", "textDocument/codeAction"},
                        {"params",
                         {{"textDocument", {{"uri", uri}}},
                          {"range",
                           {{"start", {{"line", 0}, {"character", 0}}},
                            {"end", {{"line", lines}, {"character", 0}}}}},
                          {"context", {{"diagnostics", nlohmann::json::array()}}}}}});
    }
    session += Frame({{"jsonrpc", "2.0"}, {"id", id++}, {"method", "shutdown"}});
    session += Frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
    Write(dir + "/session", session);
    Output o = Shell("timeout 120 " + kRdslint + " lsp --verbose < " + dir + "/session");
    EXPECT_EQ(o.status, 0) << folder << ": " << o.err;
    EXPECT_NE(o.err, "") << folder << ": --verbose logs to stderr";
    leaks += Leaks("lsp " + folder, o, {});
    for (size_t at = 0; (at = o.out.find("\"textDocument/publishDiagnostics\"", at)) != std::string::npos; ++at) {
      ++diagnostics;
    }
    for (size_t at = 0; (at = o.out.find("\"kind\":\"quickfix\"", at)) != std::string::npos; ++at) {
      ++actions;
    }
  }
  EXPECT_EQ(leaks, "");
  EXPECT_GE(documents, 200);
  EXPECT_GE(diagnostics, documents / 2) << "the server must have linted the documents";
  EXPECT_GE(actions, 5) << "quick fixes must have been offered";
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
