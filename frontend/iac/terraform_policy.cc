#include "frontend/iac/terraform_policy.h"

#include <algorithm>

#include "frontend/iac/terraform_value.h"
#include "frontend/json/positioned_json.h"

namespace rdslint::iac::tf {
namespace {

using Kind = Value::Kind;

void Error(std::vector<PolicyError>* errors, const Origin& at, std::string message) {
  errors->push_back(PolicyError{at, std::move(message)});
}

// A statement or document spans lines; its error points at where it
// starts, so the location is one line.
Origin Start(const Origin& o) { return Origin{o.file, SourceRange{o.range.begin, std::min(o.range.end, o.range.begin + 1)}}; }

// Action: "s3:GetObject" or a list of them; an unknown stays one unknown
// element (a rule cannot prove anything from it, and must not guess).
std::vector<Value> Elements(const Value& v) {
  if (v.kind == Kind::kList) return v.items;
  if (v.kind == Kind::kNull) return {};
  return {v};
}

bool HasDocumentReference(const Value& v, const DocumentLookup& documents, std::vector<Statement>* out) {
  for (const Reference& r : v.references) {
    if (r.attribute != "json" && r.attribute != "minified_json") continue;
    if (const std::vector<Statement>* s = documents(r.node)) {
      out->insert(out->end(), s->begin(), s->end());
      return true;
    }
  }
  return false;
}

void ReadStatement(const Value& st, std::vector<Statement>* out, std::vector<PolicyError>* errors) {
  if (st.kind == Kind::kUnknown) return;
  if (st.kind != Kind::kMap) {
    Error(errors, Start(st.origin), "Invalid policy document: a Statement must be a JSON object");
    return;
  }
  static const char* const kKnown[] = {"Sid",      "Effect",    "Principal",   "NotPrincipal", "Action",
                                       "NotAction", "Resource", "NotResource", "Condition"};
  for (const auto& [key, value] : st.entries) {
    bool known = false;
    for (const char* k : kKnown) known = known || key == k;
    if (!known) {
      Error(errors, value.origin, "Invalid policy document: the statement has an element IAM does not know, \"" +
                                      key + "\" (elements are case-sensitive: Effect, Action, Resource, ...)");
    }
  }
  Statement s;
  s.origin = st.origin;
  const Value* effect = st.Get("Effect");
  if (!effect) {
    Error(errors, Start(st.origin), "Invalid policy document: the statement has no Effect");
    return;
  }
  if (effect->kind == Kind::kString && effect->holes.empty()) {
    if (effect->text != "Allow" && effect->text != "Deny") {
      Error(errors, effect->origin, "Invalid policy document: Effect must be \"Allow\" or \"Deny\" (case-sensitive)");
      return;
    }
    s.effect = effect->text;
  } else if (IsKnown(*effect)) {
    Error(errors, effect->origin, "Invalid policy document: Effect must be \"Allow\" or \"Deny\"");
    return;
  }
  const Value* action = st.Get("Action");
  const Value* not_action = st.Get("NotAction");
  if (action && not_action) {
    Error(errors, not_action->origin, "Invalid policy document: a statement has either Action or NotAction, not both");
    return;
  }
  if (!action && !not_action) {
    Error(errors, Start(st.origin), "Invalid policy document: the statement has neither Action nor NotAction");
    return;
  }
  const Value* resource = st.Get("Resource");
  const Value* not_resource = st.Get("NotResource");
  if (resource && not_resource) {
    Error(errors, not_resource->origin,
          "Invalid policy document: a statement has either Resource or NotResource, not both");
    return;
  }
  if (!resource && !not_resource) {
    Error(errors, Start(st.origin),
          "Invalid policy document: the statement has neither Resource nor NotResource (an identity policy needs one)");
    return;
  }
  if (action) s.actions = Elements(*action);
  if (not_action) s.not_actions = Elements(*not_action);
  if (resource) s.resources = Elements(*resource);
  if (not_resource) s.not_resources = Elements(*not_resource);
  if (const Value* c = st.Get("Condition")) s.conditions = *c;
  out->push_back(std::move(s));
}

void ReadDocument(const Value& doc, std::vector<Statement>* out, std::vector<PolicyError>* errors) {
  if (doc.kind == Kind::kUnknown) return;
  if (doc.kind != Kind::kMap) {
    Error(errors, Start(doc.origin), "Invalid policy document: a policy is a JSON object with a Statement");
    return;
  }
  if (const Value* version = doc.Get("Version")) {
    if (version->is_literal_string() && version->text != "2012-10-17" && version->text != "2008-10-17") {
      Error(errors, version->origin, "Invalid policy document: Version must be \"2012-10-17\" (or the older \"2008-10-17\")");
    }
  }
  const Value* statements = doc.Get("Statement");
  if (!statements) {
    Error(errors, Start(doc.origin), "Invalid policy document: the document has no Statement");
    return;
  }
  if (statements->kind == Kind::kList) {
    for (const Value& st : statements->items) ReadStatement(st, out, errors);
  } else {
    ReadStatement(*statements, out, errors);
  }
}

// Whether the JSON error at `offset` of a string with holes may be caused by
// a hole (a value interpolated outside quotes): then the document is not
// known, not wrong.
bool NearHole(const Value& v, uint32_t offset) {
  for (const Hole& h : v.holes) {
    if (offset + 1 >= h.begin && offset <= h.end + 1) return true;
  }
  return false;
}

}  // namespace

void ReadPolicy(const Value& policy, const DocumentLookup& documents, std::vector<Statement>* out,
                std::vector<PolicyError>* errors) {
  if (policy.kind == Kind::kMap) {
    ReadDocument(policy, out, errors);
    return;
  }
  if (policy.kind == Kind::kUnknown) {
    HasDocumentReference(policy, documents, out);
    return;
  }
  if (policy.kind != Kind::kString) {
    if (policy.kind != Kind::kNull) {
      Error(errors, Start(policy.origin), "Invalid policy document: a policy is a JSON string");
    }
    return;
  }
  if (!policy.encoded.empty()) {
    ReadDocument(policy.encoded.front(), out, errors);
    return;
  }
  // "${data.aws_iam_policy_document.x.json}" alone.
  if (policy.holes.size() == 1 && policy.holes[0].begin == 0 && policy.holes[0].end == policy.text.size()) {
    HasDocumentReference(policy, documents, out);
    return;
  }
  json::ParseResult j = json::ParseJson(policy.text);
  if (!j.ok()) {
    const json::Error& e = j.errors.front();
    if (NearHole(policy, e.range.begin)) return;
    // A JSON error is a point: its first byte, so the location stays on one line.
    std::optional<Origin> at = MapRange(policy, e.range.begin, e.range.begin + 1);
    if (!at) at = MapRange(policy, e.range.begin, e.range.begin);
    Error(errors, at ? *at : Start(policy.origin), "Invalid policy document: " + e.message);
    return;
  }
  ReadDocument(FromJson(j.value, policy), out, errors);
}

void ReadPolicyDocumentDataSource(const Value& body, const DocumentLookup& documents,
                                  std::vector<Statement>* out, std::vector<PolicyError>* errors) {
  for (const char* key : {"source_policy_documents", "source_json"}) {
    if (const Value* src = body.Get(key)) {
      for (const Value& doc : Elements(*src)) ReadPolicy(doc, documents, out, errors);
    }
  }
  if (const Value* statements = body.Get("statement")) {
    for (const Value& st : Elements(*statements)) {
      if (st.kind != Kind::kMap) continue;
      Statement s;
      s.origin = st.origin;
      const Value* effect = st.Get("effect");
      s.effect = effect && effect->is_literal_string() ? effect->text : effect ? "" : "Allow";
      if (const Value* v = st.Get("actions")) s.actions = Elements(*v);
      if (const Value* v = st.Get("not_actions")) s.not_actions = Elements(*v);
      if (const Value* v = st.Get("resources")) s.resources = Elements(*v);
      if (const Value* v = st.Get("not_resources")) s.not_resources = Elements(*v);
      // condition { test, variable, values } blocks: IAM's JSON shape,
      // {"StringEquals": {"aws:SourceVpc": [...]}}.
      if (const Value* conditions = st.Get("condition")) {
        Value c;
        c.kind = Kind::kMap;
        c.origin = conditions->origin;
        for (const Value& cond : Elements(*conditions)) {
          const Value* test = cond.Get("test");
          const Value* variable = cond.Get("variable");
          const Value* values = cond.Get("values");
          if (!test || !variable || !test->is_literal_string() || !variable->is_literal_string()) continue;
          Value* by_test = nullptr;
          for (auto& [k, v] : c.entries) {
            if (k == test->text) by_test = &v;
          }
          if (!by_test) {
            Value m;
            m.kind = Kind::kMap;
            m.origin = cond.origin;
            c.entries.emplace_back(test->text, std::move(m));
            by_test = &c.entries.back().second;
          }
          by_test->entries.emplace_back(variable->text, values ? *values : MakeNull(cond.origin));
        }
        s.conditions = std::move(c);
      }
      out->push_back(std::move(s));
    }
  }
  for (const char* key : {"override_policy_documents", "override_json"}) {
    if (const Value* src = body.Get(key)) {
      for (const Value& doc : Elements(*src)) ReadPolicy(doc, documents, out, errors);
    }
  }
}

void ReadModuleStatements(const Value& statements, std::vector<Statement>* out) {
  std::vector<const Value*> list;
  if (statements.kind == Kind::kMap) {
    for (const auto& [k, v] : statements.entries) list.push_back(&v);
  } else if (statements.kind == Kind::kList) {
    for (const Value& v : statements.items) list.push_back(&v);
  }
  for (const Value* st : list) {
    if (st->kind != Kind::kMap) continue;
    Statement s;
    s.origin = st->origin;
    const Value* effect = st->Get("effect");
    s.effect = effect && effect->is_literal_string() ? effect->text : effect ? "" : "Allow";
    if (const Value* v = st->Get("actions")) s.actions = Elements(*v);
    if (const Value* v = st->Get("not_actions")) s.not_actions = Elements(*v);
    if (const Value* v = st->Get("resources")) s.resources = Elements(*v);
    if (const Value* v = st->Get("not_resources")) s.not_resources = Elements(*v);
    if (const Value* v = st->Get("condition")) s.conditions = *v;
    if (s.actions.empty() && s.not_actions.empty()) continue;
    out->push_back(std::move(s));
  }
}

}  // namespace rdslint::iac::tf
