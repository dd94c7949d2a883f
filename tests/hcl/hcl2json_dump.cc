#include "tests/hcl/hcl2json_dump.h"

#include <cstdlib>
#include <string>

namespace rdslint::hcl {
namespace {

using nlohmann::json;

// The decimal value of a number literal in plain notation, as cty converts a
// number to a string: "1e3" -> "1000", "1.50" -> "1.5".
std::string PlainNumber(std::string_view s) {
  std::string digits;
  long point = -1, exp = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
    if (s[i] == '.') point = static_cast<long>(digits.size());
    else digits.push_back(s[i]);
  }
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < s.size()) exp = std::strtol(std::string(s.substr(i + 1)).c_str(), nullptr, 10);
  point += exp;
  while (!digits.empty() && digits[0] == '0') { digits.erase(0, 1); --point; }
  if (digits.empty()) return "0";
  std::string out;
  if (point <= 0) {
    out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (point >= static_cast<long>(digits.size())) {
    out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
  }
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

// Literal template text goes out with `${` and `%{` escaped again.
std::string Escape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out.push_back(s[i]);
    out.push_back(s[i]);
  }
  return out;
}

class Dumper {
 public:
  explicit Dumper(std::string_view text) : text_(text) {}

  // Blocks first: an attribute of the same name then silently replaces them
  // (hcl2json does so).
  json Body(const hcl::Body& body) {
    json out = json::object();
    for (const hcl::Block& b : body.blocks) Block(b, &out);
    for (const Attribute& a : body.attributes) out[a.name] = Expr(*a.expr);
    return out;
  }

  std::string error;

 private:
  // type -> label -> label -> [body, ...]
  void Block(const hcl::Block& b, json* out) {
    std::string key = b.type;
    for (const Label& l : b.labels) {
      if (out->contains(key)) {
        if (!(*out)[key].is_object()) Fail("Unable to convert Block to JSON: " + b.type);
      } else {
        (*out)[key] = json::object();
      }
      out = &(*out)[key];
      if (!out->is_object()) return;
      key = l.value;
    }
    json value = Body(b.body);
    if (out->contains(key)) {
      if ((*out)[key].is_array()) (*out)[key].push_back(std::move(value));
      else Fail("invalid HCL detected for \"" + key + "\" block, cannot have blocks with and without labels");
    } else {
      (*out)[key] = json::array({std::move(value)});
    }
  }

  void Fail(std::string msg) {
    if (error.empty()) error = std::move(msg);
  }

  std::string Source(SourceRange r) const { return std::string(text_.substr(r.begin, r.size())); }
  std::string Wrap(const Expression& e) const { return "${" + Source(e.range) + "}"; }

  json Expr(const Expression& e) {
    if (const Literal* l = e.As<Literal>()) return LiteralValue(*l);
    if (const Unary* u = e.As<Unary>()) {
      // A unary operator on a literal is evaluated; on anything else, wrapped.
      const Literal* l = u->operand->As<Literal>();
      if (!l) return Wrap(e);
      if (u->op == Op::kNegate && l->kind == Literal::kNumber) return Number(-l->number);
      if (u->op == Op::kNot && l->kind == Literal::kBool) return !l->boolean;
      Fail("Invalid operand");
      return nullptr;
    }
    if (const Template* t = e.As<Template>()) {
      if (t->single_interpolation && t->parts.size() == 1 && t->parts[0].expr) return Expr(*t->parts[0].expr);
      return Parts(t->parts);
    }
    if (const Tuple* t = e.As<Tuple>()) {
      json out = json::array();
      for (const ExprPtr& i : t->items) out.push_back(Expr(*i));
      return out;
    }
    if (const Object* o = e.As<Object>()) {
      json out = json::object();
      for (const ObjectItem& i : o->items) {
        out[i.bare_key ? Source(i.key->range) : StringPart(*i.key)] = Expr(*i.value);
      }
      return out;
    }
    return Wrap(e);
  }

  json LiteralValue(const Literal& l) {
    switch (l.kind) {
      case Literal::kNumber: return Number(l.number);
      case Literal::kBool: return l.boolean;
      case Literal::kNull: return nullptr;
    }
    return nullptr;
  }

  // Whole numbers print as integers, as hcl2json's do.
  static json Number(double d) {
    if (d == static_cast<double>(static_cast<int64_t>(d)) && d > -9e15 && d < 9e15) {
      return static_cast<int64_t>(d);
    }
    return d;
  }

  // An expression inside a template, as text.
  std::string StringPart(const Expression& e) {
    if (const Literal* l = e.As<Literal>()) {
      switch (l->kind) {
        case Literal::kNumber: return PlainNumber(l->number_text);
        case Literal::kBool: return l->boolean ? "true" : "false";
        case Literal::kNull: return "null";
      }
    }
    if (const Template* t = e.As<Template>()) return Parts(t->parts);
    if (const Conditional* c = e.As<Conditional>()) {
      return If(c->condition->range, StringPart(*c->then_expr), StringPart(*c->else_expr));
    }
    return Wrap(e);
  }

  std::string If(SourceRange cond, const std::string& then_s, const std::string& else_s) {
    std::string out = "%{if " + Source(cond) + "}" + then_s;
    if (!else_s.empty()) out += "%{else}" + else_s;
    return out + "%{endif}";
  }

  std::string Parts(const std::vector<TemplatePart>& parts) {
    std::string out;
    for (const TemplatePart& p : parts) {
      switch (p.kind) {
        case TemplatePart::kLiteral: out += Escape(p.text.text); break;
        case TemplatePart::kInterpolation: out += StringPart(*p.expr); break;
        case TemplatePart::kIf: out += If(p.expr->range, Parts(p.then_parts), Parts(p.else_parts)); break;
        case TemplatePart::kFor:
          out += "%{for ";
          if (!p.key_var.empty()) out += p.key_var + ", ";
          out += p.value_var + " in " + Source(p.expr->range) + "}" + Parts(p.then_parts) + "%{endfor}";
          break;
      }
    }
    return out;
  }

  std::string_view text_;
};

}  // namespace

DumpResult DumpAsHcl2Json(const Body& body, std::string_view text) {
  Dumper d(text);
  DumpResult r;
  r.json = d.Body(body);
  r.error = d.error;
  return r;
}

}  // namespace rdslint::hcl
