#include "frontend/hcl/tf_json.h"

#include <string>
#include <unordered_set>
#include <utility>

#include "frontend/json/positioned_json.h"

namespace rdslint::hcl {
namespace {

// Which body we are in decides which properties are blocks and how strings
// are read (see tf_json.h).
enum class Ctx {
  kRoot, kResource, kVariable, kOutput, kLocals, kModule, kProvider, kTerraform,
  kLiteralBody,  // required_providers, backend, cloud: everything literal
  kLifecycle, kDynamic, kCheck, kMoved, kGeneric,
};

// How a string value is read.
enum class Mode { kTemplate, kLiteral, kExpression };

struct BlockSpec {
  bool is_block = false;
  int labels = 0;
  Ctx body = Ctx::kGeneric;
};

BlockSpec Nested(Ctx ctx, std::string_view key) {
  auto block = [](int labels, Ctx body) { return BlockSpec{true, labels, body}; };
  switch (ctx) {
    case Ctx::kRoot:
      if (key == "resource" || key == "data") return block(2, Ctx::kResource);
      if (key == "variable") return block(1, Ctx::kVariable);
      if (key == "output") return block(1, Ctx::kOutput);
      if (key == "module") return block(1, Ctx::kModule);
      if (key == "provider") return block(1, Ctx::kProvider);
      if (key == "locals") return block(0, Ctx::kLocals);
      if (key == "terraform") return block(0, Ctx::kTerraform);
      if (key == "moved" || key == "import") return block(0, Ctx::kMoved);
      if (key == "removed") return block(0, Ctx::kResource);
      if (key == "check") return block(1, Ctx::kCheck);
      return block(0, Ctx::kGeneric);
    case Ctx::kResource:
      if (key == "lifecycle") return block(0, Ctx::kLifecycle);
      if (key == "connection") return block(0, Ctx::kGeneric);
      if (key == "provisioner") return block(1, Ctx::kResource);
      if (key == "dynamic") return block(1, Ctx::kDynamic);
      return {};
    case Ctx::kDynamic:
      if (key == "content") return block(0, Ctx::kGeneric);
      return {};
    case Ctx::kLifecycle:
    case Ctx::kOutput:
      if (key == "precondition" || key == "postcondition") return block(0, Ctx::kGeneric);
      return {};
    case Ctx::kCheck:
      if (key == "assert") return block(0, Ctx::kGeneric);
      if (key == "data") return block(2, Ctx::kResource);
      return {};
    case Ctx::kVariable:
      if (key == "validation") return block(0, Ctx::kGeneric);
      return {};
    case Ctx::kTerraform:
      if (key == "required_providers") return block(0, Ctx::kLiteralBody);
      if (key == "backend") return block(1, Ctx::kLiteralBody);
      if (key == "cloud") return block(0, Ctx::kTerraform);
      if (key == "workspaces") return block(0, Ctx::kLiteralBody);
      return {};
    default:
      return {};
  }
}

Mode AttributeMode(Ctx ctx, std::string_view name) {
  switch (ctx) {
    case Ctx::kVariable:
      if (name == "type") return Mode::kExpression;
      return Mode::kLiteral;  // default, description, sensitive, nullable
    case Ctx::kModule:
      if (name == "source" || name == "version") return Mode::kLiteral;
      if (name == "depends_on" || name == "providers") return Mode::kExpression;
      return Mode::kTemplate;
    case Ctx::kTerraform:
    case Ctx::kLiteralBody:
      return Mode::kLiteral;
    case Ctx::kResource:
      if (name == "depends_on" || name == "provider") return Mode::kExpression;
      return Mode::kTemplate;
    case Ctx::kOutput:
      if (name == "depends_on") return Mode::kExpression;
      return Mode::kTemplate;
    case Ctx::kLifecycle:
      if (name == "ignore_changes" || name == "replace_triggered_by") return Mode::kExpression;
      return Mode::kTemplate;
    case Ctx::kMoved:
      if (name == "to" || name == "from") return Mode::kExpression;
      return Mode::kTemplate;
    default:
      return Mode::kTemplate;
  }
}

class Converter {
 public:
  std::vector<Error> errors;

  void Root(const json::Value& v, Body* body) {
    if (!v.is_object()) {
      Fail(v.range, "Root value must be object; The root value in a JSON-based configuration must be a JSON object.");
      return;
    }
    BodyFrom(v, Ctx::kRoot, body);
  }

 private:
  void Fail(SourceRange r, std::string msg) { errors.push_back(Error{r, std::move(msg)}); }
  void Take(std::vector<Error>& more) {
    for (Error& e : more) errors.push_back(std::move(e));
  }

  static SourceRange KeyRange(const json::Member& m) {
    return m.key.text.empty() ? m.key_range : m.key.ToSource(0, static_cast<uint32_t>(m.key.text.size()));
  }

  void BodyFrom(const json::Value& obj, Ctx ctx, Body* body) {
    body->range = obj.range;
    std::unordered_set<std::string_view> seen;  // keeps wide bodies linear
    for (const json::Member& m : obj.object) {
      if (m.key.text == "//") continue;  // a comment
      BlockSpec spec = Nested(ctx, m.key.text);
      if (spec.is_block) {
        std::vector<Label> labels;
        Blocks(m, m.value, spec, spec.labels, &labels, body);
        continue;
      }
      Attribute a;
      a.name = m.key.text;
      a.name_range = KeyRange(m);
      a.expr = Expr(m.value, AttributeMode(ctx, m.key.text));
      a.range = SourceRange{m.key_range.begin, m.value.range.end};
      if (!seen.insert(m.key.text).second) {
        Fail(a.name_range, "Duplicate argument; The argument \"" + a.name + "\" was already set.");
        continue;
      }
      body->attributes.push_back(std::move(a));
    }
  }

  // `value` holds `remaining` more levels of labels, then a body; an array at
  // any level stands for several blocks.
  void Blocks(const json::Member& type, const json::Value& value, const BlockSpec& spec, int remaining,
              std::vector<Label>* labels, Body* parent) {
    if (value.is_array()) {
      for (const json::Value& v : value.array) Blocks(type, v, spec, remaining, labels, parent);
      return;
    }
    if (!value.is_object()) {
      Fail(value.range, "Incorrect JSON value type; Either a JSON object or a JSON array is required, representing the contents of one or more \"" +
                            type.key.text + "\" blocks.");
      return;
    }
    if (remaining > 0) {
      for (const json::Member& m : value.object) {
        if (m.key.text == "//") continue;
        labels->push_back(Label{m.key.text, m.key_range, true});
        Blocks(type, m.value, spec, remaining - 1, labels, parent);
        labels->pop_back();
      }
      return;
    }
    Block b;
    b.type = type.key.text;
    b.type_range = KeyRange(type);
    b.labels = *labels;
    b.open_brace = SourceRange{value.range.begin, value.range.begin + 1};
    b.close_brace = SourceRange{value.range.end - 1, value.range.end};
    b.range = SourceRange{type.key_range.begin, value.range.end};
    BodyFrom(value, spec.body, &b.body);
    parent->blocks.push_back(std::move(b));
  }

  ExprPtr Expr(const json::Value& v, Mode mode) {
    switch (v.kind) {
      case json::Value::kNull: return MakeExpr(v.range, Literal{});
      case json::Value::kBool: {
        Literal l;
        l.kind = Literal::kBool;
        l.boolean = v.boolean;
        return MakeExpr(v.range, std::move(l));
      }
      case json::Value::kNumber: {
        Literal l;
        l.kind = Literal::kNumber;
        l.number = v.number;
        l.number_text = v.number_text;
        return MakeExpr(v.range, std::move(l));
      }
      case json::Value::kString: return String(v.string, v.range, mode);
      case json::Value::kArray: {
        Tuple t;
        for (const json::Value& i : v.array) t.items.push_back(Expr(i, mode));
        return MakeExpr(v.range, std::move(t));
      }
      case json::Value::kObject: {
        Object o;
        for (const json::Member& m : v.object) {
          ObjectItem item;
          // Keys are templates too, except in literal contexts.
          item.key = String(m.key, m.key_range, mode == Mode::kLiteral ? Mode::kLiteral : Mode::kTemplate);
          item.value = Expr(m.value, mode);
          o.items.push_back(std::move(item));
        }
        return MakeExpr(v.range, std::move(o));
      }
    }
    return MakeExpr(v.range, Invalid{});
  }

  ExprPtr String(const MappedText& s, SourceRange quoted, Mode mode) {
    if (mode == Mode::kExpression) {
      ExpressionResult r = ParseHclExpression(s);
      Take(r.errors);
      return std::move(r.expr);
    }
    if (mode == Mode::kTemplate) {
      ExpressionResult r = ParseHclTemplate(s);
      Take(r.errors);
      r.expr->range = quoted;
      return std::move(r.expr);
    }
    Template t;
    if (!s.text.empty()) {
      TemplatePart p;
      p.kind = TemplatePart::kLiteral;
      p.range = s.ToSource(0, static_cast<uint32_t>(s.text.size()));
      p.text = s;
      t.parts.push_back(std::move(p));
    }
    return MakeExpr(quoted, std::move(t));
  }
};

}  // namespace

ParseResult ParseTfJson(std::string_view text) {
  ParseResult out;
  json::ParseResult j = json::ParseJson(text);
  for (const json::Error& e : j.errors) out.errors.push_back(Error{e.range, e.message});
  if (!j.ok()) return out;
  Converter c;
  c.Root(j.value, &out.body);
  out.body.range = SourceRange{0, static_cast<uint32_t>(text.size())};
  out.errors = std::move(c.errors);
  return out;
}

}  // namespace rdslint::hcl
