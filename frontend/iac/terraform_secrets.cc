#include "frontend/iac/terraform_secrets.h"

#include <string>

#include "frontend/url/connection_string.h"

namespace rdslint::iac::tf {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void LiteralParts(const hcl::Expression& e, std::vector<SourceRange>* out) {
  const hcl::Template* t = e.As<hcl::Template>();
  if (!t) return;
  for (const hcl::TemplatePart& p : t->parts) {
    if (p.kind == hcl::TemplatePart::kLiteral && !p.text.text.empty()) {
      out->push_back(p.text.ToSource(0, static_cast<uint32_t>(p.text.text.size())));
    }
  }
}

void Urls(const hcl::TemplatePart& p, std::vector<SourceRange>* out) {
  if (p.kind == hcl::TemplatePart::kLiteral) {
    UrlSecretRanges(p.text, out);
    return;
  }
  for (const hcl::TemplatePart& c : p.then_parts) Urls(c, out);
  for (const hcl::TemplatePart& c : p.else_parts) Urls(c, out);
}

// Every expression below `e`: password-like object keys, and URLs in
// string literals.
void Walk(const hcl::Expression& e, std::vector<SourceRange>* out, int depth) {
  if (depth > 64) return;  // the parser bounds nesting; this bounds our stack too
  if (const auto* t = e.As<hcl::Template>()) {
    for (const hcl::TemplatePart& p : t->parts) {
      Urls(p, out);
      if (p.expr) Walk(*p.expr, out, depth + 1);
    }
  } else if (const auto* t = e.As<hcl::Tuple>()) {
    for (const auto& i : t->items) {
      if (i) Walk(*i, out, depth + 1);
    }
  } else if (const auto* o = e.As<hcl::Object>()) {
    for (const hcl::ObjectItem& item : o->items) {
      if (!item.key || !item.value) continue;
      std::optional<std::string> key;
      if (const auto* v = item.key->As<hcl::Variable>()) key = v->name;
      if (const auto* kt = item.key->As<hcl::Template>()) {
        std::string s;
        for (const hcl::TemplatePart& p : kt->parts) s += p.text.text;
        key = s;
      }
      if (key && IsPasswordName(*key)) LiteralParts(*item.value, out);
      Walk(*item.value, out, depth + 1);
    }
  } else if (const auto* c = e.As<hcl::FunctionCall>()) {
    for (const auto& a : c->args) {
      if (a) Walk(*a, out, depth + 1);
    }
  } else if (const auto* c = e.As<hcl::Conditional>()) {
    if (c->then_expr) Walk(*c->then_expr, out, depth + 1);
    if (c->else_expr) Walk(*c->else_expr, out, depth + 1);
  } else if (const auto* p = e.As<hcl::Parens>()) {
    if (p->inner) Walk(*p->inner, out, depth + 1);
  }
}

void WalkBody(const hcl::Body& body, std::vector<SourceRange>* out, int depth) {
  if (depth > 64) return;
  for (const hcl::Attribute& a : body.attributes) {
    if (IsPasswordName(a.name)) LiteralParts(*a.expr, out);
    Walk(*a.expr, out, 0);
  }
  for (const hcl::Block& b : body.blocks) {
    if (b.type == "variable" && b.labels.size() == 1) {
      const hcl::Attribute* sensitive = b.body.FindAttribute("sensitive");
      const hcl::Literal* flag = sensitive ? sensitive->expr->As<hcl::Literal>() : nullptr;
      const bool secret = IsPasswordName(b.labels[0].value) || (flag && flag->kind == hcl::Literal::kBool && flag->boolean);
      if (const hcl::Attribute* d = b.body.FindAttribute("default"); d && secret) LiteralParts(*d->expr, out);
    }
    WalkBody(b.body, out, depth + 1);
  }
}

}  // namespace

bool IsPasswordName(std::string_view name) {
  const std::string n = Lower(name);
  if (n.find("password") != std::string::npos || n.find("passwd") != std::string::npos) {
    // manage_master_user_password = true is a switch, not a password.
    return n.find("manage") == std::string::npos && n.find("rotat") == std::string::npos &&
           n.find("length") == std::string::npos && n.find("kms") == std::string::npos &&
           n.find("policy") == std::string::npos;
  }
  return n == "secret_string" || n == "pwd" || (n.size() > 4 && n.compare(n.size() - 4, 4, "_pwd") == 0) ||
         n == "pgpassword";
}

void UrlSecretRanges(const MappedText& text, std::vector<SourceRange>* out) {
  if (text.text.find("://") == std::string::npos && text.text.find("password") == std::string::npos) return;
  for (const url::ConnectionString& cs : url::FindAll(text.text)) {
    if (cs.password_kind == url::PasswordKind::kLiteral && cs.password.present && !cs.password.range.empty()) {
      out->push_back(text.ToSource(cs.password.range));
    }
  }
}

std::vector<SourceRange> SecretRanges(const hcl::Body& body) {
  std::vector<SourceRange> out;
  WalkBody(body, &out, 0);
  return out;
}

}  // namespace rdslint::iac::tf
