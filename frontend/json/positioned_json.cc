#include "frontend/json/positioned_json.h"

#include <cstdlib>

namespace rdslint::json {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  ParseResult Run() {
    ParseResult r;
    SkipSpace();
    if (pos_ == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") {  // UTF-8 byte order mark
      pos_ = 3;
      SkipSpace();
    }
    ParseValue(&r.value, 0);
    if (error_.message.empty()) {
      SkipSpace();
      if (pos_ < text_.size()) Fail(pos_, pos_ + 1, "Extraneous data after value; Extra characters appear after the JSON value.");
    }
    if (!error_.message.empty()) r.errors.push_back(error_);
    return r;
  }

 private:
  bool failed() const { return !error_.message.empty(); }
  void Fail(size_t b, size_t e, std::string msg) {
    if (failed()) return;
    if (e > text_.size()) e = text_.size();
    if (b > e) b = e;
    error_ = Error{SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, std::move(msg)};
  }
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  void ParseValue(Value* v, int depth) {
    if (depth >= kMaxDepth) {
      Fail(pos_, pos_ + 1, "Nesting too deep; JSON values nest more than " + std::to_string(kMaxDepth) + " levels deep.");
      return;
    }
    size_t b = pos_;
    char c = At(pos_);
    switch (c) {
      case '{': ParseObject(v, depth); break;
      case '[': ParseArray(v, depth); break;
      case '"':
        v->kind = Value::kString;
        ParseString(&v->string);
        break;
      case 't': Keyword(v, "true", Value::kBool, true); break;
      case 'f': Keyword(v, "false", Value::kBool, false); break;
      case 'n': Keyword(v, "null", Value::kNull, false); break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          ParseNumber(v);
        } else if (pos_ >= text_.size()) {
          Fail(pos_, pos_, "Missing JSON value; A JSON value must start here, but the file ends.");
        } else {
          Fail(pos_, pos_ + 1, "Invalid JSON value; A JSON value must start with a brace, a bracket, a number, a string, or a keyword.");
        }
    }
    v->range = SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(pos_)};
  }

  void Keyword(Value* v, std::string_view word, Value::Kind kind, bool boolean) {
    if (text_.compare(pos_, word.size(), word) != 0) {
      Fail(pos_, pos_ + 1, "Invalid JSON keyword; The only keywords are true, false and null.");
      return;
    }
    pos_ += word.size();
    v->kind = kind;
    v->boolean = boolean;
  }

  static bool Digit(char c) { return c >= '0' && c <= '9'; }

  void ParseNumber(Value* v) {
    size_t b = pos_;
    if (At(pos_) == '-') ++pos_;
    if (At(pos_) == '0') {
      ++pos_;
    } else if (Digit(At(pos_))) {
      while (Digit(At(pos_))) ++pos_;
    } else {
      Fail(b, pos_ + 1, "Invalid JSON number; A digit must follow the minus sign.");
      return;
    }
    if (At(pos_) == '.') {
      ++pos_;
      if (!Digit(At(pos_))) { Fail(b, pos_, "Invalid JSON number; A digit must follow the decimal point."); return; }
      while (Digit(At(pos_))) ++pos_;
    }
    if (At(pos_) == 'e' || At(pos_) == 'E') {
      ++pos_;
      if (At(pos_) == '+' || At(pos_) == '-') ++pos_;
      if (!Digit(At(pos_))) { Fail(b, pos_, "Invalid JSON number; A digit must follow the exponent marker."); return; }
      while (Digit(At(pos_))) ++pos_;
    }
    v->kind = Value::kNumber;
    v->number_text = std::string(text_.substr(b, pos_ - b));
    v->number = std::strtod(v->number_text.c_str(), nullptr);
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(size_t at, uint32_t* out) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int h = Hex(At(at + k));
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    *out = v;
    return true;
  }
  static void Put(MappedText* m, char c, uint32_t at) {
    m->text.push_back(c);
    m->offsets.push_back(at);
  }
  static void PutUtf8(MappedText* m, uint32_t cp, uint32_t at) {
    if (cp < 0x80) {
      Put(m, static_cast<char>(cp), at);
    } else if (cp < 0x800) {
      Put(m, static_cast<char>(0xC0 | (cp >> 6)), at);
      Put(m, static_cast<char>(0x80 | (cp & 0x3F)), at);
    } else if (cp < 0x10000) {
      Put(m, static_cast<char>(0xE0 | (cp >> 12)), at);
      Put(m, static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), at);
      Put(m, static_cast<char>(0x80 | (cp & 0x3F)), at);
    } else {
      Put(m, static_cast<char>(0xF0 | (cp >> 18)), at);
      Put(m, static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), at);
      Put(m, static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), at);
      Put(m, static_cast<char>(0x80 | (cp & 0x3F)), at);
    }
  }

  // At the opening quote; decodes into `out` and leaves pos_ after the close.
  void ParseString(MappedText* out) {
    size_t open = pos_++;
    while (!failed()) {
      if (pos_ >= text_.size()) {
        Fail(open, open + 1, "Unterminated string; There is no closing quote for this string before the end of the file.");
        break;
      }
      uint32_t at = static_cast<uint32_t>(pos_);
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        Fail(pos_, pos_ + 1, c == '\n' ? "Unterminated string; JSON strings may not span lines; use \\n for a newline."
                                       : "Invalid character in string; Control characters must be escaped.");
        break;
      }
      if (c != '\\') {
        Put(out, c, at);
        ++pos_;
        continue;
      }
      char e = At(pos_ + 1);
      char simple = 0;
      switch (e) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        default: break;
      }
      if (simple) {
        Put(out, simple, at);
        pos_ += 2;
        continue;
      }
      uint32_t cp = 0;
      if (e != 'u' || !Hex4(pos_ + 2, &cp)) {
        Fail(pos_, pos_ + 2, "Invalid escape sequence; JSON allows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.");
        break;
      }
      size_t len = 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (At(pos_ + 6) == '\\' && At(pos_ + 7) == 'u' && Hex4(pos_ + 8, &low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          len = 12;
        } else {
          cp = 0xFFFD;  // a lone surrogate cannot be UTF-8; keep going as JSON parsers do
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      PutUtf8(out, cp, at);
      pos_ += len;
    }
    out->offsets.push_back(static_cast<uint32_t>(pos_ > open ? pos_ - (failed() ? 0 : 1) : pos_));
  }

  void ParseArray(Value* v, int depth) {
    size_t open = pos_++;
    v->kind = Value::kArray;
    SkipSpace();
    if (At(pos_) == ']') {
      ++pos_;
      return;
    }
    while (!failed()) {
      SkipSpace();
      v->array.emplace_back();
      ParseValue(&v->array.back(), depth + 1);
      if (failed()) return;
      SkipSpace();
      char c = At(pos_);
      if (c == ',') { ++pos_; continue; }
      if (c == ']') { ++pos_; return; }
      if (pos_ >= text_.size()) Fail(open, open + 1, "Unclosed array; There is no closing bracket for this array before the end of the file.");
      else Fail(pos_, pos_ + 1, "Missing array element separator; A comma must separate array elements.");
    }
  }

  void ParseObject(Value* v, int depth) {
    size_t open = pos_++;
    v->kind = Value::kObject;
    SkipSpace();
    if (At(pos_) == '}') {
      ++pos_;
      return;
    }
    while (!failed()) {
      SkipSpace();
      if (At(pos_) != '"') {
        if (pos_ >= text_.size()) Fail(open, open + 1, "Unclosed object; There is no closing brace for this object before the end of the file.");
        else Fail(pos_, pos_ + 1, "Invalid object property name; A JSON object property name must be a string.");
        return;
      }
      Member m;
      size_t kb = pos_;
      ParseString(&m.key);
      m.key_range = SourceRange{static_cast<uint32_t>(kb), static_cast<uint32_t>(pos_)};
      if (failed()) return;
      SkipSpace();
      if (At(pos_) != ':') {
        Fail(pos_, pos_ + 1, "Missing property value colon; A colon must follow a JSON object property name.");
        return;
      }
      ++pos_;
      SkipSpace();
      v->object.push_back(std::move(m));
      ParseValue(&v->object.back().value, depth + 1);
      if (failed()) return;
      SkipSpace();
      char c = At(pos_);
      if (c == ',') { ++pos_; continue; }
      if (c == '}') { ++pos_; return; }
      if (pos_ >= text_.size()) Fail(open, open + 1, "Unclosed object; There is no closing brace for this object before the end of the file.");
      else Fail(pos_, pos_ + 1, "Missing property separator; A comma must separate the properties of a JSON object.");
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  Error error_;
};

}  // namespace

const Value* Value::Find(std::string_view key) const {
  const Value* found = nullptr;
  for (const Member& m : object) {
    if (m.key.text == key) found = &m.value;
  }
  return found;
}

ParseResult ParseJson(std::string_view text) { return Reader(text).Run(); }

}  // namespace rdslint::json
