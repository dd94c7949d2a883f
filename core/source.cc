#include "core/source.h"

#include <algorithm>

namespace rdslint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

LineColumn LineIndex::Locate(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  int line = static_cast<int>(it - starts_.begin());
  return LineColumn{line, static_cast<int>(offset - starts_[line - 1]) + 1};
}

uint32_t LineIndex::LineStart(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return static_cast<uint32_t>(text_.size());
  return starts_[line - 1];
}

std::string_view LineIndex::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  uint32_t begin = starts_[line - 1];
  uint32_t end = line < line_count() ? starts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view s = text_.substr(begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

MappedText MappedText::Verbatim(std::string_view text, uint32_t begin) {
  MappedText m;
  m.text = std::string(text);
  m.offsets.resize(text.size() + 1);
  for (uint32_t i = 0; i <= text.size(); ++i) m.offsets[i] = begin + i;
  return m;
}

SourceRange MappedText::ToSource(SourceRange r) const {
  if (offsets.empty()) return {};
  uint32_t last = static_cast<uint32_t>(offsets.size() - 1);
  uint32_t b = std::min(r.begin, last);
  uint32_t e = std::min(r.end, last);
  if (e <= b) return SourceRange{offsets[b], offsets[b]};
  // The end maps to just past the source of the last byte in the range, so a
  // decoded escape (`\n` -> one byte) keeps its whole source span.
  uint32_t end = e < last ? offsets[e] : offsets[last];
  return SourceRange{offsets[b], std::max(end, offsets[e - 1] + 1)};
}

}  // namespace rdslint
