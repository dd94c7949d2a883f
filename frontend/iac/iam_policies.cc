#include "frontend/iac/iam_policies.h"

#include <functional>
#include <string>
#include <utility>

namespace rdslint::iac::internal {
namespace {

void Fail(std::vector<PolicyError>* errors, Origin origin, std::string message) {
  if (errors) errors->push_back(PolicyError{std::move(origin), std::move(message)});
}

// Every origin of a value read from a JSON string moves onto the string's
// bytes in the file (through its decoding).
void Remap(Origin* o, const MappedText& outer, const std::string& path) {
  if (!o->known()) return;
  const uint32_t n = static_cast<uint32_t>(outer.text.size());
  o->range = outer.ToSource(std::min(o->range.begin, n), std::min(o->range.end, n));
  o->file = path;
}

void Remap(Value* v, const MappedText& outer, const std::string& path) {
  Remap(&v->origin, outer, path);
  for (Segment& s : v->segments) {
    Remap(&s.origin, outer, path);
    // Escapes in the outer string may stand between the bytes.
    s.verbatim = s.verbatim && s.origin.range.size() == s.end - s.begin;
  }
  for (Hole& h : v->holes) {
    if (h.reference) Remap(&h.reference->origin, outer, path);
  }
  for (Reference& r : v->references) Remap(&r.origin, outer, path);
  for (Value& i : v->items) Remap(&i, outer, path);
  for (auto& [k, e] : v->entries) Remap(&e, outer, path);
}

void ReadStatement(ValueBuilder& b, At s, std::vector<Statement>* out,
                   std::vector<PolicyError>* errors) {
  if (!s.IsMap()) {
    if (s.node && s.node->kind == cfn::Node::Kind::kFunction) return;  // computed (Fn::If)
    Fail(errors, s.origin(), "a policy statement must be an object");
    return;
  }
  Statement st;
  st.origin = s.origin();
  const At effect = s.Get("Effect");
  if (!effect) {
    Fail(errors, s.origin(), "a policy statement needs an Effect (Allow or Deny)");
  } else {
    const Value e = b.Convert(effect);
    if (e.is_literal_string()) {
      st.effect = e.text;
      if (e.text != "Allow" && e.text != "Deny") {
        Fail(errors, effect.origin(), "Effect must be Allow or Deny");
      }
    }
  }
  const At action = s.Get("Action");
  const At not_action = s.Get("NotAction");
  if (!action && !not_action) {
    Fail(errors, s.origin(), "a policy statement needs an Action or a NotAction");
  } else if (action && not_action) {
    Fail(errors, not_action.origin(), "a policy statement cannot have both Action and NotAction");
  }
  st.actions = b.Items(action);
  st.not_actions = b.Items(not_action);
  st.resources = b.Items(s.Get("Resource"));
  st.not_resources = b.Items(s.Get("NotResource"));
  if (const At c = s.Get("Condition")) st.conditions = b.Convert(c);
  out->push_back(std::move(st));
}

Value Literal(std::string text, const Origin& origin) { return ValueBuilder::Synthetic(std::move(text), origin); }

// An ARN SAM writes with pseudo parameters, "${AWS::Region}" and the like
// standing as holes, and an optional value appended (the template's
// parameter).
Value Arn(std::string text, const Origin& origin, const Value* tail = nullptr) {
  Value v = Literal(text, origin);
  size_t from = 0;
  while ((from = v.text.find("${", from)) != std::string::npos) {
    const size_t close = v.text.find('}', from);
    v.holes.push_back(Hole{static_cast<uint32_t>(from), static_cast<uint32_t>(close + 1), std::nullopt});
    from = close + 1;
  }
  if (tail) ValueBuilder::AppendValue(&v, *tail);
  return v;
}

Statement Allow(std::initializer_list<const char*> actions, std::vector<Value> resources,
                const Origin& origin) {
  Statement s;
  s.effect = "Allow";
  s.origin = origin;
  for (const char* a : actions) s.actions.push_back(Literal(a, origin));
  s.resources = std::move(resources);
  return s;
}

// The policy templates that bear on databases and their secrets, as SAM's
// policy_templates.json defines them; others are kept as an unknown grant.
void ExpandTemplate(ValueBuilder& b, const std::string& name, At params, const Origin& at,
                    Role* role) {
  auto param = [&](const char* p) { return b.Convert(params.Get(p)); };
  const std::string prefix = "arn:${AWS::Partition}:";
  if (name == "AWSSecretsManagerGetSecretValuePolicy") {
    role->statements.push_back(Allow({"secretsmanager:GetSecretValue"}, {param("SecretArn")}, at));
  } else if (name == "AWSSecretsManagerRotationPolicy") {
    Statement s = Allow({"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                         "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"},
                        {Arn(prefix + "secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*", at)},
                        at);
    role->statements.push_back(std::move(s));
    role->statements.push_back(Allow({"secretsmanager:GetRandomPassword"}, {Literal("*", at)}, at));
  } else if (name == "KMSDecryptPolicy") {
    const Value key = param("KeyId");
    role->statements.push_back(Allow(
        {"kms:Decrypt"}, {Arn(prefix + "kms:${AWS::Region}:${AWS::AccountId}:key/", at, &key)}, at));
  } else if (name == "SSMParameterReadPolicy") {
    const Value p = param("ParameterName");
    role->statements.push_back(Allow({"ssm:DescribeParameters"}, {Literal("*", at)}, at));
    role->statements.push_back(
        Allow({"ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"},
              {Arn(prefix + "ssm:${AWS::Region}:${AWS::AccountId}:parameter/", at, &p)}, at));
  } else if (name == "VPCAccessPolicy") {
    role->statements.push_back(Allow({"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                                      "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"},
                                     {Literal("*", at)}, at));
  } else {
    Statement s;
    s.effect = "Allow";
    s.origin = at;
    Value unknown;
    unknown.origin = at;
    unknown.text = name;
    unknown.via.push_back("SAM policy template " + name);
    s.actions.push_back(std::move(unknown));
    role->statements.push_back(std::move(s));
  }
}

}  // namespace

void ReadStatements(ValueBuilder& b, At list, std::vector<Statement>* out,
                    std::vector<PolicyError>* errors) {
  if (list.IsList()) {
    for (size_t i = 0; i < list.node->items.size(); ++i) ReadStatement(b, list.Item(i), out, errors);
  } else if (list.IsMap()) {
    ReadStatement(b, list, out, errors);
  } else if (list && !list.IsNull() && list.node->kind != cfn::Node::Kind::kFunction) {
    Fail(errors, list.origin(), "policy statements must be a list of objects");
  }
}

void ReadPolicyDocument(ValueBuilder& b, At doc, std::vector<Statement>* out,
                        std::vector<PolicyError>* errors) {
  if (!doc || doc.IsNull()) return;
  if (doc.node->kind == cfn::Node::Kind::kFunction) return;  // computed: not known here
  if (doc.IsScalar()) {
    // A document written as a JSON string: read it in place.
    const MappedText& outer = doc.node->text;
    SourceFile inner(doc.file->path, outer.text, cfn::ParseOptions{cfn::Syntax::kJson});
    if (!inner.doc.parsed()) {
      Origin at = doc.origin();
      if (!inner.doc.errors.empty()) {
        const SourceRange r = inner.doc.errors[0].range;
        const uint32_t n = static_cast<uint32_t>(outer.text.size());
        at.range = outer.ToSource(std::min(r.begin, n), std::min(std::max(r.end, r.begin + 1), n));
      }
      Fail(errors, at, "the policy document is not valid JSON");
      return;
    }
    ValueBuilder inner_values(b.scope(), nullptr, 100000);
    std::vector<Statement> statements;
    std::vector<PolicyError> inner_errors;
    ReadPolicyDocument(inner_values, At{&inner, inner.doc.root()}, &statements, &inner_errors);
    for (Statement& s : statements) {
      Remap(&s.origin, outer, doc.file->path);
      for (auto* list : {&s.actions, &s.not_actions, &s.resources, &s.not_resources}) {
        for (Value& v : *list) Remap(&v, outer, doc.file->path);
      }
      Remap(&s.conditions, outer, doc.file->path);
      out->push_back(std::move(s));
    }
    for (PolicyError& e : inner_errors) {
      Remap(&e.origin, outer, doc.file->path);
      if (errors) errors->push_back(std::move(e));
    }
    return;
  }
  if (!doc.IsMap()) {
    Fail(errors, doc.origin(), "a policy document must be an object with a Statement");
    return;
  }
  const At statement = doc.Get("Statement");
  if (!statement) {
    Fail(errors, doc.origin(), "a policy document needs a Statement");
    return;
  }
  ReadStatements(b, statement, out, errors);
}

void ReadSamPolicies(ValueBuilder& b, At policies, Role* role, std::vector<PolicyError>* errors) {
  if (!policies || policies.IsNull()) return;
  std::vector<At> items;
  if (policies.IsList()) {
    for (size_t i = 0; i < policies.node->items.size(); ++i) items.push_back(policies.Item(i));
  } else {
    items.push_back(policies);
  }
  for (const At& item : items) {
    if (item.IsScalar() || (item.node && item.node->kind == cfn::Node::Kind::kFunction)) {
      // A managed policy by name ("AWSLambdaBasicExecutionRole") or ARN.
      role->managed_policy_arns.push_back(b.Convert(item));
    } else if (item.IsMap() && item.Get("Statement")) {
      ReadPolicyDocument(b, item, &role->statements, errors);
    } else if (item.IsMap() && item.node->entries.size() == 1) {
      const cfn::Entry& e = item.node->entries[0];
      ExpandTemplate(b, e.key.text, item.Value(e), item.OriginOf(e.key_range), role);
    } else if (item) {
      Fail(errors, item.origin(),
           "a SAM policy is a managed policy name or ARN, a policy document, or one policy template");
    }
  }
}

}  // namespace rdslint::iac::internal
