#include "frontend/yaml/yaml_source.h"

#if __has_include(<yaml-cpp/depthguard.h>)  // yaml-cpp >= 0.7
#include <yaml-cpp/depthguard.h>
#define RDSLINT_YAML_HAS_DEPTH_GUARD 1
#endif

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

namespace rdslint::yaml {
namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

SourceRange Range(size_t b, size_t e) {
  return SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// Offset of the '\n' ending the line that holds `p`, or t.size().
size_t LineEnd(std::string_view t, size_t p) {
  if (p >= t.size()) return t.size();
  const void* nl = std::memchr(t.data() + p, '\n', t.size() - p);
  return nl ? static_cast<const char*>(nl) - t.data() : t.size();
}

size_t NextLine(std::string_view t, size_t p) {
  size_t e = LineEnd(t, p);
  return e < t.size() ? e + 1 : t.size();
}

bool IsYamlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool HasBom(std::string_view t) { return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF"; }

// yaml-cpp recurses once per level of nesting, so absurdly deep input could
// exhaust the stack before its own guard triggers. This scan approximates the
// depth from flow brackets ([ {) and block indentation (including "- - -"),
// skipping quoted scalars, comments and block scalar bodies. Returns the
// offset where `limit` is exceeded, or kNpos.
size_t FindExcessiveNesting(std::string_view t, size_t limit) {
  const size_t n = t.size();
  std::vector<size_t> block;  // columns of the open block nodes
  size_t flow = 0;
  long block_scalar_parent = -1;  // inside a | or > body: lines indented deeper
  size_t line_start = 0;
  size_t line_indent = 0;
  size_t i = HasBom(t) ? 3 : 0;
  bool at_line_start = true;
  auto token_start = [&](size_t at) {
    if (at == line_start + line_indent) return true;
    char prev = t[at - 1];
    return prev == ' ' || prev == '\t' || prev == '[' || prev == '{' || prev == ',';
  };
  while (i < n) {
    if (at_line_start) {
      at_line_start = false;
      line_start = i;
      while (i < n && t[i] == ' ') ++i;
      line_indent = i - line_start;
      size_t k = i;
      while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
      const bool blank = k >= n || t[k] == '\n' || t[k] == '#';
      if (blank || (block_scalar_parent >= 0 && static_cast<long>(line_indent) > block_scalar_parent)) {
        i = NextLine(t, i);
        at_line_start = true;
        continue;
      }
      block_scalar_parent = -1;
      if (flow == 0) {
        size_t col = line_indent;
        while (!block.empty() && block.back() >= col) block.pop_back();
        block.push_back(col);
        // "- - - x" opens one sequence per dash on a single line.
        while (i + 1 < n && t[i] == '-' && (t[i + 1] == ' ' || t[i + 1] == '\t')) {
          ++i;
          while (i < n && (t[i] == ' ' || t[i] == '\t')) ++i;
          col = i - line_start;
          while (!block.empty() && block.back() >= col) block.pop_back();
          block.push_back(col);
          if (block.size() > limit) return i;
        }
        if (block.size() > limit) return i;
      }
      continue;
    }
    const char c = t[i];
    switch (c) {
      case '\n':
        at_line_start = true;
        ++i;
        break;
      case '#':
        if (i == line_start || t[i - 1] == ' ' || t[i - 1] == '\t') {
          i = LineEnd(t, i);
        } else {
          ++i;
        }
        break;
      case '\'':
      case '"': {
        if (!token_start(i)) {
          ++i;
          break;
        }
        size_t k = i + 1;
        while (k < n) {
          if (c == '"' && t[k] == '\\') {
            k += 2;
          } else if (t[k] == c) {
            if (c == '\'' && k + 1 < n && t[k + 1] == '\'') {
              k += 2;
            } else {
              break;
            }
          } else {
            ++k;
          }
        }
        i = std::min(k + 1, n);
        break;
      }
      case '[':
      case '{':
        ++flow;
        if (block.size() + flow > limit) return i;
        ++i;
        break;
      case ']':
      case '}':
        if (flow > 0) --flow;
        ++i;
        break;
      case '|':
      case '>': {
        if (flow == 0 && token_start(i)) {
          size_t k = i + 1;
          while (k < n && (t[k] == '-' || t[k] == '+' || IsDigit(t[k]))) ++k;
          while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
          if (k >= n || t[k] == '\n' || t[k] == '#') {
            block_scalar_parent = static_cast<long>(line_indent);
          }
        }
        ++i;
        break;
      }
      default:
        ++i;
        break;
    }
  }
  return kNpos;
}


namespace {

// ---------------------------------------------------------------------------
// YAML scalars back to source

enum class Style { kPlain, kSingle, kDouble, kBlock };

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the double-quoted escape starting at src[j] == '\\'. Returns its
// source length, or 0 when it is not one we know (the caller then falls back).
size_t DecodeYamlEscape(std::string_view src, size_t j, std::string* out) {
  out->clear();
  if (j + 1 >= src.size()) return 0;
  int hex = 0;
  switch (src[j + 1]) {
    case '0': out->push_back('\0'); return 2;
    case 'a': out->push_back('\a'); return 2;
    case 'b': out->push_back('\b'); return 2;
    case 't':
    case '\t': out->push_back('\t'); return 2;
    case 'n': out->push_back('\n'); return 2;
    case 'v': out->push_back('\v'); return 2;
    case 'f': out->push_back('\f'); return 2;
    case 'r': out->push_back('\r'); return 2;
    case 'e': out->push_back('\x1b'); return 2;
    case ' ': out->push_back(' '); return 2;
    case '"': out->push_back('"'); return 2;
    case '/': out->push_back('/'); return 2;
    case '\\': out->push_back('\\'); return 2;
    case 'N': AppendUtf8(0x85, out); return 2;
    case '_': AppendUtf8(0xA0, out); return 2;
    case 'L': AppendUtf8(0x2028, out); return 2;
    case 'P': AppendUtf8(0x2029, out); return 2;
    case 'x': hex = 2; break;
    case 'u': hex = 4; break;
    case 'U': hex = 8; break;
    default: return 0;
  }
  if (j + 2 + hex > src.size()) return 0;
  uint32_t cp = 0;
  for (int k = 0; k < hex; ++k) {
    const char h = src[j + 2 + k];
    uint32_t d;
    if (IsDigit(h)) {
      d = h - '0';
    } else if (h >= 'a' && h <= 'f') {
      d = h - 'a' + 10;
    } else if (h >= 'A' && h <= 'F') {
      d = h - 'A' + 10;
    } else {
      return 0;
    }
    cp = cp * 16 + d;
  }
  if (cp > 0x10FFFF) return 0;
  AppendUtf8(cp, out);
  return 2 + hex;
}

// Walks the source from `j` alongside yaml-cpp's decoded scalar `s`, mapping
// each decoded byte to where it came from: escapes and '' pairs to their
// whole spelling, folded line breaks to the break, indentation and trailing
// blanks skipped. Fails (false) as soon as the two disagree.
bool AlignScalar(std::string_view src, size_t j, const std::string& s, Style style,
                 size_t block_indent, MappedText* out) {
  const size_t n = src.size();
  out->text = s;
  out->offsets.assign(s.size() + 1, 0);
  auto skip_indent = [&] {
    for (size_t k = 0; k < block_indent && j < n && src[j] == ' '; ++k) ++j;
  };
  if (style == Style::kBlock) skip_indent();
  std::string esc;
  size_t i = 0;
  while (i < s.size()) {
    if (j >= n) return false;
    const char c = src[j];
    if (style == Style::kDouble && c == '\\') {
      if (j + 1 < n && (src[j + 1] == '\n' || src[j + 1] == '\r')) {  // escaped line break
        j += (src[j + 1] == '\r' && j + 2 < n && src[j + 2] == '\n') ? 3 : 2;
        while (j < n && (src[j] == ' ' || src[j] == '\t')) ++j;
        continue;
      }
      const size_t len = DecodeYamlEscape(src, j, &esc);
      if (len == 0 || s.compare(i, esc.size(), esc) != 0) return false;
      for (size_t k = 0; k < esc.size(); ++k) out->offsets[i++] = static_cast<uint32_t>(j);
      j += len;
      continue;
    }
    if (style == Style::kSingle && c == '\'') {
      if (j + 1 < n && src[j + 1] == '\'' && s[i] == '\'') {
        out->offsets[i++] = static_cast<uint32_t>(j);
        j += 2;
        continue;
      }
      return false;  // the closing quote came too early
    }
    if (style == Style::kDouble && c == '"') return false;
    if (c == '\n' || c == '\r') {
      if (s[i] == '\n' || s[i] == ' ') out->offsets[i++] = static_cast<uint32_t>(j);
      j += (c == '\r' && j + 1 < n && src[j + 1] == '\n') ? 2 : 1;
      if (style == Style::kBlock) skip_indent();
      continue;
    }
    if (c == s[i]) {
      out->offsets[i++] = static_cast<uint32_t>(j++);
      continue;
    }
    if (c == ' ' || c == '\t') {  // indentation or blanks eaten by folding
      ++j;
      continue;
    }
    return false;
  }
  out->offsets[s.size()] = static_cast<uint32_t>(j);
  return true;
}

// Maps the decoded scalar `s` of a node whose yaml-cpp mark is at `pos`.
// *quote receives the quote character of a quoted scalar, else 0.
}  // namespace

MappedText MapScalar(std::string_view src, size_t pos, const std::string& s, char* quote) {
  const size_t n = src.size();
  size_t j = std::min(pos, n);
  // The mark is at the node's properties (&anchor, !tag) when it has some.
  for (int k = 0; k < 4 && j < n && (src[j] == '&' || src[j] == '!'); ++k) {
    while (j < n && !IsYamlSpace(src[j])) ++j;
    while (j < n && IsYamlSpace(src[j])) ++j;
  }
  Style style = Style::kPlain;
  size_t start = j;
  size_t block_indent = 0;
  *quote = 0;
  if (j < n && (src[j] == '\'' || src[j] == '"')) {
    style = src[j] == '\'' ? Style::kSingle : Style::kDouble;
    *quote = src[j];
    start = j + 1;
  } else if (j < n && (src[j] == '|' || src[j] == '>')) {
    style = Style::kBlock;
    start = NextLine(src, j);
    // The body's indentation is that of its first non-empty line.
    for (size_t k = start; k < n;) {
      size_t e = k;
      while (e < n && src[e] == ' ') ++e;
      if (e < n && src[e] != '\n' && src[e] != '\r') {
        block_indent = e - k;
        break;
      }
      k = NextLine(src, k);
    }
  }
  MappedText m;
  if (AlignScalar(src, start, s, style, block_indent, &m)) return m;

  // Fallback (block scalars with explicit indentation indicators, or
  // anything yaml-cpp decoded differently): every byte maps onto the first
  // content line, so ranges still point near the value.
  size_t first = start;
  if (style == Style::kBlock) {
    while (first < n && (src[first] == '\n' || src[first] == '\r')) ++first;
    while (first < n && src[first] == ' ') ++first;
  }
  if (n == 0) {
    m.text = s;
    m.offsets.assign(s.size() + 1, 0);
    return m;
  }
  first = std::min(first, n - 1);
  size_t line_end = LineEnd(src, first);
  while (line_end > first && src[line_end - 1] == '\r') --line_end;
  const size_t len = line_end - first;
  m.text = s;
  m.offsets.resize(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    m.offsets[i] = static_cast<uint32_t>(first + (len == 0 ? 0 : std::min(i, len - 1)));
  }
  m.offsets[s.size()] = static_cast<uint32_t>(first + std::min(s.size(), len));
  return m;
}


std::string SafeMessage(const std::string& msg) {
  std::string m = msg.substr(0, msg.find(':'));
  return m.empty() ? std::string("invalid YAML") : m;
}

std::optional<Error> CheckBeforeParse(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    return Error{SourceRange{}, "file too large"};
  }
  const size_t deep = FindExcessiveNesting(text, kMaxNesting);
  if (deep != kNpos) {
    return Error{Range(deep, std::min(deep + 1, text.size())),
                 "YAML nested deeper than " + std::to_string(kMaxNesting) + " levels"};
  }
  return std::nullopt;
}

Error ErrorFromException(std::string_view text, const YAML::Exception& e) {
  size_t at = 0;
  if (e.mark.pos >= 0) {
    // yaml-cpp counts positions after a byte order mark.
    at = std::min(static_cast<size_t>(e.mark.pos) + (HasBom(text) ? 3 : 0), text.size());
  }
  std::string msg = "YAML syntax error: " + SafeMessage(e.msg);
#ifdef RDSLINT_YAML_HAS_DEPTH_GUARD
  // yaml-cpp 0.7 stops near 500 levels itself, with a misleading message.
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) msg = "YAML nested too deeply";
#endif
  return Error{Range(at, std::min(at + 1, text.size())), std::move(msg)};
}

}  // namespace rdslint::yaml
