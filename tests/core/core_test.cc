// Small pieces of core: positions, globs, masking, rule packs, reporters.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/glob.h"
#include "core/report.h"
#include "core/rule_registry.h"
#include "core/secret_mask.h"
#include "core/source.h"

namespace rdslint {
namespace {

TEST(LineIndexTest, LocatesBytes) {
  LineIndex idx("ab\ncd\r\n\nx");
  EXPECT_EQ(idx.Locate(0).line, 1);
  EXPECT_EQ(idx.Locate(1).column, 2);
  EXPECT_EQ(idx.Locate(3).line, 2);
  EXPECT_EQ(idx.Locate(3).column, 1);
  EXPECT_EQ(idx.Line(2), "cd");
  EXPECT_EQ(idx.Line(3), "");
  EXPECT_EQ(idx.Line(4), "x");
  EXPECT_EQ(idx.Locate(9).line, 4);
  EXPECT_EQ(idx.Locate(100).line, 4);  // clamped
}

TEST(MappedTextTest, MapsDecodedRangesBack) {
  // Source: X="a\nb" where \n is two source bytes.
  MappedText m;
  m.text = "a\nb";
  m.offsets = {3, 4, 6, 7};
  EXPECT_EQ(m.ToSource(0, 1), (SourceRange{3, 4}));
  EXPECT_EQ(m.ToSource(1, 2), (SourceRange{4, 6}));
  EXPECT_EQ(m.ToSource(0, 3), (SourceRange{3, 7}));
  EXPECT_EQ(MappedText::Verbatim("abc", 10).ToSource(1, 3), (SourceRange{11, 13}));
}

TEST(GlobTest, CheckGlobs) {
  EXPECT_TRUE(MatchCheckGlob("*", "env-password-literal"));
  EXPECT_TRUE(MatchCheckGlob("env-*", "env-password-literal"));
  EXPECT_TRUE(MatchCheckGlob("*-literal", "iac-password-literal"));
  EXPECT_FALSE(MatchCheckGlob("iac-*", "env-password-literal"));
  EXPECT_TRUE(MatchCheckGlob("env-*-literal", "env-password-literal"));
}

TEST(GlobTest, PathGlobs) {
  EXPECT_TRUE(MatchPathGlob("*.env", "prod.env"));
  EXPECT_FALSE(MatchPathGlob("*.env", "a/prod.env"));
  EXPECT_TRUE(MatchPathGlob("**/*.env", "a/b/prod.env"));
  EXPECT_TRUE(MatchPathGlob("**/*.env", "prod.env"));
  EXPECT_TRUE(MatchPathGlob("a/**", "a/b/c"));
  EXPECT_TRUE(MatchPathGlob("a/**/c", "a/c"));
  EXPECT_TRUE(MatchPathGlob("a/**/c", "a/x/y/c"));
  EXPECT_TRUE(MatchPathGlob("file?.tf", "file1.tf"));
  EXPECT_FALSE(MatchPathGlob("a?b", "a/b"));
  EXPECT_TRUE(MatchPathGlob("[ab]*.tf", "b.tf"));
  EXPECT_FALSE(MatchPathGlob("[!ab]*.tf", "b.tf"));
  // Long inputs stay fast (no exponential backtracking).
  EXPECT_FALSE(MatchCheckGlob("*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST(SecretMaskTest, MasksSpansInLinesAndValuesInText) {
  std::string text = "URL=postgresql://u:hunter22@h/db\nOTHER=1\n";
  SecretMask mask(text);
  size_t at = text.find("hunter22");
  mask.Add(SourceRange{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 8)});
  mask.Finish();
  std::vector<int> columns;
  std::string line = mask.MaskLine("URL=postgresql://u:hunter22@h/db", 0, &columns);
  EXPECT_EQ(line, "URL=postgresql://u:****@h/db");
  EXPECT_EQ(columns[at + 1], static_cast<int>(at + 1));      // start of the secret
  EXPECT_EQ(columns[at + 9], static_cast<int>(at + 1 + 4));  // the '@' after it
  EXPECT_EQ(mask.MaskText("value hunter22 twice hunter22"), "value **** twice ****");
  EXPECT_EQ(mask.MaskLine("OTHER=1", 33), "OTHER=1");
}

TEST(RuleRegistryTest, EmbeddedPacksAreComplete) {
  const RuleRegistry& r = RuleRegistry::Embedded();
  ASSERT_NE(r.Find("env-password-literal"), nullptr);
  ASSERT_NE(r.Find("parse-error"), nullptr);
  for (const RuleInfo& rule : r.rules()) {
    SCOPED_TRACE(rule.id);
    EXPECT_EQ(rule.id.rfind(rule.pack + "-", 0) == 0 || rule.pack == "core", true);
    EXPECT_FALSE(rule.rationale.empty());
    EXPECT_FALSE(rule.fix.empty());
    EXPECT_FALSE(rule.bad_example.empty());
    EXPECT_FALSE(rule.good_example.empty());
    EXPECT_FALSE(rule.references.empty());
    EXPECT_FALSE(rule.security_severity.empty());
    const std::set<std::string> classes = {"password", "tls", "endpoint", "refresh",
                                           "iam", "network", "deploy"};
    EXPECT_TRUE(classes.count(rule.problem_class)) << rule.problem_class;
  }
}

// The packs are compiled in as C++ data at build time: what a run sees is
// what reading rules/*.yaml gives, field for field (the build step's string
// escaping included: the packs hold quotes, backslashes, backticks, "??"
// and UTF-8).
TEST(RuleRegistryTest, CompiledInRulesAreThePacks) {
  RuleRegistry read;
  const std::string dir = std::string(RDSLINT_SOURCE_DIR) + "/rules";
  std::vector<std::string> packs;  // in file name order, as the build step reads them
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".yaml") packs.push_back(e.path().filename().string());
  }
  std::sort(packs.begin(), packs.end());
  ASSERT_GE(packs.size(), 7u);
  for (const std::string& name : packs) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_TRUE(read.AddPack(text.str(), name).ok()) << name;
  }
  const RuleRegistry& compiled = RuleRegistry::Embedded();
  ASSERT_EQ(compiled.rules().size(), read.rules().size());
  for (size_t i = 0; i < read.rules().size(); ++i) {
    const RuleInfo& a = read.rules()[i];
    const RuleInfo& b = compiled.rules()[i];
    SCOPED_TRACE(a.id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.pack, b.pack);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.severity, b.severity);
    EXPECT_EQ(a.problem_class, b.problem_class);
    EXPECT_EQ(a.precision, b.precision);
    EXPECT_EQ(a.security_severity, b.security_severity);
    EXPECT_EQ(a.rationale, b.rationale);
    EXPECT_EQ(a.fix, b.fix);
    EXPECT_EQ(a.bad_example, b.bad_example);
    EXPECT_EQ(a.good_example, b.good_example);
    EXPECT_EQ(a.references, b.references);
    ASSERT_EQ(a.options.size(), b.options.size());
    for (size_t o = 0; o < a.options.size(); ++o) {
      EXPECT_EQ(a.options[o].name, b.options[o].name);
      EXPECT_EQ(a.options[o].default_value, b.options[o].default_value);
      EXPECT_EQ(a.options[o].description, b.options[o].description);
    }
    EXPECT_EQ(a.implemented, b.implemented);
    EXPECT_EQ(compiled.Find(a.id), &b);
  }
}

TEST(RuleRegistryTest, BadPacksAreErrorsWithLocations) {
  RuleRegistry r;
  EXPECT_FALSE(r.AddPack("pack: x\nrules:\n  - id: x-a\n", "x.yaml").ok());
  Status s = r.AddPack("pack: [", "y.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("y.yaml:"), std::string::npos);
  std::string one = "pack: x\nrules:\n  - id: x-a\n    title: t\n    severity: error\n    class: tls\n";
  EXPECT_TRUE(r.AddPack(one, "a.yaml").ok());
  EXPECT_FALSE(r.AddPack(one, "b.yaml").ok());  // defined twice
}

Finding MakeFinding() {
  Finding f;
  f.rule_id = "env-password-literal";
  f.severity = Severity::kError;
  f.message = "a, b: 100%\nnext";
  f.location.file = "dir with space/.env";
  f.location.range = SourceRange{15, 19};
  f.location.begin = LineColumn{2, 5};
  f.location.end = LineColumn{2, 9};
  f.masked_line = "\tab=****";
  f.caret_begin = 5;
  f.caret_end = 9;
  f.fingerprint = "0123456789abcdef:1";
  f.fixes.push_back(FixIt{"encode", {Replacement{"dir with space/.env", 16, 1, "%40"}}});
  return f;
}

// What a reporter writes, as a string.
std::string Written(const std::function<void(std::ostream&)>& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}
std::string FormatText(const ReportInput& in, bool color) {
  return Written([&](std::ostream& out) { WriteText(in, color, out); });
}
std::string FormatGithub(const ReportInput& in) {
  return Written([&](std::ostream& out) { WriteGithub(in, out); });
}
std::string FormatSarif(const ReportInput& in) {
  return Written([&](std::ostream& out) { WriteSarif(in, out); });
}
std::string FormatJson(const ReportInput& in) {
  return Written([&](std::ostream& out) { WriteJson(in, out); });
}

TEST(ReportTest, TextIsClangTidyShaped) {
  std::vector<Finding> findings = {MakeFinding()};
  std::vector<RunNote> notes;
  ReportInput in{&findings, &notes, {}, "/repo", "0.1.0"};
  EXPECT_EQ(FormatText(in, false),
            "dir with space/.env:2:5: error: a, b: 100%\nnext [env-password-literal]\n"
            "\tab=****\n"
            "\t   ^~~~\n");
}

TEST(ReportTest, GithubEscapesDataAndProperties) {
  std::vector<Finding> findings = {MakeFinding()};
  std::vector<RunNote> notes = {RunNote{RunNote::Level::kNote, "big.env", 0, 0, "skipped"}};
  ReportInput in{&findings, &notes, {}, "/repo", "0.1.0"};
  EXPECT_EQ(FormatGithub(in),
            "::error file=dir with space/.env,line=2,col=5,endLine=2,endColumn=9,"
            "title=env-password-literal::a, b: 100%25%0Anext [env-password-literal]\n"
            "::notice file=big.env::rdslint: skipped\n");
}

TEST(ReportTest, SarifHasRulesRegionsFingerprintsAndFixes) {
  std::vector<Finding> findings = {MakeFinding()};
  std::vector<RunNote> notes;
  ReportInput in{&findings, &notes, {RuleRegistry::Embedded().Find("env-password-literal")},
                 "/repo", "0.1.0"};
  nlohmann::json log = nlohmann::json::parse(FormatSarif(in));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  const auto& rule = run["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule["id"], "env-password-literal");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rule["properties"]["tags"][0], "password");
  EXPECT_EQ(rule["properties"]["security-severity"], "8.5");
  EXPECT_FALSE(rule["help"]["markdown"].get<std::string>().empty());
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleIndex"], 0);
  const auto& loc = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "dir%20with%20space/.env");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 2);
  EXPECT_EQ(loc["region"]["endColumn"], 9);
  EXPECT_EQ(result["partialFingerprints"]["primaryLocationLineHash"], "0123456789abcdef:1");
  const auto& rep = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(rep["deletedRegion"]["byteOffset"], 16);
  EXPECT_EQ(rep["insertedContent"]["text"], "%40");
}

// The findings and results arrays are written item by item; the layout is
// still exactly nlohmann's two-space dump of the whole document.
TEST(ReportTest, StreamedJsonAndSarifAreLaidOutAsOneDump) {
  std::vector<RunNote> notes = {RunNote{RunNote::Level::kWarning, "a.env", 3, 1, "odd \"quote\" and \xff byte"}};
  const std::vector<const RuleInfo*> rules = {RuleRegistry::Embedded().Find("env-password-literal")};
  for (size_t count : {0, 1, 3}) {
    std::vector<Finding> findings(count, MakeFinding());
    if (count) findings.back().message = "invalid UTF-8 \xc3 here";
    ReportInput in{&findings, &notes, rules, "/repo", "0.1.0"};
    for (const std::string& text : {FormatJson(in), FormatSarif(in)}) {
      const nlohmann::json doc = nlohmann::json::parse(text);
      EXPECT_EQ(text, doc.dump(2) + "\n") << count;
      EXPECT_EQ((doc.contains("findings") ? doc["findings"] : doc["runs"][0]["results"]).size(), count);
    }
  }
}

TEST(ReportTest, JsonIsStable) {
  std::vector<Finding> findings = {MakeFinding()};
  std::vector<RunNote> notes;
  ReportInput in{&findings, &notes, {}, "/repo", "0.1.0"};
  nlohmann::json j = nlohmann::json::parse(FormatJson(in));
  EXPECT_EQ(j["findings"][0]["rule"], "env-password-literal");
  EXPECT_EQ(j["findings"][0]["line"], 2);
  EXPECT_EQ(j["findings"][0]["column"], 5);
  EXPECT_EQ(j["findings"][0]["fixes"][0]["replacements"][0]["text"], "%40");
}

}  // namespace
}  // namespace rdslint
