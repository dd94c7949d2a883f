#include "core/secret_mask.h"

#include <algorithm>

namespace rdslint {

void SecretMask::Add(SourceRange range) {
  if (range.empty() || range.end > text_.size()) return;
  spans_.push_back(range);
}

void SecretMask::Finish() {
  std::sort(spans_.begin(), spans_.end(),
            [](SourceRange a, SourceRange b) { return a.begin < b.begin; });
  std::vector<SourceRange> merged;
  for (SourceRange r : spans_) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  spans_ = std::move(merged);
  values_.clear();
  for (SourceRange r : spans_) {
    // Very short values would mask innocent text everywhere; they are still
    // masked by position in source lines.
    if (r.size() >= 3) values_.emplace_back(text_.substr(r.begin, r.size()));
  }
  std::sort(values_.begin(), values_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
}

std::string SecretMask::MaskLine(std::string_view line, uint32_t line_start,
                                 std::vector<int>* column_map) const {
  std::string out;
  out.reserve(line.size());
  if (column_map) column_map->assign(line.size() + 2, 0);
  const uint32_t line_end = line_start + static_cast<uint32_t>(line.size());
  auto span = std::lower_bound(spans_.begin(), spans_.end(), line_start,
                               [](SourceRange r, uint32_t off) { return r.end <= off; });
  uint32_t i = line_start;
  while (i < line_end) {
    if (span != spans_.end() && span->begin <= i) {
      uint32_t stop = std::min(span->end, line_end);
      int masked_col = static_cast<int>(out.size()) + 1;
      for (uint32_t j = i; j < stop; ++j) {
        if (column_map) (*column_map)[j - line_start + 1] = masked_col;
      }
      out.append(kMask);
      i = stop;
      if (span->end <= line_end) ++span;
      continue;
    }
    if (column_map) (*column_map)[i - line_start + 1] = static_cast<int>(out.size()) + 1;
    out.push_back(line[i - line_start]);
    ++i;
  }
  if (column_map) (*column_map)[line.size() + 1] = static_cast<int>(out.size()) + 1;
  return MaskText(out);
}

std::string SecretMask::MaskText(std::string_view text) const {
  std::string out(text);
  for (const std::string& v : values_) {
    for (size_t pos = out.find(v); pos != std::string::npos; pos = out.find(v, pos + kMask.size())) {
      out.replace(pos, v.size(), kMask);
    }
  }
  return out;
}

}  // namespace rdslint
