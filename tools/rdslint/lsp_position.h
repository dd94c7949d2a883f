// Byte offsets (how rdslint locates everything) to LSP positions and back.
// LSP lines are 0-based and split at "\n", "\r\n" and "\r"; characters count
// UTF-16 code units unless the client and server agreed on UTF-8 or UTF-32.
#ifndef RDSLINT_TOOLS_RDSLINT_LSP_POSITION_H_
#define RDSLINT_TOOLS_RDSLINT_LSP_POSITION_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace rdslint::lsp {

enum class PositionEncoding { kUtf8, kUtf16, kUtf32 };

// "utf-8", "utf-16", "utf-32" as the protocol spells them.
std::string_view EncodingName(PositionEncoding e);

struct Position {
  int line = 0;       // 0-based
  int character = 0;  // 0-based, in units of the encoding
  friend bool operator==(Position a, Position b) {
    return a.line == b.line && a.character == b.character;
  }
  friend bool operator<(Position a, Position b) {
    return a.line != b.line ? a.line < b.line : a.character < b.character;
  }
};

// Positions in one text. The text must outlive this object.
class PositionMap {
 public:
  PositionMap(std::string_view text, PositionEncoding encoding);

  // An offset inside a multi-byte character counts as the start of that
  // character; one inside a "\r\n" as the end of its line; past the end of
  // the text as the end of the text.
  Position FromOffset(uint32_t offset) const;

  // A position past the end of its line means the end of the line, and a line
  // past the last the end of the text, as the protocol asks.
  uint32_t ToOffset(Position position) const;

  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  // Byte range of a line's content, without its terminator.
  uint32_t LineEnd(int line) const;

  std::string_view text_;
  PositionEncoding encoding_;
  std::vector<uint32_t> starts_;
};

// Length of the UTF-8 sequence starting at text[i] when it is well formed, else
// 1 (a stray byte stands for one U+FFFD, as editors decode it).
int Utf8SequenceLength(std::string_view text, size_t i);

}  // namespace rdslint::lsp

#endif  // RDSLINT_TOOLS_RDSLINT_LSP_POSITION_H_
