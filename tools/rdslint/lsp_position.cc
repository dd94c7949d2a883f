#include "tools/rdslint/lsp_position.h"

#include <algorithm>

namespace rdslint::lsp {
namespace {

bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Units one character of `bytes` UTF-8 bytes takes in the encoding.
int Units(int bytes, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::kUtf8:
      return bytes;
    case PositionEncoding::kUtf16:
      return bytes == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    case PositionEncoding::kUtf32:
      return 1;
  }
  return 1;
}

}  // namespace

std::string_view EncodingName(PositionEncoding e) {
  switch (e) {
    case PositionEncoding::kUtf8:
      return "utf-8";
    case PositionEncoding::kUtf16:
      return "utf-16";
    case PositionEncoding::kUtf32:
      return "utf-32";
  }
  return "utf-16";
}

int Utf8SequenceLength(std::string_view text, size_t i) {
  const auto at = [&](size_t k) -> unsigned char {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  int n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 1;
  }
  if (at(i + 1) < lo || at(i + 1) > hi) return 1;
  for (int k = 2; k < n; ++k) {
    if (!Continuation(at(i + k))) return 1;
  }
  return n;
}

PositionMap::PositionMap(std::string_view text, PositionEncoding encoding)
    : text_(text), encoding_(encoding) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    } else if (text[i] == '\n') {
      starts_.push_back(i + 1);
    }
  }
}

uint32_t PositionMap::LineEnd(int line) const {
  // The last line has no terminator: any would have started another line.
  if (line + 1 >= line_count()) return static_cast<uint32_t>(text_.size());
  uint32_t end = starts_[line + 1];
  // Drop the terminator: "\n", "\r" or "\r\n".
  if (text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

Position PositionMap::FromOffset(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const int line =
      static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  const uint32_t end = std::min(offset, LineEnd(line));
  int units = 0;
  for (uint32_t i = starts_[line]; i < end;) {
    const int n = Utf8SequenceLength(text_, i);
    if (i + n > end) break;  // `offset` is inside this character
    units += Units(n, encoding_);
    i += n;
  }
  return Position{line, units};
}

uint32_t PositionMap::ToOffset(Position position) const {
  if (position.line < 0) return 0;
  if (position.line >= line_count()) return static_cast<uint32_t>(text_.size());
  const uint32_t end = LineEnd(position.line);
  uint32_t i = starts_[position.line];
  int units = 0;
  while (i < end && units < position.character) {
    const int n = Utf8SequenceLength(text_, i);
    const int u = Units(n, encoding_);
    // A position between the two halves of a surrogate pair, or inside a
    // UTF-8 sequence, cannot name a byte: keep the character whole.
    if (units + u > position.character) break;
    units += u;
    i += n;
  }
  return i;
}

}  // namespace rdslint::lsp
