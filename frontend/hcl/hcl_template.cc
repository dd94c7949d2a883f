#include "frontend/hcl/hcl_template.h"

#include <algorithm>
#include <limits>

namespace rdslint::hcl {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Byte length of the white-space character (Unicode White_Space, as Go's
// unicode.IsSpace, which HCL uses) starting at s[i], or 0.
size_t SpaceAt(const std::string& s, size_t i) {
  auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (IsSpace(s[i])) return 1;
  if (b(0) == 0xC2 && (b(1) == 0x85 || b(1) == 0xA0)) return 2;
  if (b(0) == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;
  if (b(0) == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF)) return 3;
  if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

// Byte length of the white-space character ending just before s[end], or 0.
size_t SpaceBefore(const std::string& s, size_t end) {
  for (size_t len = 1; len <= 3 && len <= end; ++len) {
    if (SpaceAt(s, end - len) == len) return len;
  }
  return 0;
}

void Append(MappedText* m, char c, uint32_t offset) {
  m->text.push_back(c);
  m->offsets.push_back(offset);
}

void AppendUtf8(MappedText* m, uint32_t cp, uint32_t offset) {
  if (cp < 0x80) {
    Append(m, static_cast<char>(cp), offset);
  } else if (cp < 0x800) {
    Append(m, static_cast<char>(0xC0 | (cp >> 6)), offset);
    Append(m, static_cast<char>(0x80 | (cp & 0x3F)), offset);
  } else if (cp < 0x10000) {
    Append(m, static_cast<char>(0xE0 | (cp >> 12)), offset);
    Append(m, static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), offset);
    Append(m, static_cast<char>(0x80 | (cp & 0x3F)), offset);
  } else {
    Append(m, static_cast<char>(0xF0 | (cp >> 18)), offset);
    Append(m, static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), offset);
    Append(m, static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), offset);
    Append(m, static_cast<char>(0x80 | (cp & 0x3F)), offset);
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void TrimRight(MappedText* m) {
  size_t n = m->text.size();
  while (size_t len = n > 0 ? SpaceBefore(m->text, n) : 0) n -= len;
  m->text.resize(n);
  m->offsets.resize(n + 1);
}

// Removes up to `limit` leading white-space characters (not bytes).
void TrimLeft(MappedText* m, size_t limit) {
  size_t n = 0;
  for (size_t chars = 0; chars < limit && n < m->text.size(); ++chars) {
    size_t len = SpaceAt(m->text, n);
    if (len == 0) break;
    n += len;
  }
  m->text.erase(0, n);
  m->offsets.erase(m->offsets.begin(), m->offsets.begin() + static_cast<long>(n));
}

bool EndsWithNewline(const MappedText& m) { return !m.text.empty() && m.text.back() == '\n'; }

// `<<-`: HCL removes from every line the smallest indentation of the lines
// that have content. Lines are literal chunks that start a line; a chunk
// of spaces ending in a newline is blank and neither counts nor changes. A
// line starting with an interpolation has no indentation. Strip markers ran
// first, so a chunk they emptied no longer ends a line (HCL behaves so).
void FlushIndentation(std::vector<RawTemplatePart>& raw) {
  size_t min_spaces = std::numeric_limits<size_t>::max();
  std::vector<MappedText*> adjust;
  bool line_start = true;
  for (RawTemplatePart& p : raw) {
    if (line_start) {
      line_start = false;
      if (p.kind == RawTemplatePart::kLiteral) {
        size_t spaces = 0, bytes = 0;
        while (size_t len = bytes < p.text.text.size() ? SpaceAt(p.text.text, bytes) : 0) {
          bytes += len;
          ++spaces;
        }
        if (bytes == p.text.text.size() && EndsWithNewline(p.text)) {
          // blank line
        } else {
          min_spaces = std::min(min_spaces, spaces);
          adjust.push_back(&p.text);
        }
      } else {
        min_spaces = 0;
      }
    }
    if (p.kind == RawTemplatePart::kLiteral && EndsWithNewline(p.text)) line_start = true;
  }
  if (min_spaces == std::numeric_limits<size_t>::max()) return;
  for (MappedText* m : adjust) TrimLeft(m, min_spaces);
}

}  // namespace

MappedText DecodeQuotedLiteral(std::string_view raw, uint32_t begin, std::vector<Error>* errors) {
  MappedText m;
  m.text.reserve(raw.size());
  m.offsets.reserve(raw.size() + 1);
  size_t i = 0;
  while (i < raw.size()) {
    uint32_t at = begin + static_cast<uint32_t>(i);
    char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      char e = raw[i + 1];
      switch (e) {
        case 'n': Append(&m, '\n', at); i += 2; continue;
        case 'r': Append(&m, '\r', at); i += 2; continue;
        case 't': Append(&m, '\t', at); i += 2; continue;
        case '"': Append(&m, '"', at); i += 2; continue;
        case '\\': Append(&m, '\\', at); i += 2; continue;
        case 'u':
        case 'U': {
          size_t digits = e == 'u' ? 4 : 8;
          uint32_t cp = 0;
          bool ok = i + 2 + digits <= raw.size();
          for (size_t k = 0; ok && k < digits; ++k) {
            int h = HexValue(raw[i + 2 + k]);
            if (h < 0) ok = false;
            cp = cp * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
          }
          if (ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            AppendUtf8(&m, cp, at);
            i += 2 + digits;
            continue;
          }
          errors->push_back(Error{SourceRange{at, at + 2},
                                  "Invalid escape sequence; The \\" + std::string(1, e) +
                                      " escape must be followed by " + std::to_string(digits) +
                                      " hexadecimal digits of a valid Unicode code point."});
          Append(&m, c, at);
          ++i;
          continue;
        }
        default:
          errors->push_back(Error{SourceRange{at, at + 2},
                                  "Invalid escape sequence; The symbol \"" + std::string(1, e) +
                                      "\" is not a valid escape sequence selector."});
          Append(&m, c, at);
          ++i;
          continue;
      }
    }
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      Append(&m, c, at);
      Append(&m, '{', at + 2);
      i += 3;
      continue;
    }
    Append(&m, c, at);
    ++i;
  }
  m.offsets.push_back(begin + static_cast<uint32_t>(raw.size()));
  return m;
}

MappedText DecodeHeredocLiteral(std::string_view raw, uint32_t begin) {
  MappedText m;
  m.text.reserve(raw.size());
  m.offsets.reserve(raw.size() + 1);
  size_t i = 0;
  while (i < raw.size()) {
    uint32_t at = begin + static_cast<uint32_t>(i);
    char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      Append(&m, c, at);
      Append(&m, '{', at + 2);
      i += 3;
      continue;
    }
    Append(&m, c, at);
    ++i;
  }
  m.offsets.push_back(begin + static_cast<uint32_t>(raw.size()));
  return m;
}

Template BuildTemplate(std::vector<RawTemplatePart> raw, bool heredoc, bool flush,
                       std::vector<Error>* errors) {
  // Strip markers trim only the literal chunk right next to them.
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].kind == RawTemplatePart::kLiteral) continue;
    if (raw[i].strip_before && i > 0 && raw[i - 1].kind == RawTemplatePart::kLiteral) {
      TrimRight(&raw[i - 1].text);
    }
    if (raw[i].strip_after && i + 1 < raw.size() && raw[i + 1].kind == RawTemplatePart::kLiteral) {
      TrimLeft(&raw[i + 1].text, std::numeric_limits<size_t>::max());
    }
  }
  if (flush) FlushIndentation(raw);

  Template out;
  out.heredoc = heredoc;
  out.single_interpolation = raw.size() == 1 && raw[0].kind == RawTemplatePart::kInterp;

  // Open directives, innermost last. Each points at a part whose vectors are
  // not appended to while a deeper directive is open, so the pointers stay valid.
  std::vector<TemplatePart*> open;
  auto current = [&]() -> std::vector<TemplatePart>& {
    if (open.empty()) return out.parts;
    TemplatePart* d = open.back();
    return d->has_else ? d->else_parts : d->then_parts;
  };
  for (RawTemplatePart& r : raw) {
    switch (r.kind) {
      case RawTemplatePart::kLiteral: {
        if (r.text.text.empty()) break;
        TemplatePart p;
        p.kind = TemplatePart::kLiteral;
        p.range = r.text.ToSource(0, static_cast<uint32_t>(r.text.text.size()));
        p.text = std::move(r.text);
        current().push_back(std::move(p));
        break;
      }
      case RawTemplatePart::kInterp: {
        TemplatePart p;
        p.kind = TemplatePart::kInterpolation;
        p.range = r.range;
        p.expr = std::move(r.expr);
        current().push_back(std::move(p));
        break;
      }
      case RawTemplatePart::kIf:
      case RawTemplatePart::kFor: {
        TemplatePart p;
        p.kind = r.kind == RawTemplatePart::kIf ? TemplatePart::kIf : TemplatePart::kFor;
        p.range = r.range;
        p.expr = std::move(r.expr);
        p.key_var = std::move(r.key_var);
        p.value_var = std::move(r.value_var);
        std::vector<TemplatePart>& v = current();
        v.push_back(std::move(p));
        open.push_back(&v.back());
        break;
      }
      case RawTemplatePart::kElse:
        if (open.empty() || open.back()->kind != TemplatePart::kIf || open.back()->has_else) {
          errors->push_back(Error{r.range, "Unexpected \"else\" directive; An \"else\" clause can appear only within an \"if\" directive."});
          break;
        }
        open.back()->has_else = true;
        break;
      case RawTemplatePart::kEndIf:
      case RawTemplatePart::kEndFor: {
        bool is_if = r.kind == RawTemplatePart::kEndIf;
        TemplatePart::Kind want = is_if ? TemplatePart::kIf : TemplatePart::kFor;
        if (open.empty() || open.back()->kind != want) {
          errors->push_back(Error{r.range, is_if ? "Unexpected \"endif\" directive; An \"endif\" can appear only to close an \"if\" directive."
                                                : "Unexpected \"endfor\" directive; An \"endfor\" can appear only to close a \"for\" directive."});
          break;
        }
        open.back()->range.end = r.range.end;
        open.pop_back();
        break;
      }
    }
  }
  for (TemplatePart* d : open) {
    errors->push_back(Error{SourceRange{d->range.begin, d->range.begin + 2},
                            d->kind == TemplatePart::kIf
                                ? "Unexpected end of template; The if directive is missing its corresponding endif directive."
                                : "Unexpected end of template; The for directive is missing its corresponding endfor directive."});
  }
  return out;
}

}  // namespace rdslint::hcl
