#include "core/nolint.h"

#include <gtest/gtest.h>

namespace rdslint {
namespace {

constexpr CommentSyntax kHash{true, false, false};
constexpr CommentSyntax kSlashes{false, true, true};
constexpr CommentSyntax kTerraform{true, true, true};

TEST(NolintTest, SameLineSuppressesEveryRule) {
  Suppressions s = Suppressions::Scan("A=1\nB=2 # NOLINT\nC=3\n", kHash);
  EXPECT_FALSE(s.Suppressed("env-password-literal", "password", 1));
  EXPECT_TRUE(s.Suppressed("env-password-literal", "password", 2));
  EXPECT_TRUE(s.Suppressed("anything", "tls", 2));
  EXPECT_FALSE(s.Suppressed("env-password-literal", "password", 3));
}

TEST(NolintTest, SameLineWithGlobs) {
  Suppressions s = Suppressions::Scan("B=2 # NOLINT(env-password-*, tls)\n", kHash);
  EXPECT_TRUE(s.Suppressed("env-password-literal", "password", 1));
  EXPECT_TRUE(s.Suppressed("env-tls-missing-sslmode", "tls", 1));  // by class
  EXPECT_FALSE(s.Suppressed("env-endpoint-not-proxy", "endpoint", 1));
}

TEST(NolintTest, NegativeGlobInList) {
  Suppressions s = Suppressions::Scan("B=2 # NOLINT(env-*,-env-url-malformed)\n", kHash);
  EXPECT_TRUE(s.Suppressed("env-password-literal", "password", 1));
  EXPECT_FALSE(s.Suppressed("env-url-malformed", "deploy", 1));
}

TEST(NolintTest, NextLine) {
  Suppressions s = Suppressions::Scan("# NOLINTNEXTLINE(env-password-literal)\nB=2\nC=3\n", kHash);
  EXPECT_FALSE(s.Suppressed("env-password-literal", "password", 1));
  EXPECT_TRUE(s.Suppressed("env-password-literal", "password", 2));
  EXPECT_FALSE(s.Suppressed("env-password-literal", "password", 3));
  EXPECT_FALSE(s.Suppressed("env-url-malformed", "deploy", 2));
}

TEST(NolintTest, BeginEndBlock) {
  Suppressions s = Suppressions::Scan(
      "A=1\n# NOLINTBEGIN(env-*)\nB=2\nC=3\n# NOLINTEND(env-*)\nD=4\n", kHash);
  EXPECT_FALSE(s.Suppressed("env-x", "password", 1));
  EXPECT_TRUE(s.Suppressed("env-x", "password", 3));
  EXPECT_TRUE(s.Suppressed("env-x", "password", 4));
  EXPECT_FALSE(s.Suppressed("env-x", "password", 6));
  EXPECT_TRUE(s.problems().empty());
}

TEST(NolintTest, NestedBlocksCloseByList) {
  Suppressions s = Suppressions::Scan(
      "# NOLINTBEGIN(a)\n# NOLINTBEGIN(b)\nx\n# NOLINTEND(a)\ny\n# NOLINTEND(b)\nz\n", kHash);
  EXPECT_TRUE(s.problems().empty());
  EXPECT_TRUE(s.Suppressed("a", "", 3));
  EXPECT_TRUE(s.Suppressed("b", "", 5));
  EXPECT_FALSE(s.Suppressed("a", "", 5));
  EXPECT_FALSE(s.Suppressed("b", "", 7));
}

TEST(NolintTest, UnmatchedBeginAndEndAreReported) {
  std::string text = "# NOLINTBEGIN(a)\nx\n";
  Suppressions s = Suppressions::Scan(text, kHash);
  ASSERT_EQ(s.problems().size(), 1u);
  EXPECT_EQ(text.substr(s.problems()[0].range.begin, 11), "NOLINTBEGIN");
  EXPECT_NE(s.problems()[0].message.find("NOLINTBEGIN"), std::string::npos);
  EXPECT_FALSE(s.Suppressed("a", "", 2));  // an unmatched BEGIN suppresses nothing

  Suppressions e = Suppressions::Scan("x\n# NOLINTEND\n", kHash);
  ASSERT_EQ(e.problems().size(), 1u);
  EXPECT_NE(e.problems()[0].message.find("NOLINTEND"), std::string::npos);

  // BEGIN and END with different lists do not pair.
  Suppressions d = Suppressions::Scan("# NOLINTBEGIN(a)\nx\n# NOLINTEND(b)\n", kHash);
  EXPECT_EQ(d.problems().size(), 2u);
}

TEST(NolintTest, DoubleSlashAndBlockComments) {
  Suppressions s = Suppressions::Scan(
      "url = \"x\" // NOLINT\n"
      "/* NOLINTNEXTLINE(env-*) */\n"
      "url2 = \"y\"\n"
      "z = 1 /* NOLINT(tls) */\n",
      kSlashes);
  EXPECT_TRUE(s.Suppressed("r", "", 1));
  EXPECT_TRUE(s.Suppressed("env-a", "", 3));
  EXPECT_TRUE(s.Suppressed("x", "tls", 4));
  EXPECT_FALSE(s.Suppressed("x", "password", 4));
}

TEST(NolintTest, MultiLineBlockComment) {
  Suppressions s = Suppressions::Scan("/*\n  NOLINTNEXTLINE\n*/\nx\n", kSlashes);
  EXPECT_TRUE(s.Suppressed("r", "", 3));
}

TEST(NolintTest, OnlyInsideTheFilesCommentSyntax) {
  // A '#' is no comment in C++-like syntax, and NOLINT in a value is no comment.
  Suppressions s = Suppressions::Scan("x = \"a\" # NOLINT\n", kSlashes);
  EXPECT_FALSE(s.Suppressed("r", "", 1));
  Suppressions v = Suppressions::Scan("NOTE=NOLINT\n", kHash);
  EXPECT_FALSE(v.Suppressed("r", "", 1));
}

TEST(NolintTest, TerraformHasAllThreeForms) {
  Suppressions s = Suppressions::Scan("a = 1 # NOLINT\nb = 2 // NOLINT\nc = 3 /* NOLINT */\n",
                                      kTerraform);
  EXPECT_TRUE(s.Suppressed("r", "", 1));
  EXPECT_TRUE(s.Suppressed("r", "", 2));
  EXPECT_TRUE(s.Suppressed("r", "", 3));
}

TEST(NolintTest, WordBoundaries) {
  Suppressions s = Suppressions::Scan("a # NOLINTFOO\nb # XNOLINT\n", kHash);
  EXPECT_FALSE(s.Suppressed("r", "", 1));
  EXPECT_FALSE(s.Suppressed("r", "", 2));
  EXPECT_TRUE(s.empty());
}

}  // namespace
}  // namespace rdslint
