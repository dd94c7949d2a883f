// The differential test: every .tf/.hcl file under testdata/ and the HCL files
// of Debian's golang-github-hashicorp-hcl-v2-dev, through our parser and
// through @cdktf/hcl2json (HashiCorp's own parser). The structures must agree,
// and a file hcl2json rejects we must reject too.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "frontend/hcl/hcl_parser.h"
#include "tests/hcl/hcl2json_dump.h"

namespace rdslint::hcl {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Where Debian's golang-github-hashicorp-hcl-v2-dev installs HCL's sources.
constexpr const char* kDebianHclDir = "/usr/share/gocode/src/github.com/hashicorp/hcl/v2";

// Files on which agreement is impossible, with the reason. Keep it short.
const std::map<std::string, std::string>& Exceptions() {
  static const std::map<std::string, std::string> kExceptions = {
      // HCL (cty) normalises every string to Unicode NFC; we keep the source
      // bytes so that each decoded byte maps back to the file. A combining
      // tilde stays two code points here.
      {"primitive_literals.hcl", "cty normalises strings to NFC"},
      // 300 nested brackets: HCL has no limit; we stop at kMaxNesting (256)
      // so that arbitrary input cannot exhaust the stack.
      {"too_deep.tf", "nesting limit"},
  };
  return kExceptions;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> CollectFiles() {
  std::vector<std::string> files;
  auto walk = [&](const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return false;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string ext = it->path().extension().string();
      if (ext == ".tf" || ext == ".hcl") files.push_back(it->path().string());
    }
    return true;
  };
  walk(fs::path(RDSLINT_SOURCE_DIR) / "testdata");
  // Installed by scripts/install-deps.sh; the test asserts that it was read.
  walk(kDebianHclDir);
  std::sort(files.begin(), files.end());
  return files;
}

// Runs hcl2json.js over all files at once (one node start, one wasm load).
bool RunHcl2Json(const std::vector<std::string>& files, json* out, std::string* why) {
  const char* node = std::getenv("RDSLINT_NODE");
  const char* script = std::getenv("RDSLINT_HCL2JSON");
  if (!node || !*node || !script || !*script) {
    *why = "RDSLINT_NODE / RDSLINT_HCL2JSON not set (node not found by CMake?)";
    return false;
  }
  fs::path list = fs::temp_directory_path() / ("rdslint_hcl_diff_" + std::to_string(::getpid()) + ".out");
  std::string cmd = std::string("'") + node + "' '" + script + "'";
  for (const std::string& f : files) cmd += " '" + f + "'";
  cmd += " > '" + list.string() + "'";
  int rc = std::system(cmd.c_str());
  std::string text = ReadFile(list);
  fs::remove(list);
  if (rc != 0) {
    *why = "hcl2json.js failed (is @cdktf/hcl2json in node_modules?): exit " + std::to_string(rc);
    return false;
  }
  *out = json::parse(text, nullptr, false);
  if (out->is_discarded()) {
    *why = "hcl2json.js printed no JSON";
    return false;
  }
  return true;
}

std::string Basename(const std::string& path) { return fs::path(path).filename().string(); }


TEST(HclDifferential, AgreesWithHashiCorpParser) {
  std::vector<std::string> files = CollectFiles();
  ASSERT_GE(files.size(), 40u) << "expected the testdata/hcl corpus";
  ASSERT_TRUE(std::any_of(files.begin(), files.end(), [](const std::string& f) {
    return f.rfind(kDebianHclDir, 0) == 0;
  })) << kDebianHclDir << " is missing: run scripts/install-deps.sh (golang-github-hashicorp-hcl-v2-dev)";
  json theirs_all;
  std::string why;
  // The oracle is installed by scripts/install-deps.sh: its absence is a failure.
  ASSERT_TRUE(RunHcl2Json(files, &theirs_all, &why)) << why;

  int agreed = 0, both_rejected = 0, exceptions = 0, disagreed = 0;
  for (const std::string& file : files) {
    std::string text = ReadFile(file);
    const json& theirs = theirs_all[file];
    bool they_reject = theirs.is_object() && theirs.contains("__hcl2json_error__");

    ParseResult ours = ParseHcl(text);
    std::string our_error;
    json our_json;
    if (!ours.ok()) {
      our_error = ours.errors[0].message;
    } else {
      DumpResult d = DumpAsHcl2Json(ours.body, text);
      our_error = d.error;
      our_json = d.json;
    }
    bool we_reject = !our_error.empty();

    bool same = they_reject == we_reject && (we_reject || our_json == theirs);
    auto exc = Exceptions().find(Basename(file));
    if (exc != Exceptions().end()) {
      ++exceptions;
      EXPECT_FALSE(same) << file << " now agrees; remove it from Exceptions()";
      continue;
    }
    if (same) {
      ++agreed;
      if (we_reject) ++both_rejected;
      continue;
    }
    ++disagreed;
    ADD_FAILURE() << file << ": ours "
                  << (we_reject ? "rejects (" + our_error + ")" : our_json.dump())
                  << "\n  hcl2json "
                  << (they_reject ? "rejects (" + theirs["__hcl2json_error__"].get<std::string>() + ")" : theirs.dump());
  }
  std::cout << "hcl differential: " << files.size() << " files compared, " << agreed << " agreed ("
            << both_rejected << " rejected by both), " << exceptions << " listed exceptions, "
            << disagreed << " disagreed\n";
}

}  // namespace
}  // namespace rdslint::hcl
