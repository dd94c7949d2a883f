// Positions in source text. Frontends speak in byte ranges; line and column
// (1-based, columns counting bytes as clang does) are computed once, from a
// LineIndex, when a finding is made.
#ifndef RDSLINT_CORE_SOURCE_H_
#define RDSLINT_CORE_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rdslint {

// A half-open byte range [begin, end) into one file's text.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(SourceRange a, SourceRange b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

// Maps byte offsets of one text to lines and columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  LineColumn Locate(uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view Line(int line) const;
  // Byte offset where a 1-based line starts.
  uint32_t LineStart(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

// A value a frontend decoded (quotes stripped, escapes resolved) together with
// where each of its bytes came from, so that a range inside the value maps
// back to the exact source bytes.
struct MappedText {
  std::string text;
  // offsets[i] is the source offset of text[i]; offsets[text.size()] is the
  // source offset just past the value. Always text.size() + 1 entries.
  std::vector<uint32_t> offsets;

  // A value copied verbatim from source starting at `begin`.
  static MappedText Verbatim(std::string_view text, uint32_t begin);

  // Maps a range of `text` to the source range it was decoded from.
  SourceRange ToSource(SourceRange in_text) const;
  SourceRange ToSource(uint32_t begin, uint32_t end) const {
    return ToSource(SourceRange{begin, end});
  }
};

}  // namespace rdslint

#endif  // RDSLINT_CORE_SOURCE_H_
