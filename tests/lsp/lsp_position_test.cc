// Byte offsets to LSP positions: 0-based lines split at \n, \r\n and \r, and
// characters counted in UTF-16 code units (or UTF-8 bytes, or code points).
#include "tools/rdslint/lsp_position.h"

#include <gtest/gtest.h>

#include "tools/rdslint/file_uri.h"

namespace rdslint::lsp {
namespace {

constexpr auto kUtf8 = PositionEncoding::kUtf8;
constexpr auto kUtf16 = PositionEncoding::kUtf16;
constexpr auto kUtf32 = PositionEncoding::kUtf32;

Position P(int line, int character) { return Position{line, character}; }

TEST(PositionMapTest, AsciiIsTheSameInEveryEncoding) {
  const std::string text = "A=1\nDATABASE_URL=x\n";
  for (PositionEncoding e : {kUtf8, kUtf16, kUtf32}) {
    PositionMap m(text, e);
    EXPECT_EQ(m.FromOffset(0), P(0, 0));
    EXPECT_EQ(m.FromOffset(3), P(0, 3));
    EXPECT_EQ(m.FromOffset(4), P(1, 0));
    EXPECT_EQ(m.FromOffset(17), P(1, 13));
    EXPECT_EQ(m.FromOffset(static_cast<uint32_t>(text.size())), P(2, 0));
    EXPECT_EQ(m.line_count(), 3);
  }
}

TEST(PositionMapTest, CountsUtf16CodeUnits) {
  // "é" is 2 bytes and 1 unit, "€" 3 bytes and 1 unit, "😀" 4 bytes and 2
  // units (a surrogate pair) but 1 code point.
  const std::string line = "U=\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80@x";
  const uint32_t at = static_cast<uint32_t>(line.find('@'));
  ASSERT_EQ(at, 11u);
  EXPECT_EQ(PositionMap(line, kUtf16).FromOffset(at), P(0, 6));
  EXPECT_EQ(PositionMap(line, kUtf8).FromOffset(at), P(0, 11));
  EXPECT_EQ(PositionMap(line, kUtf32).FromOffset(at), P(0, 5));
}

TEST(PositionMapTest, FromTheOneBasedByteColumnsOfFindings) {
  // A finding at 1-based byte column 47 on line 3 of a file whose line has
  // a two-byte character before it: LSP says line 2, character 45.
  const std::string text = "# a\n# b\nDATABASE_URL=\"postgresql://impulse_\xC3\xA9pp:secret@pw#1@db\"\n";
  const uint32_t line_start = static_cast<uint32_t>(text.find("DATABASE_URL"));
  const uint32_t offset = line_start + 47 - 1;
  ASSERT_EQ(text[offset], '@');
  EXPECT_EQ(PositionMap(text, kUtf16).FromOffset(offset), P(2, 45));
  EXPECT_EQ(PositionMap(text, kUtf8).FromOffset(offset), P(2, 46));
}

TEST(PositionMapTest, EveryLineTerminatorStartsALine) {
  const std::string text = "a\r\nb\rc\nd\r\r\ne";
  PositionMap m(text, kUtf16);
  EXPECT_EQ(m.line_count(), 6);
  EXPECT_EQ(m.FromOffset(3), P(1, 0));   // b
  EXPECT_EQ(m.FromOffset(5), P(2, 0));   // c
  EXPECT_EQ(m.FromOffset(7), P(3, 0));   // d
  EXPECT_EQ(m.FromOffset(9), P(4, 0));   // the empty line between \r and \r\n
  EXPECT_EQ(m.FromOffset(11), P(5, 0));  // e
  // Inside "\r\n" is the end of its line, never a character past it.
  EXPECT_EQ(m.FromOffset(1), P(0, 1));
  EXPECT_EQ(m.FromOffset(2), P(0, 1));
}

TEST(PositionMapTest, OffsetsInsideACharacterOrPastTheEndAreClamped) {
  const std::string text = "x\xF0\x9F\x98\x80y";
  PositionMap m(text, kUtf16);
  EXPECT_EQ(m.FromOffset(2), P(0, 1));  // inside the emoji: its start
  EXPECT_EQ(m.FromOffset(4), P(0, 1));
  EXPECT_EQ(m.FromOffset(5), P(0, 3));
  EXPECT_EQ(m.FromOffset(999), P(0, 4));
}

TEST(PositionMapTest, InvalidUtf8CountsOneUnitPerStrayByte) {
  // A lone continuation byte, a truncated sequence, an overlong form and a
  // surrogate: each byte stands for one U+FFFD.
  for (const std::string& bad : {std::string("\x80"), std::string("\xE2\x82"),
                                std::string("\xC0\xAF"), std::string("\xED\xA0\x80")}) {
    const std::string text = bad + "@";
    EXPECT_EQ(PositionMap(text, kUtf16).FromOffset(static_cast<uint32_t>(bad.size())),
              P(0, static_cast<int>(bad.size())));
  }
}

TEST(PositionMapTest, ToOffsetInvertsFromOffset) {
  const std::string text = "K=\xC3\xA9\xF0\x9F\x98\x80\r\nL=\xE2\x82\xAC\xE2\x82\xAC\nlast";
  for (PositionEncoding e : {kUtf8, kUtf16, kUtf32}) {
    PositionMap m(text, e);
    for (uint32_t offset = 0; offset <= text.size(); ++offset) {
      const Position p = m.FromOffset(offset);
      const uint32_t back = m.ToOffset(p);
      EXPECT_LE(back, offset) << EncodingName(e) << " at " << offset;
      EXPECT_EQ(m.FromOffset(back), p) << EncodingName(e) << " at " << offset;
    }
  }
}

TEST(PositionMapTest, ToOffsetClampsAsTheProtocolAsks) {
  const std::string text = "ab\ncd";
  PositionMap m(text, kUtf16);
  EXPECT_EQ(m.ToOffset(P(0, 99)), 2u);   // past the end of the line: its end
  EXPECT_EQ(m.ToOffset(P(7, 0)), 5u);    // past the last line: the end of the text
  EXPECT_EQ(m.ToOffset(P(-1, 0)), 0u);
  // Between the halves of a surrogate pair: the start of the character.
  EXPECT_EQ(PositionMap("\xF0\x9F\x98\x80z", kUtf16).ToOffset(P(0, 1)), 0u);
  EXPECT_EQ(PositionMap("\xF0\x9F\x98\x80z", kUtf16).ToOffset(P(0, 2)), 4u);
}

TEST(PositionMapTest, EmptyText) {
  PositionMap m("", kUtf16);
  EXPECT_EQ(m.FromOffset(0), P(0, 0));
  EXPECT_EQ(m.FromOffset(5), P(0, 0));
  EXPECT_EQ(m.ToOffset(P(3, 3)), 0u);
}

TEST(FileUriTest, DecodesFileUris) {
  EXPECT_EQ(FileUriToPath("file:///tmp/a%20b/.env"), "/tmp/a b/.env");
  EXPECT_EQ(FileUriToPath("file://localhost/etc/x"), "/etc/x");
  EXPECT_EQ(FileUriToPath("FILE:///x/%C3%A9.env"), "/x/\xC3\xA9.env");
  EXPECT_EQ(FileUriToPath("file:///x/y?query#frag"), "/x/y");
  EXPECT_EQ(FileUriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(FileUriToPath("file://server/share/x"), std::nullopt);
  EXPECT_EQ(FileUriToPath("file:///bad%2"), std::nullopt);
  EXPECT_EQ(FileUriToPath("file:///nul%00"), std::nullopt);
  EXPECT_EQ(FileUriToPath("file:"), std::nullopt);
}

TEST(FileUriTest, EncodesPathsRoundTrip) {
  EXPECT_EQ(PathToFileUri("/tmp/a b/.env"), "file:///tmp/a%20b/.env");
  EXPECT_EQ(PathToFileUri("/p/#?%:@"), "file:///p/%23%3F%25%3A%40");
  for (const char* path : {"/a/b.env", "/x y/\xC3\xA9/#1", "/"}) {
    EXPECT_EQ(FileUriToPath(PathToFileUri(path)), std::string(path));
  }
}

}  // namespace
}  // namespace rdslint::lsp
