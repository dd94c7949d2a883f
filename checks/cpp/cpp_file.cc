#include "checks/cpp/cpp_file.h"

#include <algorithm>

namespace rdslint {

void CppString::AppendSynthetic(std::string_view s) {
  for (char c : s) {
    text.push_back(c);
    begin.push_back(kNoSource);
    end.push_back(kNoSource);
  }
}

void CppString::AppendSpelled(char c, uint32_t begin_offset, uint32_t end_offset) {
  text.push_back(c);
  begin.push_back(begin_offset);
  end.push_back(end_offset);
}

void CppString::Append(const CppString& other, size_t from, size_t to) {
  to = std::min(to, other.text.size());
  if (from >= to) return;
  const uint32_t shift = static_cast<uint32_t>(text.size()) - static_cast<uint32_t>(from);
  text.append(other.text, from, to - from);
  begin.insert(begin.end(), other.begin.begin() + from, other.begin.begin() + to);
  end.insert(end.end(), other.end.begin() + from, other.end.begin() + to);
  for (const CppHole& h : other.holes) {
    // Holes are atomic: a slice keeps only the holes it contains whole.
    if (h.in_text.begin < from || h.in_text.end > to) continue;
    CppHole copy = h;
    copy.in_text = SourceRange{h.in_text.begin + shift, h.in_text.end + shift};
    holes.push_back(std::move(copy));
  }
}

void CppString::AppendHole(CppHole hole) {
  std::string shown = "${" + hole.name + "}";
  const uint32_t b = static_cast<uint32_t>(text.size());
  const uint32_t sb = hole.source ? hole.source->begin : kNoSource;
  const uint32_t se = hole.source ? hole.source->end : kNoSource;
  for (char c : shown) AppendSpelled(c, sb, se);
  hole.in_text = SourceRange{b, static_cast<uint32_t>(text.size())};
  holes.push_back(std::move(hole));
}

std::optional<SourceRange> CppString::ToSource(SourceRange r) const {
  if (r.end > text.size() || r.begin > r.end) return std::nullopt;
  if (r.empty()) {
    if (r.begin < text.size() && begin[r.begin] != kNoSource) {
      return SourceRange{begin[r.begin], begin[r.begin]};
    }
    if (std::optional<uint32_t> at = InsertionPoint(r.begin)) return SourceRange{*at, *at};
    return std::nullopt;
  }
  const uint32_t b = begin[r.begin];
  const uint32_t e = end[r.end - 1];
  if (b == kNoSource || e == kNoSource || e < b) return std::nullopt;
  return SourceRange{b, e};
}

bool CppString::Plain(size_t i) const {
  if (i >= text.size() || begin[i] == kNoSource || end[i] != begin[i] + 1) return false;
  return HoleAt(i) == nullptr;
}

std::optional<uint32_t> CppString::InsertionPoint(uint32_t pos) const {
  if (pos == 0 || pos > text.size() || !Plain(pos - 1)) return std::nullopt;
  return end[pos - 1];
}

const CppHole* CppString::HoleAt(size_t i) const {
  for (const CppHole& h : holes) {
    if (h.in_text.Contains(static_cast<uint32_t>(i))) return &h;
  }
  return nullptr;
}

std::vector<SourceRange> CppString::HoleRanges() const {
  std::vector<SourceRange> out;
  out.reserve(holes.size());
  for (const CppHole& h : holes) out.push_back(h.in_text);
  return out;
}

SourceRange CppConnection::Locate(SourceRange in_text) const {
  if (std::optional<SourceRange> r = value.ToSource(in_text)) return *r;
  return anchor;
}

bool MentionsDatabaseApi(std::string_view text) {
  for (std::string_view name : {"PQconnect", "PQsetdb", "pqxx", "GetSecretValue",
                                "GenerateConnectAuthToken"}) {
    if (text.find(name) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace rdslint
