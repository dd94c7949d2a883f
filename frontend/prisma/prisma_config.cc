#include "frontend/prisma/prisma_config.h"

#include <utility>

#include "frontend/prisma/prisma_parser.h"

namespace rdslint::prisma {
namespace {

struct Token {
  enum class Kind { kIdent, kString, kTemplate, kNumber, kPunct, kRegex };
  Kind kind = Kind::kPunct;
  SourceRange range;
  MappedText text;                 // kString, kTemplate
  std::vector<SourceRange> holes;  // kTemplate, in `text`
};

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}
bool IsIdentPart(unsigned char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

// TypeScript tokens, enough to find object literals and their values.
class Lexer {
 public:
  explicit Lexer(std::string_view text, ConfigFile* out)
      : t_(text), size_(static_cast<uint32_t>(text.size())), out_(out) {}

  // The file's tokens; the tokens inside ${…} of templates go to `inner`.
  void Run(std::vector<Token>* tokens, std::vector<Token>* inner) {
    inner_ = inner;
    Lex(tokens, /*in_hole=*/false, 0);
  }

 private:
  void Error(SourceRange r, std::string message) {
    out_->errors.push_back(prisma::Error{r, std::move(message)});
  }

  // Whether a '/' here starts a regular expression: after an operator or at
  // the start, not after a value.
  static bool RegexAllowed(const std::vector<Token>& tokens, std::string_view t) {
    if (tokens.empty()) return true;
    const Token& prev = tokens.back();
    switch (prev.kind) {
      case Token::Kind::kNumber:
      case Token::Kind::kString:
      case Token::Kind::kTemplate:
      case Token::Kind::kRegex:
        return false;
      case Token::Kind::kIdent: {
        std::string_view word = t.substr(prev.range.begin, prev.range.size());
        return word == "return" || word == "typeof" || word == "case" || word == "in" ||
               word == "of" || word == "new" || word == "delete" || word == "void" ||
               word == "throw" || word == "yield" || word == "await";
      }
      case Token::Kind::kPunct: {
        const char c = t[prev.range.begin];
        return !(c == ')' || c == ']' || c == '}');
      }
    }
    return true;
  }

  // Lexes until the end, or (in a template hole) the '}' that closes it.
  // Returns the position after that '}', or size_ at the end.
  uint32_t Lex(std::vector<Token>* tokens, bool in_hole, int depth) {
    int braces = 0;
    while (p_ < size_) {
      const unsigned char c = static_cast<unsigned char>(t_[p_]);
      if (c <= ' ') {
        ++p_;
        continue;
      }
      if (c == '/' && p_ + 1 < size_ && t_[p_ + 1] == '/') {
        while (p_ < size_ && t_[p_] != '\n') ++p_;
        continue;
      }
      if (c == '/' && p_ + 1 < size_ && t_[p_ + 1] == '*') {
        const size_t end = t_.find("*/", p_ + 2);
        if (end == std::string_view::npos) {
          Error(SourceRange{p_, p_ + 2}, "this /* comment is never closed");
          p_ = size_;
          break;
        }
        p_ = static_cast<uint32_t>(end) + 2;
        continue;
      }
      if (c == '"' || c == '\'') {
        tokens->push_back(String());
        continue;
      }
      if (c == '`') {
        tokens->push_back(Template(depth));
        continue;
      }
      if (c == '/' && RegexAllowed(*tokens, t_)) {
        tokens->push_back(Regex());
        continue;
      }
      if (IsIdentStart(c)) {
        const uint32_t b = p_;
        while (p_ < size_ && IsIdentPart(static_cast<unsigned char>(t_[p_]))) ++p_;
        Token tok;
        tok.kind = Token::Kind::kIdent;
        tok.range = SourceRange{b, p_};
        tokens->push_back(std::move(tok));
        continue;
      }
      if ((c >= '0' && c <= '9') || (c == '.' && p_ + 1 < size_ && t_[p_ + 1] >= '0' && t_[p_ + 1] <= '9')) {
        const uint32_t b = p_;
        while (p_ < size_ && (IsIdentPart(static_cast<unsigned char>(t_[p_])) || t_[p_] == '.')) ++p_;
        Token tok;
        tok.kind = Token::Kind::kNumber;
        tok.range = SourceRange{b, p_};
        tokens->push_back(std::move(tok));
        continue;
      }
      if (in_hole) {
        if (c == '{') ++braces;
        if (c == '}') {
          if (braces == 0) return ++p_;
          --braces;
        }
      }
      Token tok;
      tok.kind = Token::Kind::kPunct;
      tok.range = SourceRange{p_, p_ + 1};
      tokens->push_back(std::move(tok));
      ++p_;
    }
    return p_;
  }

  // An escape after '\' in a string or template; appends the decoded bytes.
  void Escape(MappedText* m) {
    const uint32_t esc = p_++;
    if (p_ >= size_) return;
    const char d = t_[p_];
    switch (d) {
      case 'n': m->text.push_back('\n'); break;
      case 't': m->text.push_back('\t'); break;
      case 'r': m->text.push_back('\r'); break;
      case 'b': m->text.push_back('\b'); break;
      case 'f': m->text.push_back('\f'); break;
      case 'v': m->text.push_back('\v'); break;
      case '0': m->text.push_back('\0'); break;
      case '\r':
        ++p_;
        if (p_ < size_ && t_[p_] == '\n') ++p_;
        return;  // a line continuation adds nothing
      case '\n':
        ++p_;
        return;
      case 'x':
        if (p_ + 2 < size_ && HexValue(t_[p_ + 1]) >= 0 && HexValue(t_[p_ + 2]) >= 0) {
          AppendUtf8(static_cast<uint32_t>(HexValue(t_[p_ + 1]) * 16 + HexValue(t_[p_ + 2])), esc, m);
          p_ += 3;
          return;
        }
        m->text.push_back('x');
        break;
      case 'u': {
        uint32_t cp = 0;
        uint32_t q = p_ + 1;
        if (q < size_ && t_[q] == '{') {
          ++q;
          int digits = 0;
          while (q < size_ && HexValue(t_[q]) >= 0 && digits < 8) {
            cp = cp * 16 + static_cast<uint32_t>(HexValue(t_[q++]));
            ++digits;
          }
          if (digits > 0 && q < size_ && t_[q] == '}') {
            AppendUtf8(cp, esc, m);
            p_ = q + 1;
            return;
          }
        } else if (q + 4 <= size_) {
          bool ok = true;
          for (uint32_t k = q; k < q + 4; ++k) {
            if (HexValue(t_[k]) < 0) ok = false;
            else cp = cp * 16 + static_cast<uint32_t>(HexValue(t_[k]));
          }
          if (ok) {
            AppendUtf8(cp, esc, m);
            p_ = q + 4;
            return;
          }
        }
        m->text.push_back('u');
        break;
      }
      default:
        m->text.push_back(d);
        break;
    }
    m->offsets.push_back(esc);
    ++p_;
  }

  Token String() {
    const char quote = t_[p_];
    const uint32_t b = p_++;
    Token tok;
    tok.kind = Token::Kind::kString;
    MappedText& m = tok.text;
    uint32_t close = p_;
    while (true) {
      if (p_ >= size_ || t_[p_] == '\n' || t_[p_] == '\r') {
        Error(SourceRange{b, b + 1}, "this string is not closed before the end of the line");
        close = p_;
        break;
      }
      if (t_[p_] == quote) {
        close = p_++;
        break;
      }
      if (t_[p_] == '\\') {
        Escape(&m);
        continue;
      }
      m.text.push_back(t_[p_]);
      m.offsets.push_back(p_++);
    }
    m.offsets.push_back(close);
    tok.range = SourceRange{b, p_};
    return tok;
  }

  Token Template(int depth) {
    const uint32_t b = p_++;
    Token tok;
    tok.kind = Token::Kind::kTemplate;
    MappedText& m = tok.text;
    bool closed = false;
    while (p_ < size_) {
      const char c = t_[p_];
      if (c == '`') {
        closed = true;
        break;
      }
      if (c == '\\') {
        Escape(&m);
        continue;
      }
      if (c == '$' && p_ + 1 < size_ && t_[p_ + 1] == '{') {
        const uint32_t hole_begin = p_;
        const uint32_t text_begin = static_cast<uint32_t>(m.text.size());
        p_ += 2;
        if (depth >= kMaxNesting) {
          Error(SourceRange{hole_begin, hole_begin + 2}, "template literals are nested too deeply");
          p_ = size_;
          break;
        }
        std::vector<Token> hole_tokens;
        Lex(&hole_tokens, /*in_hole=*/true, depth + 1);
        for (Token& h : hole_tokens) inner_->push_back(std::move(h));
        // The hole stays in the text as written, so analysers see "${…}".
        for (uint32_t i = hole_begin; i < p_ && i < size_; ++i) {
          m.text.push_back(t_[i]);
          m.offsets.push_back(i);
        }
        tok.holes.push_back(SourceRange{text_begin, static_cast<uint32_t>(m.text.size())});
        continue;
      }
      m.text.push_back(c);
      m.offsets.push_back(p_++);
    }
    m.offsets.push_back(p_);
    if (closed) {
      ++p_;
    } else {
      Error(SourceRange{b, b + 1}, "this template literal is never closed with '`'");
    }
    tok.range = SourceRange{b, p_};
    return tok;
  }

  Token Regex() {
    const uint32_t b = p_++;
    bool in_class = false;
    while (p_ < size_ && t_[p_] != '\n') {
      const char c = t_[p_];
      if (c == '\\') {
        p_ += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      ++p_;
      if (c == '/' && !in_class) break;
    }
    if (p_ > size_) p_ = size_;
    while (p_ < size_ && IsIdentPart(static_cast<unsigned char>(t_[p_]))) ++p_;  // flags
    Token tok;
    tok.kind = Token::Kind::kRegex;
    tok.range = SourceRange{b, p_};
    return tok;
  }

  std::string_view t_;
  uint32_t size_;
  uint32_t p_ = 0;
  ConfigFile* out_;
  std::vector<Token>* inner_ = nullptr;
};

class Reader {
 public:
  Reader(std::string_view text, const std::vector<Token>& tokens) : t_(text), k_(tokens) {}

  bool IsPunct(size_t i, char c) const {
    return i < k_.size() && k_[i].kind == Token::Kind::kPunct && t_[k_[i].range.begin] == c;
  }
  bool IsIdent(size_t i, std::string_view word) const {
    return i < k_.size() && k_[i].kind == Token::Kind::kIdent && Text(i) == word;
  }
  std::string_view Text(size_t i) const {
    return t_.substr(k_[i].range.begin, k_[i].range.size());
  }
  // A property key: an identifier or a string.
  bool KeyIs(size_t i, std::string_view key) const {
    if (i >= k_.size()) return false;
    if (k_[i].kind == Token::Kind::kIdent) return Text(i) == key;
    if (k_[i].kind == Token::Kind::kString) return k_[i].text.text == key;
    return false;
  }

  // The index of the ',' or closing bracket that ends the expression
  // starting at `i` (brackets balanced; generics are not brackets here).
  size_t ExpressionEnd(size_t i) const {
    int depth = 0;
    for (; i < k_.size(); ++i) {
      if (k_[i].kind != Token::Kind::kPunct) continue;
      const char c = t_[k_[i].range.begin];
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) return i;
        --depth;
      }
      if (c == ',' && depth == 0) return i;
    }
    return k_.size();
  }

  // env("X") / env<T>("X") at i: the index of the string, else npos.
  size_t EnvCall(size_t i, size_t end) const {
    if (!IsIdent(i, "env")) return std::string::npos;
    size_t j = i + 1;
    if (IsPunct(j, '<')) {
      while (j < end && !IsPunct(j, '>')) ++j;
      ++j;
    }
    if (IsPunct(j, '(') && j + 2 < k_.size() && k_[j + 1].kind == Token::Kind::kString &&
        IsPunct(j + 2, ')')) {
      return j + 1;
    }
    return std::string::npos;
  }

  // process.env.X / process.env["X"] at i: the index of X, else npos.
  size_t ProcessEnv(size_t i) const {
    if (!IsIdent(i, "process") || !IsPunct(i + 1, '.') || !IsIdent(i + 2, "env")) {
      return std::string::npos;
    }
    if (IsPunct(i + 3, '.') && i + 4 < k_.size() && k_[i + 4].kind == Token::Kind::kIdent) {
      return i + 4;
    }
    if (IsPunct(i + 3, '[') && i + 4 < k_.size() && k_[i + 4].kind == Token::Kind::kString &&
        IsPunct(i + 5, ']')) {
      return i + 4;
    }
    return std::string::npos;
  }

  static std::string NameOf(const Token& tok, std::string_view t) {
    if (tok.kind == Token::Kind::kString) return tok.text.text;
    return std::string(t.substr(tok.range.begin, tok.range.size()));
  }
  static SourceRange NameRange(const Token& tok) {
    if (tok.kind == Token::Kind::kString) return tok.text.ToSource(0, static_cast<uint32_t>(tok.text.text.size()));
    return tok.range;
  }

  ConfigValue Classify(size_t a, size_t b) const {
    ConfigValue v;
    if (a >= b) return v;
    v.range = SourceRange{k_[a].range.begin, k_[b - 1].range.end};
    // Drop what does not change the value: `!`, `as T`, `satisfies T`, and
    // a `?? fallback` / `|| fallback` after an environment variable.
    size_t end = b;
    for (size_t i = a; i < b; ++i) {
      if (IsIdent(i, "as") || IsIdent(i, "satisfies")) {
        end = i;
        break;
      }
    }
    while (end > a && IsPunct(end - 1, '!')) --end;
    if (end == a + 1 && (k_[a].kind == Token::Kind::kString || k_[a].kind == Token::Kind::kTemplate)) {
      v.kind = k_[a].kind == Token::Kind::kTemplate && !k_[a].holes.empty() ? ConfigValue::Kind::kTemplate
                                                                           : ConfigValue::Kind::kString;
      v.text = k_[a].text;
      v.holes = k_[a].holes;
      return v;
    }
    size_t name = EnvCall(a, end);
    size_t after = name == std::string::npos ? 0 : name + 2;
    if (name == std::string::npos) {
      name = ProcessEnv(a);
      if (name != std::string::npos) after = k_[name].kind == Token::Kind::kString ? name + 2 : name + 1;
    }
    if (name == std::string::npos) return v;
    while (after < end && IsPunct(after, '!')) ++after;
    const bool fallback = after + 1 < end && ((IsPunct(after, '?') && IsPunct(after + 1, '?')) ||
                                              (IsPunct(after, '|') && IsPunct(after + 1, '|')));
    if (after != end && !fallback) return v;
    v.kind = ConfigValue::Kind::kEnv;
    v.env_var = NameOf(k_[name], t_);
    v.env_var_range = NameRange(k_[name]);
    return v;
  }

  void ReadObject(size_t open, ConfigFile* out) const {
    size_t i = open + 1;
    while (i < k_.size() && !IsPunct(i, '}')) {
      if (IsPunct(i, ',')) {
        ++i;
        continue;
      }
      const bool keyed = (k_[i].kind == Token::Kind::kIdent || k_[i].kind == Token::Kind::kString) &&
                         IsPunct(i + 1, ':');
      if (!keyed) {  // shorthand, spread, method, computed key: not read
        const size_t end = ExpressionEnd(i);
        i = end == i ? i + 1 : end;  // a stray ')' or ']' is stepped over
        continue;
      }
      ConfigProperty prop;
      prop.key = NameOf(k_[i], t_);
      prop.key_range = k_[i].range;
      const size_t end = ExpressionEnd(i + 2);
      prop.value = Classify(i + 2, end);
      out->datasource.push_back(std::move(prop));
      i = end;
    }
  }

  void Run(ConfigFile* out) const {
    for (size_t i = 0; i + 2 < k_.size(); ++i) {
      if (!KeyIs(i, "datasource") || !IsPunct(i + 1, ':') || !IsPunct(i + 2, '{')) continue;
      if (i > 0 && !IsPunct(i - 1, '{') && !IsPunct(i - 1, ',')) continue;
      out->has_datasource = true;
      out->datasource_key = k_[i].range;
      ReadObject(i + 2, out);
      return;
    }
  }

  void CollectEnvRefs(ConfigFile* out) const {
    for (size_t i = 0; i < k_.size(); ++i) {
      size_t name = EnvCall(i, k_.size());
      if (name == std::string::npos) name = ProcessEnv(i);
      if (name == std::string::npos) continue;
      out->env_refs.push_back(EnvReference{NameOf(k_[name], t_), NameRange(k_[name])});
    }
  }

 private:
  std::string_view t_;
  const std::vector<Token>& k_;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const ConfigProperty* ConfigFile::Find(std::string_view key) const {
  for (const ConfigProperty& p : datasource) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

ConfigFile ReadPrismaConfig(std::string_view text) {
  ConfigFile out;
  if (text.size() >= UINT32_MAX) {
    out.errors.push_back(Error{SourceRange{0, 0}, "the file is too large to read"});
    return out;
  }
  std::vector<Token> tokens, inner;
  Lexer(text, &out).Run(&tokens, &inner);
  Reader(text, tokens).Run(&out);
  Reader(text, tokens).CollectEnvRefs(&out);
  Reader(text, inner).CollectEnvRefs(&out);
  return out;
}

bool IsPrismaConfigPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view ext : {".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"}) {
    if (EndsWith(name, ext) && name.substr(0, name.size() - ext.size()) == "prisma.config") return true;
  }
  return false;
}

}  // namespace rdslint::prisma
