#include "frontend/hcl/hcl_lexer.h"

#include <string>

namespace rdslint::hcl {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Decodes one UTF-8 sequence at s[i]; returns its length (0 if malformed).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) { *cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3F); return 2; }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    *cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3F);
    return *cp >= 0x800 && !(*cp >= 0xD800 && *cp <= 0xDFFF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    *cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3F);
    return *cp >= 0x10000 && *cp <= 0x10FFFF ? 4 : 0;
  }
  return 0;
}

// HCL takes identifiers from Unicode's ID_Start/ID_Continue. Rather than
// carry the tables, we accept every non-ASCII code point except the blocks
// that hold no letters (spaces, punctuation, symbols, emoji, private use),
// which HCL rejects as "Invalid character".
bool IsNonAsciiLetter(uint32_t cp) {
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x206F)) return false;  // spaces, punctuation
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;                     // arrows, maths, symbols
  if (cp >= 0x3000 && cp <= 0x3004) return false;                     // CJK spaces and marks
  if ((cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xFEFF) return false;
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;                     // private use
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;                   // emoji and pictographs
  return true;
}

// Length of the identifier character at s[i] (0 if none).
size_t IdentCharAt(std::string_view s, size_t i, bool start) {
  char c = s[i];
  if (IsAsciiIdentStart(c)) return 1;
  if (!start && (IsDigit(c) || c == '-')) return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  uint32_t cp = 0;
  size_t len = DecodeUtf8(s, i, &cp);
  return len > 0 && IsNonAsciiLetter(cp) ? len : 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  LexResult Run(bool template_only) {
    frames_.push_back(Frame(Frame::kNormal));
    if (template_only) {
      Frame f(Frame::kBare);
      f.line_start = true;
      frames_.push_back(f);
    }
    while (pos_ < text_.size()) {
      switch (frames_.back().kind) {
        case Frame::kNormal:
        case Frame::kInterp: LexNormal(); break;
        case Frame::kQuoted: LexQuoted(); break;
        case Frame::kHeredoc:
        case Frame::kBare: LexHeredoc(); break;
      }
    }
    // Close whatever is still open at the end of the file, innermost first,
    // so the parser sees balanced template tokens.
    while (frames_.size() > 1) {
      const Frame& f = frames_.back();
      if (f.kind == Frame::kQuoted || f.kind == Frame::kHeredoc) {
        Fail(f.open, "Unterminated template string; No closing marker was found for the string.");
        Emit(f.kind == Frame::kQuoted ? TokenType::kCQuote : TokenType::kCHeredoc, pos_, pos_, false, true);
      }
      frames_.pop_back();
    }
    Emit(TokenType::kEof, pos_, pos_);
    return std::move(out_);
  }

 private:
  struct Frame {
    enum Kind { kNormal, kInterp, kQuoted, kHeredoc, kBare };
    explicit Frame(Kind k) : kind(k) {}
    Kind kind;
    int braces = 0;               // kInterp: `{` open inside the interpolation
    SourceRange open;             // kQuoted/kHeredoc: the opener
    std::string_view delimiter;   // kHeredoc
    bool line_start = false;      // kHeredoc: at the start of a line
  };

  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void Emit(TokenType t, size_t b, size_t e, bool flag = false, bool synthetic = false) {
    out_.tokens.push_back(Token{t, SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, flag, synthetic});
  }
  void Fail(SourceRange r, std::string msg) { out_.errors.push_back(Error{r, std::move(msg)}); }
  void Fail(size_t b, size_t e, std::string msg) {
    Fail(SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, std::move(msg));
  }

  // `${` or `%{` at pos_: emits the opener and enters an interpolation.
  void OpenTemplateSeq(bool control) {
    size_t b = pos_;
    pos_ += 2;
    bool strip = At(pos_) == '~';
    if (strip) ++pos_;
    Emit(control ? TokenType::kTemplateControl : TokenType::kTemplateInterp, b, pos_, strip);
    frames_.push_back(Frame(Frame::kInterp));
  }

  void LexNormal() {
    size_t b = pos_;
    char c = text_[pos_];
    char n = At(pos_ + 1);
    auto one = [&](TokenType t) { ++pos_; Emit(t, b, pos_); };
    auto two = [&](TokenType t) { pos_ += 2; Emit(t, b, pos_); };
    switch (c) {
      case ' ': case '\t': case '\r': case '\f': case '\v': ++pos_; return;
      case '\n': one(TokenType::kNewline); return;
      case '#': SkipLineComment(); return;
      case '/':
        if (n == '/') { SkipLineComment(); return; }
        if (n == '*') { SkipBlockComment(); return; }
        one(TokenType::kSlash); return;
      case '"':
        one(TokenType::kOQuote);
        frames_.emplace_back(Frame::kQuoted);
        frames_.back().open = SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(pos_)};
        return;
      case '<':
        if (n == '<' && TryHeredoc()) return;
        if (n == '=') { two(TokenType::kLessEqual); return; }
        one(TokenType::kLess); return;
      case '{':
        if (frames_.back().kind == Frame::kInterp) ++frames_.back().braces;
        one(TokenType::kOBrace); return;
      case '}':
        if (frames_.back().kind == Frame::kInterp) {
          if (frames_.back().braces == 0) {
            one(TokenType::kTemplateSeqEnd);
            frames_.pop_back();
            AfterTemplateSeq();
            return;
          }
          --frames_.back().braces;
        }
        one(TokenType::kCBrace); return;
      case '~':
        if (n == '}' && frames_.back().kind == Frame::kInterp && frames_.back().braces == 0) {
          pos_ += 2;
          Emit(TokenType::kTemplateSeqEnd, b, pos_, true);
          frames_.pop_back();
          AfterTemplateSeq();
          return;
        }
        break;
      case '[': one(TokenType::kOBrack); return;
      case ']': one(TokenType::kCBrack); return;
      case '(': one(TokenType::kOParen); return;
      case ')': one(TokenType::kCParen); return;
      case ',': one(TokenType::kComma); return;
      case '?': one(TokenType::kQuestion); return;
      case '+': one(TokenType::kPlus); return;
      case '-': one(TokenType::kMinus); return;
      case '*': one(TokenType::kStar); return;
      case '%': one(TokenType::kPercent); return;
      case ':':
        if (n == ':') { two(TokenType::kDoubleColon); return; }
        one(TokenType::kColon); return;
      case '.':
        if (n == '.' && At(pos_ + 2) == '.') { pos_ += 3; Emit(TokenType::kEllipsis, b, pos_); return; }
        one(TokenType::kDot); return;
      case '=':
        if (n == '=') { two(TokenType::kEqualOp); return; }
        if (n == '>') { two(TokenType::kFatArrow); return; }
        one(TokenType::kEqual); return;
      case '!':
        if (n == '=') { two(TokenType::kNotEqual); return; }
        one(TokenType::kBang); return;
      case '>':
        if (n == '=') { two(TokenType::kGreaterEqual); return; }
        one(TokenType::kGreater); return;
      case '&':
        if (n == '&') { two(TokenType::kAnd); return; }
        break;
      case '|':
        if (n == '|') { two(TokenType::kOr); return; }
        break;
      default:
        if (IsDigit(c)) { LexNumber(); return; }
        if (size_t len = IdentCharAt(text_, pos_, true)) {
          pos_ += len;
          while (pos_ < text_.size()) {
            size_t more = IdentCharAt(text_, pos_, false);
            if (more == 0) break;
            pos_ += more;
          }
          Emit(TokenType::kIdent, b, pos_);
          return;
        }
        break;
    }
    uint32_t cp = 0;
    size_t len = DecodeUtf8(text_, pos_, &cp);
    pos_ += len > 0 ? len : 1;
    Emit(TokenType::kInvalid, b, pos_);
    Fail(b, pos_, len > 0 ? "Invalid character; This character is not used within the language."
                          : "Invalid character encoding; All input files must be UTF-8 encoded.");
  }

  // Back in the enclosing template after `}`: a heredoc resumes mid-line.
  void AfterTemplateSeq() {
    Frame& f = frames_.back();
    if (f.kind == Frame::kHeredoc || f.kind == Frame::kBare) f.line_start = false;
  }

  void SkipLineComment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  void SkipBlockComment() {
    size_t end = text_.find("*/", pos_ + 2);
    if (end == std::string_view::npos) {
      // HCL reports this as an invalid token where the comment starts.
      Fail(pos_, pos_ + 2, "Unterminated comment; There is no closing \"*/\" for this comment before the end of the file.");
      Emit(TokenType::kInvalid, pos_, pos_ + 2);
      pos_ = text_.size();
      return;
    }
    pos_ = end + 2;
  }

  // digit (digit | '.' | [eE][+-]?digit)*, not ending in '.'; the parser
  // validates the shape, as HCL's does ("Invalid number literal").
  void LexNumber() {
    size_t b = pos_;
    size_t good = ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (IsDigit(c)) {
        good = ++pos_;
      } else if (c == '.') {
        ++pos_;
      } else if ((c == 'e' || c == 'E') &&
                 (IsDigit(At(pos_ + 1)) ||
                  ((At(pos_ + 1) == '+' || At(pos_ + 1) == '-') && IsDigit(At(pos_ + 2))))) {
        pos_ += (IsDigit(At(pos_ + 1)) ? 2 : 3);
        good = pos_;
      } else {
        break;
      }
    }
    pos_ = good;
    Emit(TokenType::kNumber, b, pos_);
  }

  // `<<EOT\n` or `<<-EOT\n`; anything else is not a heredoc.
  bool TryHeredoc() {
    size_t p = pos_ + 2;
    bool flush = At(p) == '-';
    if (flush) ++p;
    if (p >= text_.size() || !IdentCharAt(text_, p, true)) return false;
    size_t id_begin = p;
    while (p < text_.size()) {
      size_t len = IdentCharAt(text_, p, false);
      if (len == 0) break;
      p += len;
    }
    size_t id_end = p;
    if (At(p) == '\r' && At(p + 1) == '\n') ++p;
    if (At(p) != '\n') return false;
    Emit(TokenType::kOHeredoc, pos_, id_end, flush);
    Frame f(Frame::kHeredoc);
    f.open = SourceRange{static_cast<uint32_t>(pos_), static_cast<uint32_t>(id_end)};
    f.delimiter = text_.substr(id_begin, id_end - id_begin);
    f.line_start = true;
    frames_.push_back(f);
    pos_ = p + 1;
    return true;
  }

  void LexQuoted() {
    size_t b = pos_;
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      Emit(TokenType::kCQuote, b, pos_);
      frames_.pop_back();
      return;
    }
    if (c == '\n') {
      // HCL keeps scanning; ending the string here lets the next line parse.
      Fail(frames_.back().open, "Unterminated template string; No closing marker was found for the string.");
      Emit(TokenType::kCQuote, b, b, false, true);
      frames_.pop_back();
      return;
    }
    if ((c == '$' || c == '%') && At(pos_ + 1) == '{') { OpenTemplateSeq(c == '%'); return; }
    while (pos_ < text_.size()) {
      c = text_[pos_];
      if (c == '"' || c == '\n') break;
      if (c == '\\') {
        pos_ += (At(pos_ + 1) == '\n' || pos_ + 1 >= text_.size()) ? 1 : 2;
        continue;
      }
      if ((c == '$' || c == '%') && At(pos_ + 1) == c && At(pos_ + 2) == '{') { pos_ += 3; continue; }
      if ((c == '$' || c == '%') && At(pos_ + 1) == '{') break;
      ++pos_;
    }
    Emit(TokenType::kTemplateLiteral, b, pos_);
  }

  void LexHeredoc() {
    Frame& f = frames_.back();
    size_t b = pos_;
    if (f.line_start && f.kind == Frame::kHeredoc) {
      // The closing marker: the delimiter alone on its line, with optional
      // whitespace around it.
      size_t p = pos_;
      while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
      if (text_.compare(p, f.delimiter.size(), f.delimiter) == 0) {
        size_t q = p + f.delimiter.size();
        size_t r = q;
        while (r < text_.size() && (text_[r] == ' ' || text_[r] == '\t' || text_[r] == '\r')) ++r;
        if (r >= text_.size() || text_[r] == '\n') {
          Emit(TokenType::kCHeredoc, p, q);
          frames_.pop_back();
          pos_ = q;
          return;
        }
      }
    }
    char c = text_[pos_];
    if ((c == '$' || c == '%') && At(pos_ + 1) == '{') { OpenTemplateSeq(c == '%'); return; }
    // One chunk per line, as HCL does: strip markers and `<<-` indentation
    // work on these chunks.
    bool newline = false;
    while (pos_ < text_.size()) {
      c = text_[pos_];
      if (c == '\n') { ++pos_; newline = true; break; }
      if ((c == '$' || c == '%') && At(pos_ + 1) == c && At(pos_ + 2) == '{') { pos_ += 3; continue; }
      if ((c == '$' || c == '%') && At(pos_ + 1) == '{') break;
      ++pos_;
    }
    f.line_start = newline;
    Emit(TokenType::kTemplateLiteral, b, pos_);
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<Frame> frames_;
  LexResult out_;
};

}  // namespace

LexResult Lex(std::string_view text) { return Lexer(text).Run(false); }
LexResult LexTemplate(std::string_view text) { return Lexer(text).Run(true); }

}  // namespace rdslint::hcl
