#include "frontend/script/values.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace rdslint::script {
namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxStringSize = 64 * 1024;
constexpr int kMaxCallDepth = 16;

bool IsComment(TSNode n) { return Is(n, "comment"); }

// The first named child that is not a comment.
TSNode Inner(TSNode n) {
  if (IsNull(n)) return n;
  const uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (!IsComment(c)) return c;
  }
  return TSNode{};
}

std::vector<TSNode> Children(TSNode n) {
  std::vector<TSNode> out;
  if (IsNull(n)) return out;
  const uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (!IsComment(c)) out.push_back(c);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | ((cp >> 18) & 0x07));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads `count` hex digits (or fewer, `exact` false) at src[i]; -1 if none.
long ReadHex(std::string_view src, size_t i, size_t count, size_t* used) {
  long v = 0;
  size_t k = 0;
  while (k < count && i + k < src.size() && HexDigit(src[i + k]) >= 0) {
    v = v * 16 + HexDigit(src[i + k]);
    ++k;
  }
  *used = k;
  return k == count ? v : -1;
}

// Appends the decoded literal `src` (file bytes from `base`) to `v`, as one
// piece that continues in the source at `source_end`. JavaScript or Python
// escapes; `raw` keeps backslashes.
void AppendDecoded(Value* v, std::string_view src, uint32_t base, uint32_t source_end,
                   bool python, bool raw, bool fstring) {
  Piece piece;
  piece.begin = static_cast<uint32_t>(v->text.size());
  if (!v->offsets.empty()) v->offsets.pop_back();
  auto put = [&](const std::string& bytes, size_t at) {
    for (char c : bytes) {
      v->text += c;
      v->offsets.push_back(base + static_cast<uint32_t>(at));
    }
  };
  for (size_t i = 0; i < src.size();) {
    const char c = src[i];
    if (fstring && (c == '{' || c == '}') && i + 1 < src.size() && src[i + 1] == c) {
      put(std::string(1, c), i);
      i += 2;
      continue;
    }
    if (c != '\\' || raw || i + 1 >= src.size()) {
      put(std::string(1, c), i);
      ++i;
      continue;
    }
    const char d = src[i + 1];
    std::string out;
    size_t len = 2, used = 0;
    switch (d) {
      case 'n': out = "\n"; break;
      case 't': out = "\t"; break;
      case 'r': out = "\r"; break;
      case 'b': out = "\b"; break;
      case 'f': out = "\f"; break;
      case 'v': out = "\v"; break;
      case 'a': out = python ? "\a" : "a"; break;
      case '\n': out = ""; break;  // line continuation
      case '\r':
        out = "";
        if (i + 2 < src.size() && src[i + 2] == '\n') len = 3;
        break;
      case 'x': {
        long h = ReadHex(src, i + 2, 2, &used);
        if (h >= 0) {
          AppendUtf8(static_cast<uint32_t>(h), &out);
          len = 4;
        } else {
          out = "x";
        }
        break;
      }
      case 'u': {
        if (!python && i + 2 < src.size() && src[i + 2] == '{') {
          size_t j = i + 3;
          long cp = 0;
          while (j < src.size() && HexDigit(src[j]) >= 0 && cp <= 0x10FFFF) cp = cp * 16 + HexDigit(src[j++]);
          if (j < src.size() && src[j] == '}' && cp <= 0x10FFFF) {
            AppendUtf8(static_cast<uint32_t>(cp), &out);
            len = j + 1 - i;
          } else {
            out = "u";
          }
        } else {
          long h = ReadHex(src, i + 2, 4, &used);
          if (h >= 0) {
            AppendUtf8(static_cast<uint32_t>(h), &out);
            len = 6;
          } else {
            out = "u";
          }
        }
        break;
      }
      case 'U': {
        long h = python ? ReadHex(src, i + 2, 8, &used) : -1;
        if (h >= 0 && h <= 0x10FFFF) {
          AppendUtf8(static_cast<uint32_t>(h), &out);
          len = 10;
        } else {
          out = python ? "\\U" : "U";
        }
        break;
      }
      default:
        if (d >= '0' && d <= '7' && python) {
          size_t j = i + 1;
          int o = 0;
          while (j < src.size() && j < i + 4 && src[j] >= '0' && src[j] <= '7') o = o * 8 + (src[j++] - '0');
          out = std::string(1, static_cast<char>(o & 0xFF));
          len = j - i;
        } else if (d == '0' && !python) {
          out = std::string(1, '\0');
        } else if (python && d != '\\' && d != '\'' && d != '"') {
          out = std::string("\\") + d;  // Python keeps unknown escapes
        } else {
          out = std::string(1, d);
        }
    }
    put(out, i);
    i += len;
  }
  piece.end = static_cast<uint32_t>(v->text.size());
  piece.source_end = source_end;
  if (piece.end > piece.begin) v->pieces.push_back(piece);
  v->offsets.push_back(source_end);
}

std::shared_ptr<Value> MakeUnknown(SourceRange expr, std::string name, Taint taint = {}) {
  auto v = std::make_shared<Value>();
  v->expr = expr;
  v->name = std::move(name);
  v->taint = std::move(taint);
  return v;
}

std::shared_ptr<Value> EmptyString(SourceRange expr) {
  auto v = std::make_shared<Value>();
  v->kind = Value::Kind::kString;
  v->expr = expr;
  v->offsets.push_back(expr.begin);
  return v;
}

std::string FormatNumber(double d) {
  char buf[64];
  if (d == static_cast<long long>(d) && d > -1e15 && d < 1e15) {
    snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  } else {
    snprintf(buf, sizeof buf, "%g", d);
  }
  return buf;
}

// Copies text[b, e) of `src` (a literal region) to the end of `out`.
void AppendSlice(Value* out, const Value& src, uint32_t b, uint32_t e) {
  if (e <= b) return;
  out->offsets.pop_back();
  const uint32_t shift = static_cast<uint32_t>(out->text.size());
  out->text.append(src.text, b, e - b);
  for (uint32_t i = b; i < e; ++i) out->offsets.push_back(src.offsets[i]);
  for (const Piece& p : src.pieces) {
    const uint32_t ob = std::max(p.begin, b), oe = std::min(p.end, e);
    if (ob >= oe) continue;
    out->pieces.push_back(Piece{shift + ob - b, shift + oe - b,
                                oe < p.end ? src.offsets[oe] : p.source_end});
  }
  out->offsets.push_back(e < src.offsets.size() ? src.offsets[e] : src.offsets.back());
}

}  // namespace

void Taint::Merge(const Taint& other) {
  sources |= other.sources;
  origin = std::min(origin, other.origin);
  if (env_name.empty()) env_name = other.env_name;
}

const Property* Value::Find(std::string_view key) const {
  for (auto it = props.rbegin(); it != props.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

const Value* Value::Get(std::string_view key) const {
  const Property* p = Find(key);
  return p ? p->value.get() : nullptr;
}

const Hole* Value::HoleAt(uint32_t i) const {
  for (const Hole& h : holes) {
    if (h.begin <= i && i < h.end) return &h;
  }
  return nullptr;
}

SourceRange Value::ToSource(SourceRange r) const {
  if (kind != Kind::kString || offsets.empty()) return expr;
  const uint32_t n = static_cast<uint32_t>(text.size());
  const uint32_t b = std::min(r.begin, n), e = std::min(r.end, n);
  uint32_t begin = b < n ? offsets[b] : offsets[n];
  if (const Hole* h = b < n ? HoleAt(b) : nullptr) begin = h->expr.begin;
  if (e <= b) return SourceRange{begin, begin};
  uint32_t end = offsets[e - 1] + 1;
  if (const Hole* h = HoleAt(e - 1)) {
    end = h->expr.end;
  } else {
    for (const Piece& p : pieces) {
      if (p.begin <= e - 1 && e - 1 < p.end) {
        end = std::max(end, e < p.end ? offsets[e] : p.source_end);
        break;
      }
    }
  }
  return SourceRange{begin, std::max(begin, end)};
}

bool Value::InsertionPoint(uint32_t i, uint32_t* source) const {
  for (const Piece& p : pieces) {
    if (p.begin < i && i <= p.end) {
      *source = i < p.end ? offsets[i] : p.source_end;
      return true;
    }
  }
  return false;
}

// Appends `part` (the value of `expr`) to the string `out`: a string is
// spliced in, a literal number as its text, anything else as a hole.
static bool AppendValue(Value* out, const Value& part, SourceRange expr, std::string_view expr_text) {
  out->taint.Merge(part.taint);
  if (part.kind == Value::Kind::kString) {
    if (out->text.size() + part.text.size() > kMaxStringSize) return false;
    const uint32_t shift = static_cast<uint32_t>(out->text.size());
    out->offsets.pop_back();
    out->text += part.text;
    out->offsets.insert(out->offsets.end(), part.offsets.begin(), part.offsets.end());
    for (Hole h : part.holes) {
      h.begin += shift;
      h.end += shift;
      out->holes.push_back(std::move(h));
    }
    for (Piece p : part.pieces) {
      p.begin += shift;
      p.end += shift;
      out->pieces.push_back(p);
    }
    return true;
  }
  out->offsets.pop_back();
  if (part.kind == Value::Kind::kNumber || part.kind == Value::Kind::kBool ||
      (part.kind == Value::Kind::kNull && part.from_literal)) {
    std::string s = part.kind == Value::Kind::kNumber ? FormatNumber(part.number)
                    : part.kind == Value::Kind::kBool ? (part.boolean ? "true" : "false")
                                                      : "null";
    if (part.from_literal && part.kind == Value::Kind::kNumber &&
        part.expr.size() == s.size()) {
      for (size_t i = 0; i < s.size(); ++i) out->offsets.push_back(part.expr.begin + static_cast<uint32_t>(i));
    } else {
      for (size_t i = 0; i < s.size(); ++i) out->offsets.push_back(expr.begin);
    }
    out->text += s;
    out->offsets.push_back(expr.end);
    return true;
  }
  Hole h;
  h.expr = expr;
  h.taint = part.taint;
  h.encoding = part.encoding;
  h.encoder = part.encoder;
  h.name = part.name;
  std::string label = !part.name.empty() ? part.name : CollapseSpace(expr_text, 40);
  for (char& c : label) {
    if (c == '}' || c == '{') c = '_';
  }
  const std::string marker = "${" + label + "}";
  h.begin = static_cast<uint32_t>(out->text.size());
  out->text += marker;
  h.end = static_cast<uint32_t>(out->text.size());
  for (size_t i = 0; i < marker.size(); ++i) out->offsets.push_back(expr.begin);
  out->offsets.push_back(expr.end);
  out->holes.push_back(std::move(h));
  return true;
}

Value Concat(const Value& a, const Value& b) {
  Value out = a;
  if (out.kind != Value::Kind::kString) {
    out = Value();
    out.kind = Value::Kind::kString;
    out.offsets.push_back(a.expr.begin);
    AppendValue(&out, a, a.expr, "");
  }
  AppendValue(&out, b, b.expr, "");
  return out;
}

Evaluator::Evaluator(const SyntaxTree& tree, const ScopeIndex& scopes)
    : tree_(tree), scopes_(scopes),
      function_sources_(scopes.functions().size(), -1),
      budget_(100000 + 4 * static_cast<long>(tree.text().size())),
      string_budget_((1 << 20) + 32 * static_cast<long>(tree.text().size())) {}

ValuePtr Evaluator::Evaluate(TSNode expr) {
  depth_ = 0;
  return Eval(expr);
}

ValuePtr Evaluator::Unknown(TSNode n, std::string name) {
  return MakeUnknown(RangeOf(n), std::move(name));
}

ValuePtr Evaluator::Eval(TSNode n) {
  if (IsNull(n)) return MakeUnknown(SourceRange{}, "");
  if (--budget_ < 0 || depth_ >= kMaxDepth) return Unknown(n);
  ++depth_;
  ValuePtr v = EvalUncached(n);
  --depth_;
  // Strings built from strings can grow quadratically (x = x + "a", ten
  // thousand times): past a budget in proportion to the file, they are
  // unknown, and time and memory stay linear.
  if (v->is_string()) {
    string_budget_ -= static_cast<long>(v->text.size());
    if (string_budget_ < 0) return MakeUnknown(RangeOf(n), v->name, v->taint);
  }
  return v;
}

ValuePtr Evaluator::EvalUncached(TSNode n) {
  const NodeKind is(n);

  if (is("parenthesized_expression") || is("non_null_expression") || is("as_expression") ||
      is("satisfies_expression") || is("await_expression") || is("await")) {
    return Eval(Inner(n));
  }
  if (is("type_assertion")) {
    std::vector<TSNode> c = Children(n);
    return c.empty() ? Unknown(n) : Eval(c.back());
  }
  if (is("string")) return tree_.python() ? PythonString(n) : StringLiteral(n);
  if (is("template_string")) return TemplateString(n);
  if (is("concatenated_string")) {
    auto out = EmptyString(RangeOf(n));
    for (TSNode s : Children(n)) {
      ValuePtr part = Eval(s);
      if (!AppendValue(out.get(), *part, RangeOf(s), tree_.Text(s))) return Unknown(n);
    }
    return out;
  }
  if (is("number") || is("integer") || is("float")) {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kNumber;
    v->expr = RangeOf(n);
    v->from_literal = true;
    std::string digits;
    for (char c : tree_.Text(n)) {
      if (c != '_' && c != 'n') digits += c;
    }
    v->number = std::strtod(digits.c_str(), nullptr);
    return v;
  }
  if (is("true") || is("false")) {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kBool;
    v->boolean = is("true");
    v->expr = RangeOf(n);
    v->from_literal = true;
    return v;
  }
  if (is("null") || is("undefined") || is("none")) {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kNull;
    v->expr = RangeOf(n);
    v->from_literal = true;
    return v;
  }
  if (is("arrow_function") || is("function_expression") || is("function") ||
      is("generator_function") || is("lambda")) {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kFunction;
    v->function = n;
    v->expr = RangeOf(n);
    return v;
  }
  if (is("identifier") || is("shorthand_property_identifier")) return Identifier(n);
  if (is("member_expression") || is("attribute")) {
    TSNode object = Field(n, "object");
    TSNode property = Field(n, tree_.python() ? "attribute" : "property");
    return Member(object, Eval(object), tree_.Text(property), n);
  }
  if (is("subscript_expression") || is("subscript")) {
    TSNode object = Field(n, tree_.python() ? "value" : "object");
    TSNode index = Field(n, tree_.python() ? "subscript" : "index");
    ValuePtr obj = Eval(object);
    ValuePtr key = Eval(index);
    if (key->is_literal_string()) return Member(object, obj, key->text, n);
    if (key->kind == Value::Kind::kNumber && obj->kind == Value::Kind::kArray) {
      const double i = key->number;
      if (i >= 0 && i < static_cast<double>(obj->items.size())) return obj->items[static_cast<size_t>(i)];
    }
    return MakeUnknown(RangeOf(n), "", obj->taint);
  }
  if (is("binary_expression") || is("binary_operator") || is("boolean_operator")) return Binary(n);
  if (IsCall(is)) return Call(n);
  if (is("new_expression")) {
    Taint taint;
    TSNode args = Field(n, "arguments");
    for (TSNode a : Children(args)) taint.Merge(Eval(a)->taint);
    auto v = MakeUnknown(RangeOf(n), CollapseSpace(tree_.Text(Field(n, "constructor")), 64), taint);
    return v;
  }
  if (is("object") || is("dictionary")) return ObjectLiteral(n);
  if (is("array") || is("list") || is("tuple") || is("expression_list")) return ArrayLiteral(n);
  if (is("ternary_expression") || is("conditional_expression")) {
    Taint taint;
    std::vector<TSNode> c = Children(n);
    // JS: condition ? a : b; Python: a if condition else b.
    for (size_t i = 0; i < c.size(); ++i) {
      const bool condition = tree_.python() ? i == 1 : i == 0;
      if (!condition) taint.Merge(Eval(c[i])->taint);
    }
    return MakeUnknown(RangeOf(n), "", taint);
  }
  if (is("unary_expression")) {
    TSNode arg = Field(n, "argument");
    ValuePtr a = Eval(arg);
    if (tree_.Text(Field(n, "operator")) == "-" && a->kind == Value::Kind::kNumber) {
      auto v = std::make_shared<Value>(*a);
      v->number = -v->number;
      v->from_literal = false;
      v->expr = RangeOf(n);
      return v;
    }
    return MakeUnknown(RangeOf(n), "", a->taint);
  }
  if (is("sequence_expression")) {
    std::vector<TSNode> c = Children(n);
    return c.empty() ? Unknown(n) : Eval(c.back());
  }
  if (is("assignment_expression")) return Eval(Field(n, "right"));
  if (is("named_expression")) return Eval(Field(n, "value"));
  return Unknown(n);
}

ValuePtr Evaluator::StringLiteral(TSNode n) {
  const SourceRange r = RangeOf(n);
  auto v = EmptyString(r);
  v->from_literal = true;
  std::string_view text = tree_.Text(n);
  if (text.size() < 2) return v;
  AppendDecoded(v.get(), text.substr(1, text.size() - 2), r.begin + 1, r.end - 1, false, false, false);
  return v;
}

ValuePtr Evaluator::TemplateString(TSNode n) {
  const SourceRange r = RangeOf(n);
  auto v = EmptyString(r);
  std::string_view all = tree_.Text(n);
  if (all.size() < 2) return v;
  uint32_t pos = r.begin + 1;
  auto literal = [&](uint32_t b, uint32_t e) {
    if (e > b) {
      AppendDecoded(v.get(), tree_.text().substr(b, e - b), b, e, false, false, false);
    }
  };
  for (TSNode c : Children(n)) {
    if (!Is(c, "template_substitution")) continue;
    const SourceRange cr = RangeOf(c);
    literal(pos, cr.begin);
    TSNode inner = Inner(c);
    ValuePtr part = Eval(inner);
    if (part->is_string()) consumed_.insert(Key(part->expr));
    if (!AppendValue(v.get(), *part, RangeOf(inner), tree_.Text(inner))) return Unknown(n);
    pos = cr.end;
  }
  literal(pos, r.end - 1);
  v->from_literal = v->holes.empty();
  return v;
}

ValuePtr Evaluator::PythonString(TSNode n) {
  const SourceRange r = RangeOf(n);
  auto v = EmptyString(r);
  TSNode start{}, end{};
  std::vector<TSNode> interpolations;
  const uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_child(n, i);
    if (Is(c, "string_start")) start = c;
    else if (Is(c, "string_end")) end = c;
    else if (Is(c, "interpolation")) interpolations.push_back(c);
  }
  if (IsNull(start) || IsNull(end)) return Unknown(n);
  bool raw = false, fstring = false;
  for (char c : tree_.Text(start)) {
    if (c == 'r' || c == 'R') raw = true;
    if (c == 'f' || c == 'F') fstring = true;
  }
  uint32_t pos = ts_node_end_byte(start);
  const uint32_t stop = ts_node_start_byte(end);
  auto literal = [&](uint32_t b, uint32_t e) {
    if (e > b) AppendDecoded(v.get(), tree_.text().substr(b, e - b), b, e, true, raw, fstring);
  };
  for (TSNode in : interpolations) {
    const SourceRange ir = RangeOf(in);
    literal(pos, ir.begin);
    TSNode expr = Field(in, "expression");
    ValuePtr part = Eval(expr);
    if (part->is_string()) consumed_.insert(Key(part->expr));
    if (!AppendValue(v.get(), *part, RangeOf(expr), tree_.Text(expr))) return Unknown(n);
    pos = ir.end;
  }
  literal(pos, stop);
  v->from_literal = v->holes.empty();
  return v;
}

ValuePtr Evaluator::Binary(TSNode n) {
  TSNode left = Field(n, "left"), right = Field(n, "right");
  const std::string_view op = tree_.Text(Field(n, "operator"));
  ValuePtr l = Eval(left);
  if (op == "%" && tree_.python() && l->is_string()) return PercentFormat(l, n);
  ValuePtr r = Eval(right);
  if (op == "+" && (l->is_string() || r->is_string())) {
    auto out = EmptyString(RangeOf(n));
    if (l->is_string()) consumed_.insert(Key(l->expr));
    if (r->is_string()) consumed_.insert(Key(r->expr));
    if (!AppendValue(out.get(), *l, RangeOf(left), tree_.Text(left)) ||
        !AppendValue(out.get(), *r, RangeOf(right), tree_.Text(right))) {
      return Unknown(n);
    }
    return out;
  }
  if (l->kind == Value::Kind::kNumber && r->kind == Value::Kind::kNumber) {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kNumber;
    v->expr = RangeOf(n);
    if (op == "+") v->number = l->number + r->number;
    else if (op == "-") v->number = l->number - r->number;
    else if (op == "*") v->number = l->number * r->number;
    else if ((op == "/" || op == "//") && r->number != 0) v->number = l->number / r->number;
    else return MakeUnknown(RangeOf(n), "");
    return v;
  }
  // a || b, a ?? b, a or b: the first operand's name, both taints.
  auto v = std::make_shared<Value>();
  v->expr = RangeOf(n);
  v->taint = l->taint;
  v->taint.Merge(r->taint);
  if (op == "||" || op == "??" || op == "or") {
    v->name = l->name;
    v->encoding = l->encoding == r->encoding ? l->encoding : Encoding::kNone;
  }
  return v;
}

ValuePtr Evaluator::Identifier(TSNode n) {
  const std::string name(tree_.Text(n));
  if (name == "undefined") {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kNull;
    v->expr = RangeOf(n);
    return v;
  }
  const Resolution r = scopes_.Resolve(name, ts_node_start_byte(n));
  if (!r.declared) {
    auto v = MakeUnknown(RangeOf(n), name);
    v->qualified = name;  // a global of the runtime: process, JSON, os (unimported)...
    return v;
  }
  if (!r.binding) return MakeUnknown(RangeOf(n), name);
  if (r.mutable_value) {
    // Several assignments reach here: the value is unknown, but where it
    // can come from is the union of them all.
    Taint taint;
    for (const Binding* b : scopes_.BindingsOf(name, r.scope)) {
      if (IsNull(b->value) || in_progress_.count(b)) continue;
      taint.Merge(ValueOf(*b)->taint);
    }
    return MakeUnknown(RangeOf(n), name, taint);
  }
  ValuePtr v = ValueOf(*r.binding);
  if (v->kind == Value::Kind::kUnknown && v->name.empty()) {
    auto named = std::make_shared<Value>(*v);
    named->name = name;
    return named;
  }
  return v;
}

ValuePtr Evaluator::ValueOf(const Binding& b) {
  auto cached = binding_cache_.find(&b);
  if (cached != binding_cache_.end()) return cached->second;
  if (in_progress_.count(&b)) return MakeUnknown(b.name_range, b.name);
  in_progress_.insert(&b);
  ValuePtr v;
  switch (b.kind) {
    case BindingKind::kImport: {
      auto imp = std::make_shared<Value>();
      imp->kind = Value::Kind::kImport;
      imp->qualified = b.qualified;
      imp->name = b.name;
      imp->expr = b.name_range;
      v = imp;
      break;
    }
    case BindingKind::kFunction: {
      auto fn = std::make_shared<Value>();
      fn->kind = Value::Kind::kFunction;
      fn->function = b.value;
      fn->name = b.name;
      fn->expr = b.name_range;
      v = fn;
      break;
    }
    case BindingKind::kParam:
    case BindingKind::kOpaque:
      v = MakeUnknown(b.name_range, b.name);
      break;
    case BindingKind::kAugment: {
      const Resolution prev = scopes_.Resolve(b.name, b.statement.begin);
      ValuePtr before = prev.binding && prev.binding != &b && !prev.mutable_value
                            ? ValueOf(*prev.binding)
                            : MakeUnknown(b.name_range, b.name);
      ValuePtr rhs = Eval(b.value);
      if (b.op == '+' && (before->is_string() || rhs->is_string())) {
        auto out = EmptyString(b.statement);
        if (before->is_string()) consumed_.insert(Key(before->expr));
        if (AppendValue(out.get(), *before, before->expr, b.name) &&
            AppendValue(out.get(), *rhs, RangeOf(b.value), tree_.Text(b.value))) {
          v = out;
          break;
        }
      }
      Taint taint = before->taint;
      taint.Merge(rhs->taint);
      v = MakeUnknown(b.statement, b.name, taint);
      break;
    }
    case BindingKind::kConst:
    case BindingKind::kLet:
    case BindingKind::kAssign:
      if (IsNull(b.value)) {
        v = MakeUnknown(b.name_range, b.name);
        break;
      }
      if (!b.path.empty() && b.path[0].index >= 0 &&
          (Is(b.value, "expression_list") || Is(b.value, "tuple") || Is(b.value, "array") ||
           Is(b.value, "list"))) {
        // a, b = x, y: take the element itself, keeping its own source.
        std::vector<TSNode> items = Children(b.value);
        const size_t i = static_cast<size_t>(b.path[0].index);
        if (i < items.size()) {
          std::vector<PathStep> rest(b.path.begin() + 1, b.path.end());
          v = StepPath(Eval(items[i]), rest, b);
          break;
        }
      }
      v = StepPath(Eval(b.value), b.path, b);
      break;
  }
  in_progress_.erase(&b);
  binding_cache_[&b] = v;
  return v;
}

ValuePtr Evaluator::StepPath(ValuePtr v, const std::vector<PathStep>& path, const Binding& b) {
  for (const PathStep& step : path) {
    if (step.index >= 0) {
      if (v->kind == Value::Kind::kArray && static_cast<size_t>(step.index) < v->items.size()) {
        v = v->items[step.index];
      } else {
        v = MakeUnknown(b.name_range, b.name, v->taint);
      }
      continue;
    }
    if (v->is_object()) {
      if (const Property* p = v->Find(step.key)) {
        v = p->value;
        continue;
      }
    }
    if (v->kind == Value::Kind::kImport) {
      auto imp = std::make_shared<Value>(*v);
      imp->qualified = v->qualified + "." + step.key;
      imp->name = step.key;
      v = imp;
      continue;
    }
    v = MakeUnknown(b.name_range, step.key, v->taint);
  }
  return v;
}

ValuePtr Evaluator::Member(TSNode object_node, ValuePtr obj, std::string_view key, TSNode n) {
  if (!obj->qualified.empty()) {
    const std::string q = obj->qualified + "." + std::string(key);
    // process.env.X and process.env["X"]; os.environ["X"] (its attributes
    // are methods: os.environ.get).
    if (obj->qualified == "process.env" || (obj->qualified == "os.environ" && Is(n, "subscript"))) {
      Taint t;
      t.sources = Taint::kEnv;
      t.env_name = std::string(key);
      return MakeUnknown(RangeOf(n), std::string(key), t);
    }
    auto v = std::make_shared<Value>();
    v->kind = obj->kind == Value::Kind::kImport ? Value::Kind::kImport : Value::Kind::kUnknown;
    v->qualified = q;
    v->name = std::string(key);
    v->expr = RangeOf(n);
    return v;
  }
  if (obj->is_object()) {
    if (const Property* p = obj->Find(key)) return p->value;
  }
  return MakeUnknown(RangeOf(n), std::string(key), obj->taint);
}

ValuePtr Evaluator::ObjectLiteral(TSNode n) {
  auto v = std::make_shared<Value>();
  v->kind = Value::Kind::kObject;
  v->expr = RangeOf(n);
  v->from_literal = true;
  for (TSNode c : Children(n)) {
    Property p;
    if (Is(c, "pair")) {
      TSNode key = Field(c, "key");
      p.key_range = RangeOf(key);
      if (Is(key, "property_identifier") || Is(key, "identifier") || Is(key, "number")) {
        p.key = std::string(tree_.Text(key));
      } else {
        TSNode k = Is(key, "computed_property_name") ? Inner(key) : key;
        ValuePtr kv = Eval(k);
        if (!kv->is_literal_string()) continue;
        p.key = kv->text;
      }
      p.value = Eval(Field(c, "value"));
    } else if (Is(c, "shorthand_property_identifier")) {
      p.key = std::string(tree_.Text(c));
      p.key_range = RangeOf(c);
      p.value = Identifier(c);
    } else if (Is(c, "method_definition")) {
      p.key = std::string(tree_.Text(Field(c, "name")));
      p.key_range = RangeOf(Field(c, "name"));
      auto fn = std::make_shared<Value>();
      fn->kind = Value::Kind::kFunction;
      fn->function = c;
      fn->expr = RangeOf(c);
      p.value = fn;
    } else if (Is(c, "spread_element") || Is(c, "dictionary_splat")) {
      ValuePtr spread = Eval(Inner(c));
      v->taint.Merge(spread->taint);
      if (spread->is_object()) v->props.insert(v->props.end(), spread->props.begin(), spread->props.end());
      continue;
    } else {
      continue;
    }
    v->taint.Merge(p.value->taint);
    v->props.push_back(std::move(p));
  }
  return v;
}

ValuePtr Evaluator::ArrayLiteral(TSNode n) {
  auto v = std::make_shared<Value>();
  v->kind = Value::Kind::kArray;
  v->expr = RangeOf(n);
  for (TSNode c : Children(n)) {
    if (Is(c, "spread_element") || Is(c, "list_splat")) {
      ValuePtr spread = Eval(Inner(c));
      v->taint.Merge(spread->taint);
      if (spread->kind == Value::Kind::kArray) {
        v->items.insert(v->items.end(), spread->items.begin(), spread->items.end());
      } else {
        v->items.push_back(spread);
      }
      continue;
    }
    ValuePtr item = Eval(c);
    v->taint.Merge(item->taint);
    if (!item->is_string() && !(item->expr == RangeOf(c))) {
      // Where the item is written, for a hole made of it (join()).
      auto here = std::make_shared<Value>(*item);
      here->expr = RangeOf(c);
      item = here;
    }
    v->items.push_back(item);
  }
  return v;
}

std::vector<TSNode> Evaluator::Positional(TSNode call) const {
  std::vector<TSNode> out;
  TSNode args = Field(call, "arguments");
  if (!Is(args, "arguments") && !Is(args, "argument_list")) return out;
  for (TSNode a : Children(args)) {
    if (Is(a, "keyword_argument") || Is(a, "dictionary_splat")) continue;
    out.push_back(a);
  }
  return out;
}

TSNode Evaluator::Keyword(TSNode call, std::string_view name) const {
  TSNode args = Field(call, "arguments");
  if (!Is(args, "argument_list")) return TSNode{};
  TSNode found{};
  for (TSNode a : Children(args)) {
    if (Is(a, "keyword_argument") && tree_.Text(Field(a, "name")) == name) found = Field(a, "value");
  }
  return found;
}

CallInfo Evaluator::Classify(TSNode call) {
  CallInfo info;
  TSNode callee = Field(call, "function");
  info.callee = callee;
  if (Is(callee, "member_expression") || Is(callee, "attribute")) {
    info.receiver = Field(callee, "object");
    info.method = std::string(tree_.Text(Field(callee, tree_.python() ? "attribute" : "property")));
  } else if (Is(callee, "identifier")) {
    info.method = std::string(tree_.Text(callee));
    info.function = scopes_.FunctionNamed(info.method, ts_node_start_byte(callee));
  }
  ValuePtr fn = Eval(callee);
  info.qualified = fn->qualified;
  const std::string& q = info.qualified;
  const std::string& m = info.method;

  if (tree_.python()) {
    if (m == "get_secret_value" || m == "batch_get_secret_value" || m == "get_secret_string" ||
        (m == "get_secret" && (q.empty() || q.find("parameters") != std::string::npos))) {
      info.kind = CallKind::kSecretFetch;
    } else if (m == "generate_db_auth_token") {
      info.kind = CallKind::kIamToken;
    } else if (EndsWith(q, "parse.quote_plus") || q == "quote_plus") {
      info.kind = CallKind::kEncoder;
      info.encoding = Encoding::kFull;
    } else if (EndsWith(q, "parse.quote") || q == "quote") {
      info.kind = CallKind::kEncoder;
      // quote() keeps '/' unless told otherwise, and libpq ends the user
      // information at a '/'.
      TSNode safe = Keyword(call, "safe");
      std::vector<TSNode> pos = Positional(call);
      if (IsNull(safe) && pos.size() >= 2) safe = pos[1];
      ValuePtr s = IsNull(safe) ? nullptr : Eval(safe);
      info.encoding = s && s->is_literal_string() && s->text.find('/') == std::string::npos
                          ? Encoding::kFull
                          : Encoding::kKeepsSlash;
    } else if (q == "json.loads" || q == "str" || m == "strip" || m == "decode" ||
               q == "json.load") {
      info.kind = CallKind::kPassthrough;
    } else if (q == "os.environ.get" || q == "os.getenv" || q == "os.environ.setdefault") {
      info.kind = CallKind::kEnvRead;
    }
  } else {
    if (m == "send" || m == "call") {
      std::vector<TSNode> pos = Positional(call);
      if (!pos.empty()) {
        TSNode arg = pos[0];
        std::string ctor;
        if (Is(arg, "new_expression")) {
          ctor = std::string(tree_.Text(Field(arg, "constructor")));
        } else if (Is(arg, "identifier")) {
          const Resolution r = scopes_.Resolve(tree_.Text(arg), ts_node_start_byte(arg));
          if (r.binding && !r.mutable_value && Is(r.binding->value, "new_expression")) {
            ctor = std::string(tree_.Text(Field(r.binding->value, "constructor")));
          }
        }
        if (EndsWith(ctor, "GetSecretValueCommand")) info.kind = CallKind::kSecretFetch;
      }
    } else if (m == "getSecretValue" || m == "batchGetSecretValue" ||
               (m == "getSecret" && q.find("powertools") != std::string::npos)) {
      info.kind = CallKind::kSecretFetch;
    } else if (m == "getAuthToken") {
      info.kind = CallKind::kIamToken;
    } else if (q == "encodeURIComponent" || q == "querystring.escape") {
      info.kind = CallKind::kEncoder;
      info.encoding = Encoding::kFull;
    } else if (q == "JSON.parse" || q == "String" || m == "trim" || m == "toString" ||
               m == "promise" || m == "valueOf") {
      info.kind = CallKind::kPassthrough;
    }
  }
  if (info.kind == CallKind::kOther && info.function >= 0) info.kind = CallKind::kLocal;
  return info;
}

ValuePtr Evaluator::Call(TSNode n) {
  TSNode args = Field(n, "arguments");
  if (Is(args, "template_string")) return Unknown(n);  // a tagged template: sql`...`
  CallInfo info = Classify(n);
  const SourceRange range = RangeOf(n);
  std::vector<TSNode> pos = Positional(n);
  auto args_taint = [&]() {
    Taint t;
    for (TSNode a : Children(args)) {
      TSNode v = Is(a, "keyword_argument") ? Field(a, "value") : a;
      t.Merge(Eval(v)->taint);
    }
    return t;
  };
  switch (info.kind) {
    case CallKind::kSecretFetch:
    case CallKind::kIamToken: {
      Taint t;
      t.sources = info.kind == CallKind::kSecretFetch ? Taint::kSecret : Taint::kIamToken;
      t.origin = range.begin;
      return MakeUnknown(range, info.kind == CallKind::kSecretFetch ? "secret" : "token", t);
    }
    case CallKind::kEncoder: {
      ValuePtr a = pos.empty() ? Unknown(n) : Eval(pos[0]);
      auto v = MakeUnknown(range, a->name, a->taint);
      v->encoding = info.encoding;
      v->encoder = range;
      return v;
    }
    case CallKind::kPassthrough: {
      TSNode from = !pos.empty() ? pos[0] : info.receiver;
      if (info.qualified == "str" || info.qualified == "String" || info.method == "trim" ||
          info.method == "strip" || info.method == "toString" || info.method == "promise" ||
          info.method == "valueOf" || info.method == "decode") {
        if (info.method == "trim" || info.method == "strip" || info.method == "toString" ||
            info.method == "promise" || info.method == "valueOf" || info.method == "decode") {
          from = info.receiver;
        }
        return IsNull(from) ? Unknown(n) : Eval(from);
      }
      ValuePtr a = IsNull(from) ? Unknown(n) : Eval(from);
      return MakeUnknown(range, a->name, a->taint);  // JSON.parse, json.loads: an object
    }
    case CallKind::kEnvRead: {
      Taint t;
      t.sources = Taint::kEnv;
      std::string name;
      if (!pos.empty()) {
        ValuePtr key = Eval(pos[0]);
        if (key->is_literal_string()) name = key->text;
      }
      t.env_name = name;
      return MakeUnknown(range, name, t);
    }
    case CallKind::kLocal: {
      Taint t = args_taint();
      const uint8_t sources = FunctionSources(info.function);
      if (sources) {
        t.sources |= sources;
        TSNode first = FirstSourceCall(info.function, sources);
        if (!IsNull(first)) t.origin = std::min(t.origin, ts_node_start_byte(first));
      }
      return MakeUnknown(range, scopes_.functions()[info.function].name, t);
    }
    case CallKind::kOther:
      break;
  }
  // String building through methods.
  if (info.qualified == "require" && !pos.empty()) {
    ValuePtr m = Eval(pos[0]);
    if (m->is_literal_string()) {
      auto v = std::make_shared<Value>();
      v->kind = Value::Kind::kImport;
      v->qualified = m->text;
      v->expr = range;
      return v;
    }
  }
  if (!IsNull(info.receiver)) {
    ValuePtr receiver = Eval(info.receiver);
    if (info.method == "format" && tree_.python() && receiver->is_string()) return Format(receiver, n);
    if (info.method == "join" && tree_.python() && receiver->is_string() && pos.size() == 1) {
      return Join(receiver, Eval(pos[0]), n);
    }
    if (info.method == "join" && !tree_.python() && receiver->kind == Value::Kind::kArray) {
      ValuePtr sep;
      if (pos.empty()) {
        auto comma = EmptyString(range);
        comma->text = ",";
        comma->offsets = {range.begin, range.begin};
        sep = comma;
      } else {
        sep = Eval(pos[0]);
      }
      if (sep->is_string()) return Join(sep, receiver, n);
    }
    if (info.method == "concat" && !tree_.python() && receiver->is_string()) {
      auto out = std::make_shared<Value>(*receiver);
      out->expr = range;
      consumed_.insert(Key(receiver->expr));
      for (TSNode a : pos) {
        ValuePtr part = Eval(a);
        if (part->is_string()) consumed_.insert(Key(part->expr));
        if (!AppendValue(out.get(), *part, RangeOf(a), tree_.Text(a))) return Unknown(n);
      }
      return out;
    }
    Taint t = receiver->taint;
    t.Merge(args_taint());
    return MakeUnknown(range, info.method, t);
  }
  if (tree_.python() && info.qualified == "dict") {
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::kObject;
    v->expr = range;
    for (TSNode a : Children(args)) {
      if (!Is(a, "keyword_argument")) continue;
      Property p;
      p.key = std::string(tree_.Text(Field(a, "name")));
      p.key_range = RangeOf(Field(a, "name"));
      p.value = Eval(Field(a, "value"));
      v->taint.Merge(p.value->taint);
      v->props.push_back(std::move(p));
    }
    return v;
  }
  return MakeUnknown(range, info.method, args_taint());
}

// str.format: {} {0} {name} {name!r} {name:>10}, {{ and }} escaped.
ValuePtr Evaluator::Format(const ValuePtr& format, TSNode call) {
  if (!format->holes.empty()) return Unknown(call);
  auto out = EmptyString(RangeOf(call));
  consumed_.insert(Key(format->expr));
  std::vector<TSNode> pos = Positional(call);
  const std::string& f = format->text;
  size_t auto_index = 0;
  uint32_t literal_from = 0;
  auto flush = [&](uint32_t to) { AppendSlice(out.get(), *format, literal_from, to); };
  for (uint32_t i = 0; i < f.size(); ++i) {
    if ((f[i] == '{' || f[i] == '}') && i + 1 < f.size() && f[i + 1] == f[i]) {
      flush(i + 1);  // keep one brace
      literal_from = i + 2;
      ++i;
      continue;
    }
    if (f[i] != '{') continue;
    const size_t close = f.find('}', i);
    if (close == std::string::npos) break;
    std::string field = f.substr(i + 1, close - i - 1);
    field = field.substr(0, field.find_first_of("!:"));
    std::string base = field.substr(0, field.find_first_of(".["));
    TSNode arg{};
    if (base.empty()) {
      if (auto_index < pos.size()) arg = pos[auto_index];
      ++auto_index;
    } else if (base.find_first_not_of("0123456789") == std::string::npos) {
      const size_t k = static_cast<size_t>(std::atoi(base.c_str()));
      if (k < pos.size()) arg = pos[k];
    } else {
      arg = Keyword(call, base);
    }
    flush(i);
    literal_from = static_cast<uint32_t>(close + 1);
    ValuePtr part = IsNull(arg) ? MakeUnknown(RangeOf(call), base) : Eval(arg);
    if (base != field) part = MakeUnknown(IsNull(arg) ? RangeOf(call) : RangeOf(arg), field, part->taint);
    if (part->is_string()) consumed_.insert(Key(part->expr));
    const SourceRange where = IsNull(arg) ? RangeOf(call) : RangeOf(arg);
    if (!AppendValue(out.get(), *part, where, IsNull(arg) ? field : tree_.Text(arg))) return Unknown(call);
    i = static_cast<uint32_t>(close);
  }
  flush(static_cast<uint32_t>(f.size()));
  return out;
}

// printf-style: "%s:%s@%s" % (user, password, host), "%(user)s" % {...}.
ValuePtr Evaluator::PercentFormat(const ValuePtr& format, TSNode whole) {
  TSNode right = Field(whole, "right");
  if (!format->holes.empty()) return Unknown(whole);
  auto out = EmptyString(RangeOf(whole));
  consumed_.insert(Key(format->expr));
  std::vector<TSNode> args;
  if (Is(right, "tuple") || Is(right, "parenthesized_expression")) {
    args = Is(right, "tuple") ? Children(right) : std::vector<TSNode>{Inner(right)};
  } else {
    args = {right};
  }
  ValuePtr mapping = Is(right, "dictionary") ? Eval(right) : nullptr;
  const std::string& f = format->text;
  size_t next = 0;
  uint32_t literal_from = 0;
  auto flush = [&](uint32_t to) { AppendSlice(out.get(), *format, literal_from, to); };
  for (uint32_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%' || i + 1 >= f.size()) continue;
    if (f[i + 1] == '%') {
      flush(i + 1);
      literal_from = i + 2;
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    std::string key;
    if (f[j] == '(') {
      const size_t close = f.find(')', j);
      if (close == std::string::npos) break;
      key = f.substr(j + 1, close - j - 1);
      j = static_cast<uint32_t>(close + 1);
    }
    while (j < f.size() && f[j] != '\0' && std::strchr("-#0 +.0123456789*", f[j])) ++j;
    if (j >= f.size() || !std::isalpha(static_cast<unsigned char>(f[j]))) continue;
    flush(i);
    literal_from = j + 1;
    ValuePtr part;
    SourceRange where = RangeOf(right);
    std::string_view where_text = key;
    if (!key.empty()) {
      const Value* v = mapping ? mapping->Get(key) : nullptr;
      part = v ? std::make_shared<Value>(*v) : MakeUnknown(where, key);
    } else if (next < args.size()) {
      TSNode a = args[next++];
      part = Eval(a);
      where = RangeOf(a);
      where_text = tree_.Text(a);
    } else {
      part = MakeUnknown(where, "");
    }
    if (part->is_string()) consumed_.insert(Key(part->expr));
    if (!AppendValue(out.get(), *part, where, where_text)) return Unknown(right);
    i = j;
  }
  flush(static_cast<uint32_t>(f.size()));
  return out;
}

ValuePtr Evaluator::Join(const ValuePtr& separator, const ValuePtr& items, TSNode n) {
  if (items->kind != Value::Kind::kArray) return MakeUnknown(RangeOf(n), "", items->taint);
  auto out = EmptyString(RangeOf(n));
  for (size_t i = 0; i < items.get()->items.size(); ++i) {
    const Value& item = *items->items[i];
    if (i > 0 && !AppendValue(out.get(), *separator, separator->expr, "")) return Unknown(n);
    if (item.is_string()) consumed_.insert(Key(item.expr));
    if (!AppendValue(out.get(), item, item.expr, tree_.text().substr(item.expr.begin, item.expr.size()))) {
      return Unknown(n);
    }
  }
  return out;
}

uint8_t Evaluator::FunctionSources(int function) {
  std::vector<int> visiting;
  return Sources(function, &visiting);
}

// Each function's summary is computed once; a function being computed
// (recursion, or a call reached again through an evaluation) counts as
// doing nothing more.
uint8_t Evaluator::Sources(int function, std::vector<int>* visiting) {
  if (function < 0 || function >= static_cast<int>(function_sources_.size())) return 0;
  if (function_sources_[function] >= 0) return static_cast<uint8_t>(function_sources_[function]);
  if (function_sources_[function] == -2 || static_cast<int>(visiting->size()) >= kMaxCallDepth) {
    return 0;
  }
  function_sources_[function] = -2;
  visiting->push_back(function);
  uint8_t sources = 0;
  Walk(tree_, scopes_.functions()[function].body, [&](TSNode node, const std::vector<TSNode>&) {
    if (Is(node, "call_expression") || Is(node, "call")) {
      const CallInfo info = Classify(node);
      if (info.kind == CallKind::kSecretFetch) sources |= Taint::kSecret;
      if (info.kind == CallKind::kIamToken) sources |= Taint::kIamToken;
      if (info.kind == CallKind::kLocal && info.function != function) {
        sources |= Sources(info.function, visiting);
      }
    }
    return true;
  });
  visiting->pop_back();
  function_sources_[function] = static_cast<int8_t>(sources);
  return sources;
}

TSNode Evaluator::FirstSourceCall(int function, uint8_t source) {
  TSNode found{};
  std::vector<int> chain{function};
  for (int depth = 0; depth < kMaxCallDepth && IsNull(found); ++depth) {
    const int f = chain.back();
    int next = -1;
    Walk(tree_, scopes_.functions()[f].body, [&](TSNode node, const std::vector<TSNode>&) {
      if (!IsNull(found) || next >= 0) return false;
      if (Is(node, "call_expression") || Is(node, "call")) {
        const CallInfo info = Classify(node);
        if ((info.kind == CallKind::kSecretFetch && (source & Taint::kSecret)) ||
            (info.kind == CallKind::kIamToken && (source & Taint::kIamToken))) {
          found = node;
          return false;
        }
        if (info.kind == CallKind::kLocal && info.function != f &&
            std::find(chain.begin(), chain.end(), info.function) == chain.end() &&
            (FunctionSources(info.function) & source)) {
          next = info.function;
          return false;
        }
      }
      return true;
    });
    if (next < 0) break;
    chain.push_back(next);
  }
  return found;
}

}  // namespace rdslint::script
