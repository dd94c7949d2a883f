#include "frontend/iac/terraform_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace rdslint::iac::tf {

Value MakeUnknown(std::string text, Origin origin) {
  Value v;
  v.kind = Value::Kind::kUnknown;
  v.text = std::move(text);
  v.origin = std::move(origin);
  return v;
}

Value MakeNull(Origin origin) {
  Value v;
  v.kind = Value::Kind::kNull;
  v.origin = std::move(origin);
  return v;
}

Value MakeBool(bool b, Origin origin) {
  Value v;
  v.kind = Value::Kind::kBool;
  v.boolean = b;
  v.origin = std::move(origin);
  return v;
}

Value MakeNumber(double n, Origin origin) { return MakeNumberText(FormatNumber(n), std::move(origin)); }

Value MakeNumberText(std::string text, Origin origin) {
  Value v;
  v.kind = Value::Kind::kNumber;
  v.text = std::move(text);
  v.origin = std::move(origin);
  return v;
}

Value MakeString(const MappedText& text, const std::string& file, Origin origin) {
  StringBuilder b;
  b.Literal(text, file);
  return b.Finish(std::move(origin));
}

Value MakeSyntheticString(std::string text, Origin origin) {
  StringBuilder b;
  b.Synthetic(text, origin);
  return b.Finish(std::move(origin));
}

bool IsKnown(const Value& v) {
  if (v.kind == Value::Kind::kUnknown) return false;
  return v.kind != Value::Kind::kString || v.holes.empty();
}

bool IsWhollyKnown(const Value& v) {
  if (!IsKnown(v)) return false;
  for (const Value& i : v.items) {
    if (!IsWhollyKnown(i)) return false;
  }
  for (const auto& [k, e] : v.entries) {
    if (!IsWhollyKnown(e)) return false;
  }
  return true;
}

std::optional<double> AsNumber(const Value& v) {
  if (v.kind != Value::Kind::kNumber && !(v.kind == Value::Kind::kString && v.holes.empty())) {
    return std::nullopt;
  }
  if (v.text.empty()) return std::nullopt;
  const char* begin = v.text.c_str();
  char* end = nullptr;
  double d = std::strtod(begin, &end);
  if (end != begin + v.text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::string FormatNumber(double n) {
  char buf[64];
  if (std::floor(n) == n && std::fabs(n) < 1e15) {
    snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
  } else {
    snprintf(buf, sizeof buf, "%.15g", n);
  }
  return buf;
}

std::optional<std::string> AsPlainString(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kString:
      if (!v.holes.empty()) return std::nullopt;
      return v.text;
    case Value::Kind::kNumber: return v.text;
    case Value::Kind::kBool: return std::string(v.boolean ? "true" : "false");
    default: return std::nullopt;
  }
}

namespace {

// What a value remembers is bounded, so that provenance never makes
// evaluation quadratic (a list of thousands of references).
constexpr size_t kMaxReferences = 64;
constexpr size_t kMaxVia = 8;

bool SameReference(const Reference& a, const Reference& b) {
  return a.node == b.node && a.attribute == b.attribute;
}

}  // namespace

void AddVia(Value* into, std::string via) {
  if (into->via.size() >= kMaxVia) return;
  for (const std::string& v : into->via) {
    if (v == via) return;
  }
  into->via.push_back(std::move(via));
}

void AddProvenance(Value* into, const Value& from) {
  if (into == &from) return;
  for (const Reference& r : from.references) {
    if (into->references.size() >= kMaxReferences) break;
    bool seen = false;
    for (const Reference& have : into->references) seen = seen || SameReference(have, r);
    if (!seen) into->references.push_back(r);
  }
  for (const std::string& v : from.via) AddVia(into, v);
  into->deploy_time_secret = into->deploy_time_secret || from.deploy_time_secret;
}

Value UnknownFrom(std::string text, Origin origin, const std::vector<const Value*>& inputs) {
  Value v = MakeUnknown(std::move(text), std::move(origin));
  for (const Value* i : inputs) {
    if (i) AddProvenance(&v, *i);
  }
  return v;
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::kNumber || b.kind == Value::Kind::kNumber) {
    if (a.kind != b.kind) return false;
    auto x = AsNumber(a), y = AsNumber(b);
    return x && y ? *x == *y : a.text == b.text;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::kNull: return true;
    case Value::Kind::kBool: return a.boolean == b.boolean;
    case Value::Kind::kString: return a.text == b.text;
    case Value::Kind::kList:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i) {
        if (!SameValue(a.items[i], b.items[i])) return false;
      }
      return true;
    case Value::Kind::kMap:
      if (a.entries.size() != b.entries.size()) return false;
      for (const auto& [k, v] : a.entries) {
        const Value* o = b.Get(k);
        if (!o || !SameValue(v, *o)) return false;
      }
      return true;
    default: return false;
  }
}

// ---- StringBuilder -----------------------------------------------------------

void StringBuilder::AddSegment(uint32_t begin, uint32_t end, const Origin& origin, bool verbatim) {
  if (begin >= end) return;
  Segment s;
  s.begin = begin;
  s.end = end;
  s.origin = origin;
  s.verbatim = verbatim;
  v_.segments.push_back(std::move(s));
}

void StringBuilder::Literal(const MappedText& text, const std::string& file) {
  Literal(text, 0, static_cast<uint32_t>(text.text.size()), file);
}

void StringBuilder::Literal(const MappedText& text, uint32_t begin, uint32_t end,
                            const std::string& file) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.text.size()));
  if (begin >= end) return;
  if (overflow_ || v_.text.size() + (end - begin) > kMaxStringSize) {
    overflow_ = true;
    return;
  }
  const uint32_t base = static_cast<uint32_t>(v_.text.size()) - begin;
  v_.text.append(text.text, begin, end - begin);
  if (text.offsets.size() != text.text.size() + 1) return;  // no map: no segments
  auto regular = [&](uint32_t i) { return text.offsets[i + 1] == text.offsets[i] + 1; };
  uint32_t i = begin;
  while (i < end) {
    uint32_t start = i;
    const bool verbatim = regular(i);
    while (i < end && regular(i) == verbatim) ++i;
    Origin o;
    o.file = file;
    uint32_t src_begin = text.offsets[start];
    uint32_t src_end = std::max(text.offsets[i], src_begin + (verbatim ? i - start : 1));
    o.range = SourceRange{src_begin, src_end};
    AddSegment(base + start, base + i, o, verbatim);
  }
}

void StringBuilder::Synthetic(std::string_view text, const Origin& origin) {
  if (text.empty()) return;
  if (overflow_ || v_.text.size() + text.size() > kMaxStringSize) {
    overflow_ = true;
    return;
  }
  uint32_t begin = static_cast<uint32_t>(v_.text.size());
  v_.text.append(text);
  if (origin.known()) AddSegment(begin, static_cast<uint32_t>(v_.text.size()), origin, false);
}

void StringBuilder::Append(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kString:
      AppendSlice(v, 0, static_cast<uint32_t>(v.text.size()));
      AddProvenance(&v_, v);
      return;
    case Value::Kind::kNumber:
      Synthetic(v.text, v.origin);
      AddProvenance(&v_, v);
      return;
    case Value::Kind::kBool:
      Synthetic(v.boolean ? "true" : "false", v.origin);
      AddProvenance(&v_, v);
      return;
    default: {
      std::string text = "${" + (v.text.empty() ? std::string("...") : v.text) + "}";
      Hole(text, v.origin, v);
      return;
    }
  }
}

void StringBuilder::AppendSlice(const Value& v, uint32_t begin, uint32_t end) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(v.text.size()));
  if (begin >= end) return;
  if (overflow_ || v_.text.size() + (end - begin) > kMaxStringSize) {
    overflow_ = true;
    return;
  }
  const uint32_t base = static_cast<uint32_t>(v_.text.size());
  v_.text.append(v.text, begin, end - begin);
  for (const Segment& s : v.segments) {
    uint32_t b = std::max(s.begin, begin), e = std::min(s.end, end);
    if (b >= e) continue;
    Origin o = s.origin;
    if (s.verbatim) {
      o.range = SourceRange{s.origin.range.begin + (b - s.begin), s.origin.range.begin + (e - s.begin)};
    }
    AddSegment(base + (b - begin), base + (e - begin), o, s.verbatim);
  }
  for (const iac::Hole& h : v.holes) {
    if (h.begin < begin || h.end > end) continue;
    iac::Hole copy = h;
    copy.begin = base + (h.begin - begin);
    copy.end = base + (h.end - begin);
    v_.holes.push_back(std::move(copy));
  }
}

void StringBuilder::Hole(std::string_view text, const Origin& where, const Value& unknown) {
  if (overflow_ || v_.text.size() + text.size() > kMaxStringSize) {
    overflow_ = true;
    AddProvenance(&v_, unknown);
    return;
  }
  iac::Hole h;
  h.begin = static_cast<uint32_t>(v_.text.size());
  v_.text.append(text);
  h.end = static_cast<uint32_t>(v_.text.size());
  if (!unknown.references.empty()) h.reference = unknown.references.front();
  if (where.known()) AddSegment(h.begin, h.end, where, where.range.size() == text.size());
  v_.holes.push_back(std::move(h));
  AddProvenance(&v_, unknown);
}

Value StringBuilder::Finish(Origin origin) {
  if (overflow_) {
    Value u = MakeUnknown("(a string longer than 1 MiB)", origin);
    AddProvenance(&u, v_);
    return u;
  }
  Value out = std::move(v_);
  out.kind = Value::Kind::kString;
  out.origin = std::move(origin);
  v_ = Value{};
  return out;
}

// ---- JSON ----------------------------------------------------------------------

std::optional<Origin> MapRange(const Value& v, uint32_t begin, uint32_t end) {
  if (v.segments.empty()) return std::nullopt;
  if (end < begin) end = begin;
  auto find = [&](uint32_t at) -> const Segment* {
    auto it = std::upper_bound(v.segments.begin(), v.segments.end(), at,
                               [](uint32_t off, const Segment& s) { return off < s.begin; });
    if (it == v.segments.begin()) return nullptr;
    --it;
    return at < it->end ? &*it : nullptr;
  };
  const Segment* first = find(begin);
  const Segment* last = find(end > begin ? end - 1 : begin);
  if (!first || !last || first->origin.file != last->origin.file) return std::nullopt;
  Origin o;
  o.file = first->origin.file;
  uint32_t b = first->verbatim ? first->origin.range.begin + (begin - first->begin) : first->origin.range.begin;
  uint32_t e = last->verbatim ? last->origin.range.begin + (end - last->begin) : last->origin.range.end;
  if (end == begin) e = b;
  o.range = SourceRange{b, std::max(b, e)};
  return o;
}

namespace {

Origin JsonOrigin(const Value& source, SourceRange r) {
  if (auto o = MapRange(source, r.begin, r.end)) return *o;
  return source.origin;
}

Value JsonString(const json::Value& j, const Value& source) {
  const MappedText& m = j.string;
  StringBuilder b;
  if (m.offsets.size() != m.text.size() + 1) {
    b.Synthetic(m.text, JsonOrigin(source, j.range));
    return b.Finish(JsonOrigin(source, j.range));
  }
  uint32_t i = 0;
  const uint32_t n = static_cast<uint32_t>(m.text.size());
  while (i < n) {
    uint32_t start = i;
    if (m.offsets[i + 1] == m.offsets[i] + 1) {
      while (i < n && m.offsets[i + 1] == m.offsets[i] + 1) ++i;
      b.AppendSlice(source, m.offsets[start], m.offsets[i]);
    } else {
      while (i < n && m.offsets[i + 1] != m.offsets[i] + 1) ++i;
      b.Synthetic(std::string_view(m.text).substr(start, i - start),
                  JsonOrigin(source, SourceRange{m.offsets[start], m.offsets[i]}));
    }
  }
  Value out = b.Finish(JsonOrigin(source, j.range));
  return out;
}

template <typename StringFn, typename OriginFn>
Value Convert(const json::Value& j, const StringFn& string_fn, const OriginFn& origin_fn) {
  Origin o = origin_fn(j.range);
  switch (j.kind) {
    case json::Value::kNull: return MakeNull(o);
    case json::Value::kBool: return MakeBool(j.boolean, o);
    case json::Value::kNumber: return MakeNumberText(j.number_text, o);
    case json::Value::kString: return string_fn(j);
    case json::Value::kArray: {
      Value v;
      v.kind = Value::Kind::kList;
      v.origin = o;
      for (const json::Value& i : j.array) v.items.push_back(Convert(i, string_fn, origin_fn));
      return v;
    }
    case json::Value::kObject: {
      Value v;
      v.kind = Value::Kind::kMap;
      v.origin = o;
      std::unordered_map<std::string_view, size_t> index;  // keeps wide objects linear
      for (const json::Member& m : j.object) {
        Value item = Convert(m.value, string_fn, origin_fn);
        // Duplicate keys: the last wins, as in Terraform's jsondecode.
        auto [it, fresh] = index.emplace(m.key.text, v.entries.size());
        if (fresh) {
          v.entries.emplace_back(m.key.text, std::move(item));
        } else {
          v.entries[it->second].second = std::move(item);
        }
      }
      return v;
    }
  }
  return MakeNull(o);
}

}  // namespace

Value FromJson(const json::Value& j, const Value& source) {
  return Convert(
      j, [&](const json::Value& s) { return JsonString(s, source); },
      [&](SourceRange r) { return JsonOrigin(source, r); });
}

Value FromJsonFile(const json::Value& j, const std::string& file) {
  return Convert(
      j,
      [&](const json::Value& s) {
        Origin o{file, s.range};
        return MakeString(s.string, file, o);
      },
      [&](SourceRange r) { return Origin{file, r}; });
}

}  // namespace rdslint::iac::tf
