#include "frontend/prisma/prisma_parser.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace rdslint::prisma {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);
}
// Prisma's identifiers: an ASCII letter or digit, then letters, digits, _ and -.
bool IsIdentChar(char c) { return IsAlnum(c) || c == '_' || c == '-'; }

BlockKind KindOf(std::string_view keyword) {
  if (keyword == "datasource") return BlockKind::kDatasource;
  if (keyword == "generator") return BlockKind::kGenerator;
  if (keyword == "model") return BlockKind::kModel;
  if (keyword == "enum") return BlockKind::kEnum;
  if (keyword == "view") return BlockKind::kView;
  if (keyword == "type") return BlockKind::kType;
  return BlockKind::kUnknown;
}

constexpr std::string_view kInvalidTopLevel =
    "This line is invalid. It does not start with any known Prisma schema keyword.";
constexpr std::string_view kInvalidFieldLine =
    "This line is not a valid field or attribute definition.";
constexpr std::string_view kInvalidEnumLine = "This line is not an enum value definition.";

class Parser {
 public:
  explicit Parser(std::string_view text) : t_(text), size_(static_cast<uint32_t>(text.size())) {}

  Schema Run() {
    // Prisma does not skip a byte-order mark: the first line is then invalid.
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") {
      AddError(SourceRange{0, 3}, "the file starts with a byte-order mark, which Prisma rejects; "
                                  "save it as UTF-8 without BOM");
      p_ = 3;
    }
    while (p_ < size_) TopLevelLine();
    return std::move(s_);
  }

 private:
  struct Failure {
    uint32_t at;
    std::string message;
  };

  // ---- characters and lines

  // Whitespace is a space, a tab or a Unicode space separator (UTF-8).
  uint32_t SpaceAt(uint32_t i) const {
    if (i >= size_) return 0;
    const unsigned char c = static_cast<unsigned char>(t_[i]);
    if (c == ' ' || c == '\t') return 1;
    if (c < 0x80) return 0;
    auto at = [&](uint32_t k) -> unsigned char {
      return i + k < size_ ? static_cast<unsigned char>(t_[i + k]) : 0;
    };
    if (c == 0xC2 && at(1) == 0xA0) return 2;                   // U+00A0
    if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;  // U+1680
    if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xAF))
      return 3;                                                 // U+2000..200A, U+202F
    if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;  // U+205F
    if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;  // U+3000
    return 0;
  }
  void SkipSpaces() {
    while (uint32_t n = SpaceAt(p_)) p_ += n;
  }
  // "\n", "\r\n" and a lone "\r" all end a line, as in Prisma.
  uint32_t NewlineAt(uint32_t i) const {
    if (i >= size_) return 0;
    if (t_[i] == '\n') return 1;
    if (t_[i] == '\r') return i + 1 < size_ && t_[i + 1] == '\n' ? 2 : 1;
    return 0;
  }
  bool AtLineEnd() const { return p_ >= size_ || NewlineAt(p_) > 0; }
  uint32_t LineEnd(uint32_t i) const {
    while (i < size_ && !NewlineAt(i)) ++i;
    return i;
  }
  char Peek() const { return p_ < size_ ? t_[p_] : '\0'; }
  bool At(std::string_view s) const { return p_ <= size_ && t_.substr(p_, s.size()) == s; }
  bool AtIdentStart() const { return p_ < size_ && IsAlnum(t_[p_]); }
  std::string Str(SourceRange r) const { return std::string(t_.substr(r.begin, r.size())); }

  SourceRange ReadIdent() {
    const uint32_t b = p_;
    while (p_ < size_ && IsIdentChar(t_[p_])) ++p_;
    return SourceRange{b, p_};
  }
  // identifier ("." identifier?)*: db.VarChar, and "db." while it is typed.
  SourceRange ReadPath() {
    const uint32_t b = p_;
    ReadIdent();
    while (Peek() == '.') {
      ++p_;
      if (AtIdentStart()) ReadIdent();
    }
    return SourceRange{b, p_};
  }

  // At "//": records the comment; `///` lines are appended to `doc`.
  void ReadComment(std::string* doc) {
    const uint32_t b = p_;
    const uint32_t e = LineEnd(p_);
    const bool is_doc = t_.substr(b, 3) == "///";
    s_.comments.push_back(Comment{SourceRange{b, e}, is_doc});
    if (doc && is_doc) {
      std::string_view content = t_.substr(b + 3, e - b - 3);
      if (!content.empty() && content.front() == ' ') content.remove_prefix(1);
      if (!doc->empty()) doc->push_back('\n');
      doc->append(content);
    }
    p_ = e;
  }

  // After a member: spaces, an optional comment, then the end of the line
  // (consumed). False when something else follows.
  bool EndOfMember() {
    SkipSpaces();
    if (At("//")) ReadComment(nullptr);
    if (!AtLineEnd()) return false;
    p_ += NewlineAt(p_);
    return true;
  }

  // ---- errors

  void AddError(SourceRange range, std::string message) {
    s_.errors.push_back(Error{range, std::move(message)});
  }
  bool Fail(uint32_t at, std::string message) {
    if (!failure_) failure_ = Failure{at, std::move(message)};
    return false;
  }
  // Reports the line that starts at `line_start` (its content at `content`)
  // and skips the rest of it. A specific failure recorded while parsing wins
  // over `message`; consecutive lines with the same generic message make one
  // error (located on the first), so that a pasted blob yields one finding
  // and not thousands. An error's range stays on its line.
  void InvalidLine(uint32_t line_start, uint32_t content, std::string_view message) {
    const uint32_t end = LineEnd(std::max(p_, content));
    if (failure_) {
      AddError(SourceRange{failure_->at, std::max(failure_->at, LineEnd(failure_->at))},
               std::move(failure_->message));
      failure_.reset();
    } else if (s_.errors.empty() || merge_at_ != line_start || s_.errors.back().message != message) {
      AddError(SourceRange{content, LineEnd(content)}, std::string(message));
    }
    p_ = end + NewlineAt(end);
    merge_at_ = p_;
  }

  // ---- values

  bool ParseString(Expression* e) {
    const uint32_t b = p_++;
    MappedText m;
    while (true) {
      if (p_ >= size_ || t_[p_] == '\n' || t_[p_] == '\r') {
        return Fail(b, "this string is not closed with '\"' before the end of the line");
      }
      const unsigned char c = static_cast<unsigned char>(t_[p_]);
      if (c == '"') break;
      if (c < 0x20) {
        return Fail(p_, "a string cannot hold a control character such as a tab; "
                        "write it as an escape (\\t)");
      }
      if (c != '\\') {
        m.text.push_back(static_cast<char>(c));
        m.offsets.push_back(p_++);
        continue;
      }
      const uint32_t esc = p_;
      if (p_ + 1 >= size_) return Fail(b, "this string is not closed with '\"'");
      const char d = t_[p_ + 1];
      char decoded = 0;
      switch (d) {
        case '"': decoded = '"'; break;
        case '\\': decoded = '\\'; break;
        case '/': decoded = '/'; break;
        case 'b': decoded = '\b'; break;
        case 'f': decoded = '\f'; break;
        case 'n': decoded = '\n'; break;
        case 'r': decoded = '\r'; break;
        case 't': decoded = '\t'; break;
        default: break;
      }
      if (decoded) {
        m.text.push_back(decoded);
        m.offsets.push_back(esc);
        p_ += 2;
        continue;
      }
      if (d == 'u') {
        if (std::optional<uint32_t> cp = ReadUnicodeEscape(esc)) {
          AppendUtf8(*cp, esc, &m);
          continue;
        }
      }
      // Prisma reads any escaped character and then rejects unknown ones.
      AddError(SourceRange{esc, esc + (d == '\n' || d == '\r' ? 1u : 2u)},
               "Unknown escape sequence. If the value is a windows-style path, `\\` must be "
               "escaped as `\\\\`.");
      m.text.push_back(d);
      m.offsets.push_back(esc);
      p_ += 2;
    }
    m.offsets.push_back(p_);
    ++p_;
    e->kind = Expression::Kind::kString;
    e->range = SourceRange{b, p_};
    e->string = std::move(m);
    return true;
  }

  // \uXXXX, with a following \uXXXX low surrogate joined to a high one.
  std::optional<uint32_t> ReadUnicodeEscape(uint32_t at) {
    auto hex4 = [&](uint32_t i) -> std::optional<uint32_t> {
      if (i + 6 > size_ || t_[i] != '\\' || t_[i + 1] != 'u') return std::nullopt;
      uint32_t v = 0;
      for (uint32_t k = i + 2; k < i + 6; ++k) {
        const int h = HexValue(t_[k]);
        if (h < 0) return std::nullopt;
        v = v * 16 + static_cast<uint32_t>(h);
      }
      return v;
    };
    std::optional<uint32_t> cp = hex4(at);
    if (!cp) return std::nullopt;
    p_ = at + 6;
    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
      if (std::optional<uint32_t> low = hex4(p_); low && *low >= 0xDC00 && *low <= 0xDFFF) {
        p_ += 6;
        return 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
      }
      return 0xFFFD;
    }
    if (*cp >= 0xDC00 && *cp <= 0xDFFF) return 0xFFFD;
    return cp;
  }

  bool ParseNumber(Expression* e) {
    const uint32_t b = p_;
    if (Peek() == '-') ++p_;
    if (!IsDigit(Peek())) return Fail(b, "expected a number after '-'");
    while (IsDigit(Peek())) ++p_;
    if (Peek() == '.') {
      ++p_;
      if (!IsDigit(Peek())) return Fail(b, "a number cannot end with '.'");
      while (IsDigit(Peek())) ++p_;
    }
    e->kind = Expression::Kind::kNumber;
    e->range = SourceRange{b, p_};
    e->text = Str(e->range);
    return true;
  }

  bool ParsePathOrCall(Expression* e, int depth) {
    const SourceRange path = ReadPath();
    e->kind = Expression::Kind::kPath;
    e->range = path;
    e->text = Str(path);
    const uint32_t save = p_;
    SkipSpaces();
    if (Peek() != '(') {
      p_ = save;
      return true;
    }
    e->kind = Expression::Kind::kFunction;
    e->name_range = path;
    if (!ParseArguments(&e->arguments, depth)) return false;
    e->range.end = p_;
    return true;
  }

  bool ParseArguments(std::vector<Argument>* out, int depth) {
    const uint32_t open = p_++;
    SkipSpaces();
    if (Peek() == ')') {
      ++p_;
      return true;
    }
    while (true) {
      Argument a;
      a.range.begin = p_;
      bool named = false;
      if (AtIdentStart()) {
        const uint32_t save = p_;
        const SourceRange name = ReadIdent();
        SkipSpaces();
        if (Peek() == ':') {
          named = true;
          ++p_;
          a.name = Str(name);
          a.name_range = name;
          SkipSpaces();
          if (Peek() == ',' || Peek() == ')') {
            a.has_value = false;
          } else if (!ParseExpression(&a.value, depth + 1)) {
            return false;
          }
        } else {
          p_ = save;
        }
      }
      if (!named && !ParseExpression(&a.value, depth + 1)) return false;
      a.range.end = p_;
      out->push_back(std::move(a));
      SkipSpaces();
      if (Peek() == ',') {
        ++p_;
        SkipSpaces();
        if (Peek() == ')') {
          ++p_;
          return true;
        }
        continue;
      }
      if (Peek() == ')') {
        ++p_;
        return true;
      }
      if (AtLineEnd()) return Fail(open, "this '(' is not closed on its line");
      return Fail(p_, "expected ',' or ')' in the argument list");
    }
  }

  bool ParseArray(Expression* e, int depth) {
    const uint32_t b = p_++;
    e->kind = Expression::Kind::kArray;
    SkipSpaces();
    if (Peek() == ']') {
      ++p_;
      e->range = SourceRange{b, p_};
      return true;
    }
    while (true) {
      if (AtLineEnd()) {
        return Fail(b, "an array must be closed on the line where it opens: Prisma allows no "
                       "line break inside [ ]");
      }
      Expression item;
      if (!ParseExpression(&item, depth + 1)) return false;
      e->items.push_back(std::move(item));
      SkipSpaces();
      if (Peek() == ',') {
        const uint32_t comma = p_++;
        SkipSpaces();
        if (Peek() == ']') return Fail(comma, "an array cannot end with a comma in Prisma");
        continue;
      }
      if (Peek() == ']') {
        ++p_;
        e->range = SourceRange{b, p_};
        return true;
      }
      if (AtLineEnd()) {
        return Fail(b, "an array must be closed on the line where it opens: Prisma allows no "
                       "line break inside [ ]");
      }
      return Fail(p_, "expected ',' or ']' in the array");
    }
  }

  bool ParseExpression(Expression* e, int depth) {
    if (depth > kMaxNesting) return Fail(p_, "values are nested too deeply");
    const char c = Peek();
    if (c == '"') return ParseString(e);
    if (c == '[') return ParseArray(e, depth);
    if (c == '-' || IsDigit(c)) return ParseNumber(e);
    if (IsAlnum(c)) return ParsePathOrCall(e, depth);
    return Fail(p_, AtLineEnd() ? "a value is missing here"
                                : "expected a value: a string, a number, an array, a name or a "
                                  "function call");
  }

  bool ParseAttribute(Attribute* a) {
    a->range.begin = p_;
    a->block = At("@@");
    p_ += a->block ? 2 : 1;
    SkipSpaces();
    if (!AtIdentStart()) return Fail(a->range.begin, "an attribute needs a name after '@'");
    a->name_range = ReadPath();
    a->name = Str(a->name_range);
    const uint32_t save = p_;
    SkipSpaces();
    if (Peek() == '(') {
      a->has_arguments = true;
      if (!ParseArguments(&a->arguments, 0)) return false;
    } else {
      p_ = save;
    }
    a->range.end = p_;
    return true;
  }

  bool ParseFieldType(FieldType* ft) {
    const uint32_t b = p_;
    if (Peek() == '[') return Fail(p_, "To specify a list, please use `Type[]` instead of `[Type]`.");
    if (At("Unsupported(")) {
      p_ += 12;
      SkipSpaces();
      Expression s;
      if (Peek() != '"') return Fail(p_, "Unsupported(...) takes the database type as a string");
      if (!ParseString(&s)) return false;
      SkipSpaces();
      if (Peek() != ')') return Fail(p_, "expected ')' after the Unsupported type");
      ++p_;
      ft->name = "Unsupported";
      ft->unsupported = std::move(s);
    } else {
      if (!AtIdentStart()) return false;  // the line is not a field: Prisma's generic message
      ft->name = Str(ReadIdent());
    }
    const uint32_t save = p_;
    SkipSpaces();
    if (At("[]?")) {
      ft->list = ft->optional = true;
      p_ += 3;
    } else if (At("[]")) {
      ft->list = true;
      p_ += 2;
    } else if (Peek() == '?') {
      ft->optional = true;
      ++p_;
    } else if (Peek() == '!') {
      return Fail(p_, "Fields are required by default, `!` is no longer required.");
    } else {
      p_ = save;
    }
    ft->range = SourceRange{b, p_};
    return true;
  }

  // ---- block members

  static std::string InvalidMemberMessage(BlockKind kind) {
    switch (kind) {
      case BlockKind::kDatasource:
      case BlockKind::kGenerator:
        return "This line is not a valid definition within a " +
               std::string(BlockKindName(kind)) + ".";
      case BlockKind::kEnum:
        return std::string(kInvalidEnumLine);
      default:
        return std::string(kInvalidFieldLine);
    }
  }

  // key = value
  void PropertyLine(Block* b, uint32_t line_start) {
    const uint32_t content = p_;
    Property prop;
    prop.key_range = ReadIdent();
    prop.key = Str(prop.key_range);
    SkipSpaces();
    if (Peek() != '=') return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    ++p_;
    SkipSpaces();
    if (!ParseExpression(&prop.value, 0)) {
      return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    }
    prop.range = SourceRange{content, p_};
    if (!EndOfMember()) return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    prop.line_range = SourceRange{line_start, p_};
    prop.indent = Str(SourceRange{line_start, content});
    const uint32_t line_end = LineEnd(prop.range.end);
    prop.line_break = Str(SourceRange{line_end, p_});
    b->properties.push_back(std::move(prop));
  }

  // name Type? @attr... (a field), or name @attr... (an enum value).
  void FieldLine(Block* b, uint32_t line_start, std::string doc) {
    const uint32_t content = p_;
    const bool enum_value = b->kind == BlockKind::kEnum;
    const bool type_optional = b->kind == BlockKind::kUnknown;
    Field f;
    f.name_range = ReadIdent();
    f.name = Str(f.name_range);
    f.doc = std::move(doc);
    SkipSpaces();
    if (!enum_value) {
      if (Peek() == ':') {
        Fail(p_, "Field declarations don't require a `:`.");
        return InvalidLine(line_start, content, kInvalidFieldLine);
      }
      const bool has_type = !(AtLineEnd() || Peek() == '@' || At("//"));
      if (has_type) {
        FieldType ft;
        if (!ParseFieldType(&ft)) return InvalidLine(line_start, content, kInvalidFieldLine);
        f.type = std::move(ft);
      } else if (!type_optional) {
        Fail(content, "This field declaration is invalid. It is either missing a name or a type.");
        return InvalidLine(line_start, content, kInvalidFieldLine);
      }
    }
    f.range = SourceRange{content, p_};
    while (true) {
      const uint32_t save = p_;
      SkipSpaces();
      if (Peek() != '@' || At("@@")) {
        p_ = save;
        break;
      }
      Attribute a;
      if (!ParseAttribute(&a)) return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
      f.attributes.push_back(std::move(a));
      f.range.end = p_;
    }
    if (!EndOfMember()) return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    b->fields.push_back(std::move(f));
  }

  void BlockAttributeLine(Block* b, uint32_t line_start) {
    const uint32_t content = p_;
    if (b->kind == BlockKind::kDatasource || b->kind == BlockKind::kGenerator) {
      return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    }
    Attribute a;
    if (!ParseAttribute(&a) || !EndOfMember()) {
      return InvalidLine(line_start, content, InvalidMemberMessage(b->kind));
    }
    b->attributes.push_back(std::move(a));
  }

  // From the `{` to the `}` that is first on a line.
  void BlockBody(Block b) {
    const uint32_t open = p_++;
    // Prisma ignores whatever follows the `{` on its line.
    p_ = LineEnd(p_);
    if (p_ >= size_) {
      AddError(SourceRange{b.keyword_range.begin, open + 1},
               "this " + std::string(BlockKindName(b.kind)) +
                   " is not closed: '}' is missing (a block opens with '{' at the end of its "
                   "first line and closes with '}' on a line of its own)");
      b.range = SourceRange{b.keyword_range.begin, size_};
      s_.blocks.push_back(std::move(b));
      return;
    }
    p_ += NewlineAt(p_);
    std::string doc;
    while (true) {
      const uint32_t line_start = p_;
      SkipSpaces();
      if (p_ >= size_) {
        AddError(SourceRange{b.keyword_range.begin, open + 1},
                 "this " + std::string(BlockKindName(b.kind)) + " is not closed: '}' is missing");
        b.range = SourceRange{b.keyword_range.begin, size_};
        break;
      }
      if (NewlineAt(p_)) {
        p_ += NewlineAt(p_);
        doc.clear();
        continue;
      }
      if (At("//")) {
        ReadComment(&doc);
        p_ += NewlineAt(p_);
        continue;
      }
      if (Peek() == '}') {
        ++p_;
        b.range = SourceRange{b.keyword_range.begin, p_};
        break;
      }
      if (At("@@")) {
        BlockAttributeLine(&b, line_start);
      } else if (!AtIdentStart()) {
        InvalidLine(line_start, p_, InvalidMemberMessage(b.kind));
      } else if (b.kind == BlockKind::kDatasource || b.kind == BlockKind::kGenerator) {
        PropertyLine(&b, line_start);
      } else if (b.kind == BlockKind::kUnknown && IsPropertyLine()) {
        PropertyLine(&b, line_start);
      } else {
        FieldLine(&b, line_start, std::move(doc));
      }
      doc.clear();
    }
    s_.blocks.push_back(std::move(b));
  }

  // In a block of an unknown keyword: `name =` reads as a property.
  bool IsPropertyLine() {
    const uint32_t save = p_;
    ReadIdent();
    SkipSpaces();
    const bool property = Peek() == '=';
    p_ = save;
    return property;
  }

  // ---- top level

  void TopLevelLine() {
    const uint32_t line_start = p_;
    SkipSpaces();
    if (p_ >= size_) return;
    if (NewlineAt(p_)) {
      p_ += NewlineAt(p_);
      pending_doc_.clear();
      return;
    }
    if (At("//")) {
      ReadComment(&pending_doc_);
      p_ += NewlineAt(p_);
      return;
    }
    const uint32_t content = p_;
    if (!AtIdentStart()) return InvalidLine(line_start, content, kInvalidTopLevel);
    const SourceRange keyword = ReadIdent();
    SkipSpaces();
    if (Peek() == '{') {
      // Prisma's "arbitrary block": a name and a brace, no keyword. It spans
      // to the first '}'.
      const size_t close = t_.find('}', p_);
      const uint32_t end = close == std::string_view::npos ? size_ : static_cast<uint32_t>(close) + 1;
      AddError(SourceRange{content, keyword.end},
               "This block is invalid. It does not start with any known Prisma schema keyword. "
               "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.");
      p_ = end;
      pending_doc_.clear();
      return;
    }
    const std::string word = Str(keyword);
    if (word == "type" && Peek() == '=') return TypeAlias(line_start, content);
    if (!AtIdentStart()) return InvalidLine(line_start, content, kInvalidTopLevel);
    const SourceRange name = ReadIdent();
    SkipSpaces();
    if (word == "type" && Peek() == '=') return TypeAlias(line_start, content);
    if (Peek() != '{') return InvalidLine(line_start, content, kInvalidTopLevel);
    Block b;
    b.kind = KindOf(word);
    b.keyword = word;
    b.keyword_range = keyword;
    b.name = Str(name);
    b.name_range = name;
    b.doc = std::move(pending_doc_);
    pending_doc_.clear();
    BlockBody(std::move(b));
  }

  void TypeAlias(uint32_t line_start, uint32_t content) {
    Fail(content, "Invalid type definition. Please check the documentation in "
                  "https://pris.ly/d/composite-types");
    InvalidLine(line_start, content, kInvalidTopLevel);
  }

  std::string_view t_;
  uint32_t size_;
  uint32_t p_ = 0;
  uint32_t merge_at_ = UINT32_MAX;
  std::optional<Failure> failure_;
  std::string pending_doc_;
  Schema s_;
};

}  // namespace

Schema ParseSchema(std::string_view text) {
  if (text.size() >= UINT32_MAX) {
    Schema s;
    s.errors.push_back(Error{SourceRange{0, 0}, "the file is too large to read"});
    return s;
  }
  return Parser(text).Run();
}

}  // namespace rdslint::prisma
