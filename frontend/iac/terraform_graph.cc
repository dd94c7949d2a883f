#include "frontend/iac/terraform_graph.h"

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <re2/re2.h>

#include "core/parallel.h"
#include "frontend/iac/terraform_eval.h"
#include "frontend/iac/terraform_policy.h"
#include "frontend/iac/terraform_registry.h"
#include "frontend/iac/terraform_secrets.h"
#include "frontend/iac/terraform_value.h"
#include "frontend/url/connection_string.h"

namespace rdslint::iac {
namespace {

using Kind = Value::Kind;
using tf::Instance;
using tf::SourceFile;

// `resource "aws_db_instance" "main"`: where findings about the node point.
// In JSON syntax the labels are nested keys on lines of their own: the
// name's key stands for the block.
Origin Header(const hcl::Block& b, const SourceFile& f) {
  if (f.json && !b.labels.empty()) return Origin{f.path, b.labels.back().range};
  uint32_t end = b.labels.empty() ? b.type_range.end : b.labels.back().range.end;
  return Origin{f.path, SourceRange{b.type_range.begin, end}};
}

Value Field(const Value& body, std::string_view key, const Origin& absent) {
  if (const Value* v = body.Get(key)) return *v;
  return tf::MakeNull(absent);
}

// Field, moving the value out of a body that is read once.
Value Take(Value& body, std::string_view key, const Origin& absent) {
  for (auto& [k, v] : body.entries) {
    if (k == key) return std::move(v);
  }
  return tf::MakeNull(absent);
}

// Nested blocks: a list of maps (native syntax, or a JSON array), or one map
// (a JSON object).
std::vector<const Value*> Blocks(const Value& body, std::string_view key) {
  std::vector<const Value*> out;
  const Value* v = body.Get(key);
  if (!v) return out;
  if (v->kind == Kind::kMap) out.push_back(v);
  if (v->kind == Kind::kList) {
    for (const Value& i : v->items) {
      if (i.kind == Kind::kMap) out.push_back(&i);
    }
  }
  return out;
}

const Value* FirstBlock(const Value& body, std::string_view key) {
  std::vector<const Value*> b = Blocks(body, key);
  return b.empty() ? nullptr : b.front();
}

std::vector<Value> Items(const Value& v) {
  if (v.kind == Kind::kList) return v.items;
  if (v.kind == Kind::kNull) return {};
  return {v};
}

// The source ranges of the keys of an object written in place
// (`variables = { DB_HOST = ... }`), by key; in native syntax through a
// block, in JSON syntax through an attribute holding objects.
void KeyRanges(const hcl::Expression* e, const SourceFile& f, std::unordered_map<std::string, SourceRange>* out) {
  if (!e) return;
  if (const auto* p = e->As<hcl::Parens>()) return KeyRanges(p->inner.get(), f, out);
  if (const auto* call = e->As<hcl::FunctionCall>()) {
    if (call->name == "merge") {
      for (const auto& a : call->args) KeyRanges(a.get(), f, out);
    }
    return;
  }
  const auto* o = e->As<hcl::Object>();
  if (!o) return;
  for (const hcl::ObjectItem& item : o->items) {
    if (!item.key) continue;
    std::string key;
    if (item.bare_key) {
      key = std::string(f.Text(item.key->range));
    } else if (auto s = tf::LiteralString(*item.key)) {
      key = *s;
    } else {
      continue;
    }
    (*out)[key] = item.key->range;
  }
}

const hcl::Expression* FindNested(const hcl::Body& body, const std::vector<std::string>& path, size_t i = 0) {
  if (i >= path.size()) return nullptr;
  const bool last = i + 1 == path.size();
  if (const hcl::Attribute* a = body.FindAttribute(path[i])) {
    const hcl::Expression* e = a->expr.get();
    for (size_t k = i + 1; k < path.size() && e; ++k) {
      if (const auto* t = e->As<hcl::Tuple>()) e = t->items.empty() ? nullptr : t->items[0].get();
      const auto* o = e ? e->As<hcl::Object>() : nullptr;
      if (!o) return nullptr;
      const hcl::Expression* next = nullptr;
      for (const hcl::ObjectItem& item : o->items) {
        if (!item.key) continue;
        auto key = item.bare_key ? std::optional<std::string>() : tf::LiteralString(*item.key);
        if (const auto* v = item.key->As<hcl::Variable>()) key = v->name;
        if (key && *key == path[k]) next = item.value.get();
      }
      e = next;
    }
    return e;
  }
  if (last) return nullptr;
  for (const hcl::Block& b : body.blocks) {
    if (b.type == path[i]) return FindNested(b.body, path, i + 1);
  }
  return nullptr;
}

// A registry module's default, said where it applies.
Value Default(Value v, std::string_view module, std::string_view input) {
  tf::AddVia(&v, std::string(input) + " (default of " + std::string(module) + ")");
  return v;
}

// The major version a `version` constraint pins ("~> 6.0", "6.1.0"), or
// 0 when it allows older majors (">= 5.0") or says nothing.
int PinnedMajor(const std::optional<std::string>& constraint, int at_least) {
  if (!constraint) return at_least;  // no constraint: the latest release
  const std::string& c = *constraint;
  size_t digit = c.find_first_of("0123456789");
  if (digit == std::string::npos) return at_least;
  int major = std::atoi(c.c_str() + digit);
  if (c.find('>') != std::string::npos && c.find("~>") == std::string::npos) {
    return major >= at_least ? major : 0;  // ">= 5": maybe older
  }
  return major;
}

class Builder {
 public:
  Builder(std::vector<tf::Input> inputs, bool qualify_ids)
      : project_(tf::LoadProject(std::move(inputs))), ev_(&project_) {
    project_.qualify_ids = qualify_ids;
  }

  Graph Build() {
    ev_.Instantiate();
    for (Instance* in : ev_.instances()) {
      if (!ev_.Exists(*in)) continue;
      for (const tf::Resource& r : in->module->resources) {
        if (r.mode == "data" && r.type == "aws_iam_policy_document") {
          documents_[in->NodeId(r.Address())] = Document{in, &r, false, false, {}};
        }
      }
    }
    for (Instance* in : ev_.instances()) {
      if (!ev_.Exists(*in)) continue;
      for (const tf::Resource& r : in->module->resources) {
        if (r.mode != "resource") continue;
        if (!ev_.Exists(*in, *r.def.block, *r.def.file)) continue;
        AddResource(*in, r);
      }
      for (const std::string& name : in->module->call_order) AddRegistryCall(*in, name);
    }
    Link();
    CollectSecrets();
    for (const auto& f : project_.files) g_.sources.push_back(GraphSource{f->path, TextFingerprint(f->text)});
    g_.problems = std::move(project_.problems);
    return std::move(g_);
  }

 private:
  struct Document {
    Instance* in;
    const tf::Resource* r;
    bool busy, done;
    std::vector<Statement> statements;
  };
  struct RolePolicy {
    Value role;
    std::vector<Statement> statements;
    const tf::Module* root;
  };
  struct Attachment {
    std::vector<Value> roles;
    Value policy_arn;
    const tf::Module* root;
  };
  struct ProxyTarget {
    Value proxy;
    Value target;
    bool cluster;
    const tf::Module* root;
  };
  struct SecretLink {
    Value secret;
    Value secret_string;            // versions
    std::optional<Rotation> rotation;  // rotations
    const tf::Module* root;
  };

  // ---- helpers -------------------------------------------------------------

  template <typename T>
  T& AddNode(std::vector<T>& nodes, Instance& in, const std::string& address, const std::string& type,
             const Origin& origin) {
    T node;
    node.id = in.NodeId(address);
    node.type = type;
    node.flavor = Flavor::kTerraform;
    node.origin = origin;
    root_of_[node.id] = in.root;
    nodes.push_back(std::move(node));
    return nodes.back();
  }

  tf::DocumentLookup Documents() {
    return [this](const std::string& id) -> const std::vector<Statement>* {
      auto it = documents_.find(id);
      if (it == documents_.end()) return nullptr;
      Document& d = it->second;
      if (d.done) return &d.statements;
      if (d.busy) return nullptr;  // documents that include each other
      d.busy = true;
      Value body = ev_.Body(*d.in, d.r->def.block->body, *d.r->def.file, d.r);
      std::vector<Statement> out;
      tf::ReadPolicyDocumentDataSource(body, Documents(), &out, &g_.policy_errors);
      d.statements = std::move(out);
      d.done = true;
      d.busy = false;
      return &d.statements;
    };
  }

  void ReadPolicyValue(const Value& policy, std::vector<Statement>* out) {
    tf::ReadPolicy(policy, Documents(), out, &g_.policy_errors);
  }

  // ---- resources -------------------------------------------------------------

  void AddResource(Instance& in, const tf::Resource& r) {
    const std::string& t = r.type;
    if (t == "aws_db_instance" || t == "aws_rds_cluster" || t == "aws_rds_cluster_instance") return AddDatabase(in, r);
    if (t == "aws_db_parameter_group" || t == "aws_rds_cluster_parameter_group") return AddParameterGroup(in, r);
    if (t == "aws_db_proxy") return AddProxy(in, r);
    if (t == "aws_db_proxy_target") return AddProxyTarget(in, r);
    if (t == "aws_secretsmanager_secret") return AddSecret(in, r);
    if (t == "aws_secretsmanager_secret_version" || t == "aws_secretsmanager_secret_rotation") {
      return AddSecretLink(in, r);
    }
    if (t == "aws_lambda_function") return AddFunction(in, r);
    if (t == "aws_iam_role") return AddRole(in, r);
    if (t == "aws_iam_role_policy") return AddRolePolicy(in, r);
    if (t == "aws_iam_policy") return AddPolicy(in, r);
    if (t == "aws_iam_role_policy_attachment" || t == "aws_iam_policy_attachment") return AddAttachment(in, r);
    if (t == "aws_security_group") return AddSecurityGroup(in, r);
    if (t == "aws_security_group_rule" || t == "aws_vpc_security_group_ingress_rule" ||
        t == "aws_vpc_security_group_egress_rule") {
      return AddSecurityGroupRule(in, r);
    }
    if (t == "aws_serverlessapplicationrepository_cloudformation_stack") {
      Value app = ev_.Argument(in, r, "application_id");
      if (app.is_literal_string()) sar_apps_[in.NodeId(r.Address())] = app;
    }
  }

  Value Body(Instance& in, const tf::Resource& r) { return ev_.Body(in, r.def.block->body, *r.def.file, &r); }

  void AddDatabase(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Database& db = AddNode(g_.databases, in, r.Address(), r.type, at);
    db.cluster = r.type == "aws_rds_cluster";
    db.engine = Take(body, "engine", at);
    db.engine_version = Take(body, "engine_version", at);
    db.port = Take(body, "port", at);
    db.iam_auth = Take(body, "iam_database_authentication_enabled", at);
    db.publicly_accessible = Take(body, "publicly_accessible", at);
    if (r.type == "aws_rds_cluster") {
      db.username = Take(body, "master_username", at);
      db.password = body.Get("master_password") ? *body.Get("master_password") : Take(body, "master_password_wo", at);
      db.parameter_group = Take(body, "db_cluster_parameter_group_name", at);
    } else if (r.type == "aws_db_instance") {
      db.username = Take(body, "username", at);
      db.password = body.Get("password") ? *body.Get("password") : Take(body, "password_wo", at);
      db.parameter_group = Take(body, "parameter_group_name", at);
    } else {
      db.username = tf::MakeNull(at);
      db.password = tf::MakeNull(at);
      db.parameter_group = Take(body, "db_parameter_group_name", at);
      db.cluster_identifier = Take(body, "cluster_identifier", at);
    }
    db.manage_master_password = Take(body, "manage_master_user_password", at);
    identifiers_.emplace_back(db.id, IdentifierOf(body, db.cluster ? "cluster_identifier" : "identifier"));
    if (db.manage_master_password.is_true()) {
      AddManagedSecret(in, db.id, r.type, db.manage_master_password.origin,
                       Take(body, "master_user_secret_kms_key_id", at));
    }
  }

  static Value IdentifierOf(const Value& body, std::string_view key) {
    const Value* v = body.Get(key);
    return v ? *v : Value{};
  }

  Secret& AddManagedSecret(Instance& in, const std::string& db_id, const std::string& type, const Origin& origin,
                           Value kms) {
    Secret s;
    s.id = db_id + ".master_user_secret";
    s.type = type;
    s.flavor = Flavor::kTerraform;
    s.origin = origin;
    s.managed_master_password = true;
    s.is_db_credential = true;
    s.kms_key = std::move(kms);
    s.databases.push_back(Reference{db_id, "", origin, db_id});
    root_of_[s.id] = in.root;
    g_.secrets.push_back(std::move(s));
    return g_.secrets.back();
  }

  void AddParameterGroup(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    ParameterGroup& pg = AddNode(g_.parameter_groups, in, r.Address(), r.type, at);
    pg.cluster = r.type == "aws_rds_cluster_parameter_group";
    pg.name = Take(body, "name", at);
    pg.family = Take(body, "family", at);
    for (const Value* p : Blocks(body, "parameter")) {
      const Value* name = p->Get("name");
      const Value* value = p->Get("value");
      if (!name || !name->is_literal_string() || !value) continue;
      pg.parameters.emplace_back(name->text, *value);
    }
  }

  void AddProxy(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Proxy& p = AddNode(g_.proxies, in, r.Address(), r.type, at);
    p.engine_family = Take(body, "engine_family", at);
    p.require_tls = Take(body, "require_tls", at);
    for (const Value* a : Blocks(body, "auth")) {
      ProxyAuth auth;
      auth.origin = a->origin;
      auth.auth_scheme = Field(*a, "auth_scheme", a->origin);
      auth.iam_auth = Field(*a, "iam_auth", a->origin);
      auth.secret = Field(*a, "secret_arn", a->origin);
      p.auth.push_back(std::move(auth));
    }
    names_[{in.root, "proxy"}].emplace(Literal(body.Get("name")), p.id);
  }

  void AddProxyTarget(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    ProxyTarget t;
    t.proxy = Take(body, "db_proxy_name", at);
    t.cluster = body.Get("db_cluster_identifier") != nullptr;
    t.target = t.cluster ? *body.Get("db_cluster_identifier") : Take(body, "db_instance_identifier", at);
    t.root = in.root;
    proxy_targets_.push_back(std::move(t));
  }

  void AddSecret(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Secret& s = AddNode(g_.secrets, in, r.Address(), r.type, at);
    s.name = body.Get("name") ? *body.Get("name") : Take(body, "name_prefix", at);
    s.kms_key = Take(body, "kms_key_id", at);
    names_[{in.root, "secret"}].emplace(Literal(body.Get("name")), s.id);
  }

  void AddSecretLink(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    SecretLink link;
    link.secret = Take(body, "secret_id", at);
    link.root = in.root;
    if (r.type == "aws_secretsmanager_secret_version") {
      link.secret_string = body.Get("secret_string") ? *body.Get("secret_string") : Take(body, "secret_string_wo", at);
      versions_[in.NodeId(r.Address())] = secret_links_.size();
    } else {
      Rotation rot;
      rot.origin = at;
      const Value* rules = FirstBlock(body, "rotation_rules");
      const Origin rules_at = rules ? rules->origin : at;
      rot.automatically_after_days = rules ? Field(*rules, "automatically_after_days", rules_at) : tf::MakeNull(at);
      rot.schedule_expression = rules ? Field(*rules, "schedule_expression", rules_at) : tf::MakeNull(at);
      rot.rotation_lambda = Take(body, "rotation_lambda_arn", at);
      rot.rotation_type = RotationType(rot.rotation_lambda);
      link.rotation = std::move(rot);
    }
    secret_links_.push_back(std::move(link));
  }

  // The rotation function deployed from AWS's Serverless Application
  // Repository app says which strategy it implements.
  Value RotationType(const Value& lambda) {
    for (const Reference& ref : lambda.references) {
      auto app = sar_apps_.find(ref.node);
      if (app == sar_apps_.end()) continue;
      const std::string& id = app->second.text;
      const bool postgres = id.find("PostgreSQL") != std::string::npos;
      if (postgres && id.find("SingleUser") != std::string::npos) {
        return tf::MakeSyntheticString("PostgreSQLSingleUser", app->second.origin);
      }
      if (postgres && id.find("MultiUser") != std::string::npos) {
        return tf::MakeSyntheticString("PostgreSQLMultiUser", app->second.origin);
      }
    }
    return tf::MakeNull(lambda.origin);
  }

  void AddFunction(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Function& fn = AddNode(g_.functions, in, r.Address(), r.type, at);
    fn.runtime = Take(body, "runtime", at);
    fn.architectures = Take(body, "architectures", at);
    fn.handler = Take(body, "handler", at);
    for (const char* key : {"filename", "s3_key", "image_uri"}) {
      if (const Value* v = body.Get(key)) {
        fn.code_path = *v;
        break;
      }
    }
    if (fn.code_path.kind == Kind::kUnknown && fn.code_path.text.empty()) fn.code_path = tf::MakeNull(at);
    fn.role = Take(body, "role", at);
    if (const Value* env = FirstBlock(body, "environment")) {
      std::unordered_map<std::string, SourceRange> keys;
      KeyRanges(FindNested(r.def.block->body, {"environment", "variables"}), *r.def.file, &keys);
      AddEnvironment(&fn, Field(*env, "variables", env->origin), keys, *r.def.file);
    }
    if (const Value* vpc = FirstBlock(body, "vpc_config")) {
      fn.vpc_config = *vpc;
      const Value* subnets = vpc->Get("subnet_ids");
      fn.has_vpc = !(subnets && subnets->kind == Kind::kList && subnets->items.empty());
    } else {
      fn.vpc_config = tf::MakeNull(at);
    }
  }

  static void AddEnvironment(Function* fn, const Value& vars, const std::unordered_map<std::string, SourceRange>& keys,
                             const SourceFile& file) {
    if (vars.kind != Kind::kMap) return;
    for (const auto& [name, value] : vars.entries) {
      EnvVar e;
      e.name = name;
      auto key = keys.find(name);
      e.name_origin = key != keys.end() ? Origin{file.path, key->second} : value.origin;
      e.value = value;
      fn->environment.push_back(std::move(e));
    }
  }

  void AddRole(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Role& role = AddNode(g_.roles, in, r.Address(), r.type, at);
    for (const Value* inline_policy : Blocks(body, "inline_policy")) {
      if (const Value* p = inline_policy->Get("policy")) ReadPolicyValue(*p, &role.statements);
    }
    if (const Value* arns = body.Get("managed_policy_arns")) {
      for (Value& v : Items(*arns)) role.managed_policy_arns.push_back(std::move(v));
    }
    names_[{in.root, "role"}].emplace(Literal(body.Get("name")), role.id);
  }

  void AddRolePolicy(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    RolePolicy rp;
    rp.role = Take(body, "role", at);
    rp.root = in.root;
    if (const Value* p = body.Get("policy")) ReadPolicyValue(*p, &rp.statements);
    role_policies_.push_back(std::move(rp));
  }

  void AddPolicy(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Policy& p = AddNode(g_.policies, in, r.Address(), r.type, at);
    if (const Value* doc = body.Get("policy")) ReadPolicyValue(*doc, &p.statements);
    names_[{in.root, "policy"}].emplace(Literal(body.Get("name")), p.id);
  }

  void AddAttachment(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    Attachment a;
    a.root = in.root;
    a.policy_arn = Take(body, "policy_arn", at);
    if (r.type == "aws_iam_role_policy_attachment") {
      a.roles.push_back(Take(body, "role", at));
    } else if (const Value* roles = body.Get("roles")) {
      a.roles = Items(*roles);
    }
    attachments_.push_back(std::move(a));
  }

  void AddSecurityGroup(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    Value group = tf::MakeUnknown(r.Address(), Header(*r.def.block, *r.def.file));
    group.references.push_back(Reference{in.NodeId(r.Address()), "", group.origin, r.Address()});
    for (const char* kind : {"ingress", "egress"}) {
      int i = 0;
      for (const Value* block : Blocks(body, kind)) {
        std::string address = r.Address() + "." + kind + "[" + std::to_string(i++) + "]";
        SecurityGroupRule& rule = AddNode(g_.security_group_rules, in, address, r.type, block->origin);
        rule.ingress = std::string_view(kind) == "ingress";
        rule.from_port = Field(*block, "from_port", block->origin);
        rule.to_port = Field(*block, "to_port", block->origin);
        rule.protocol = Field(*block, "protocol", block->origin);
        if (const Value* c = block->Get("cidr_blocks")) rule.cidr_blocks = Items(*c);
        if (const Value* c = block->Get("ipv6_cidr_blocks")) rule.ipv6_cidr_blocks = Items(*c);
        rule.security_group = group;
      }
    }
  }

  void AddSecurityGroupRule(Instance& in, const tf::Resource& r) {
    Value body = Body(in, r);
    const Origin at = Header(*r.def.block, *r.def.file);
    SecurityGroupRule& rule = AddNode(g_.security_group_rules, in, r.Address(), r.type, at);
    rule.security_group = Take(body, "security_group_id", at);
    if (r.type == "aws_security_group_rule") {
      const Value* type = body.Get("type");
      rule.ingress = !(type && type->is_literal_string() && type->text == "egress");
      rule.protocol = Take(body, "protocol", at);
      if (const Value* c = body.Get("cidr_blocks")) rule.cidr_blocks = Items(*c);
      if (const Value* c = body.Get("ipv6_cidr_blocks")) rule.ipv6_cidr_blocks = Items(*c);
    } else {
      rule.ingress = r.type == "aws_vpc_security_group_ingress_rule";
      rule.protocol = Take(body, "ip_protocol", at);
      if (const Value* c = body.Get("cidr_ipv4")) rule.cidr_blocks.push_back(*c);
      if (const Value* c = body.Get("cidr_ipv6")) rule.ipv6_cidr_blocks.push_back(*c);
    }
    rule.from_port = Take(body, "from_port", at);
    rule.to_port = Take(body, "to_port", at);
  }

  // ---- registry modules ---------------------------------------------------------

  void AddRegistryCall(Instance& in, const std::string& name) {
    const tf::Def& call = in.module->calls.at(name);
    const hcl::Attribute* src = call.block->body.FindAttribute("source");
    std::optional<std::string> source = src ? tf::LiteralString(*src->expr) : std::nullopt;
    const tf::RegistryModule kind = source ? tf::RegistryModuleOf(*source) : tf::RegistryModule::kNone;
    if (kind == tf::RegistryModule::kNone) return;
    if (!ev_.Exists(in, *call.block, *call.file)) return;
    const Origin at = Header(*call.block, *call.file);
    Value args;
    args.kind = Kind::kMap;
    for (const hcl::Attribute& a : call.block->body.attributes) {
      if (a.name == "source" || a.name == "version" || a.name == "count" || a.name == "for_each" ||
          a.name == "providers" || a.name == "depends_on") {
        continue;
      }
      args.entries.emplace_back(a.name, ev_.Eval(*a.expr, in, *call.file));
    }
    const hcl::Attribute* version = call.block->body.FindAttribute("version");
    std::optional<std::string> constraint = version ? tf::LiteralString(*version->expr) : std::nullopt;
    const std::string call_id = in.id_prefix + "module." + name;
    const std::string module_name(tf::RegistryModuleName(kind));
    auto input = [&](std::string_view key) -> const Value* { return args.Get(key); };
    auto off = [&](std::string_view key) {
      const Value* v = input(key);
      return v && v->is_false();
    };
    if (off("create") || off("create_db_instance") || off("create_function")) return;

    if (kind == tf::RegistryModule::kLambda) return AddLambdaModule(in, call, name, call_id, args, at);

    const bool aurora = kind == tf::RegistryModule::kRdsAurora;
    Database db;
    db.id = tf::RegistryDatabaseId(kind, call_id);
    db.type = aurora ? "aws_rds_cluster" : "aws_db_instance";
    db.flavor = Flavor::kTerraform;
    db.origin = at;
    db.cluster = aurora;
    root_of_[db.id] = in.root;
    db.engine = Field(args, "engine", at);
    db.engine_version = Field(args, "engine_version", at);
    db.port = Field(args, "port", at);
    db.username = Field(args, aurora ? "master_username" : "username", at);
    db.password = Field(args, aurora ? "master_password" : "password", at);
    if (db.password.kind == Kind::kNull && input(aurora ? "master_password_wo" : "password_wo")) {
      db.password = *input(aurora ? "master_password_wo" : "password_wo");
    }
    auto with_default = [&](std::string_view key, Value fallback) {
      if (const Value* v = input(key)) return *v;
      return Default(std::move(fallback), module_name, key);
    };
    db.iam_auth = with_default("iam_database_authentication_enabled", tf::MakeBool(false, at));
    db.publicly_accessible = with_default("publicly_accessible", tf::MakeBool(false, at));
    // manage_master_user_password defaults to true from rds v6 and
    // rds-aurora v8; for older pinned versions the default is not known.
    const int major = PinnedMajor(constraint, aurora ? 8 : 6);
    db.manage_master_password = with_default(
        "manage_master_user_password",
        major >= (aurora ? 8 : 6) ? tf::MakeBool(true, at) : tf::MakeUnknown("manage_master_user_password", at));

    // The parameter group the module creates (rds: by default, from
    // `family`; rds-aurora: with create_db_cluster_parameter_group).
    const char* create_key = aurora ? "create_db_cluster_parameter_group" : "create_db_parameter_group";
    const Value* create = input(create_key);
    const bool creates_group = aurora ? (create && create->is_true()) : !(create && create->is_false());
    const Value* family = input(aurora ? "db_cluster_parameter_group_family" : "family");
    if (creates_group && family) {
      ParameterGroup pg;
      pg.id = tf::RegistryParameterGroupId(kind, call_id);
      pg.type = aurora ? "aws_rds_cluster_parameter_group" : "aws_db_parameter_group";
      pg.flavor = Flavor::kTerraform;
      pg.origin = at;
      pg.cluster = aurora;
      pg.family = *family;
      pg.name = Field(args, aurora ? "db_cluster_parameter_group_name" : "parameter_group_name", at);
      if (const Value* params = input(aurora ? "db_cluster_parameter_group_parameters" : "parameters")) {
        for (const Value& p : Items(*params)) {
          const Value* n = p.Get("name");
          const Value* v = p.Get("value");
          if (n && v && n->is_literal_string()) pg.parameters.emplace_back(n->text, *v);
        }
      }
      Value ref = tf::MakeUnknown(pg.id, at);
      ref.references.push_back(Reference{pg.id, "name", at, pg.id});
      db.parameter_group = ref;
      root_of_[pg.id] = in.root;
      g_.parameter_groups.push_back(std::move(pg));
    } else {
      db.parameter_group = Field(args, aurora ? "db_cluster_parameter_group_name" : "parameter_group_name", at);
    }
    identifiers_.emplace_back(db.id, IdentifierOf(args, aurora ? "name" : "identifier"));
    const bool managed = db.manage_master_password.is_true();
    const Value kms = Field(args, "master_user_secret_kms_key_id", at);
    const std::string db_id = db.id;
    const Origin managed_at = input("manage_master_user_password") ? input("manage_master_user_password")->origin : at;
    g_.databases.push_back(std::move(db));
    if (managed) {
      Secret& s = AddManagedSecret(in, db_id, aurora ? "aws_rds_cluster" : "aws_db_instance", managed_at, kms);
      const Value* rotate = input("manage_master_user_password_rotation");
      if (rotate && rotate->is_true()) {
        Rotation rot;
        rot.origin = rotate->origin;
        rot.automatically_after_days = Field(args, "master_user_password_rotation_automatically_after_days", at);
        rot.schedule_expression = Field(args, "master_user_password_rotation_schedule_expression", at);
        rot.rotation_lambda = tf::MakeNull(at);
        rot.rotation_type = tf::MakeNull(at);
        s.rotation = std::move(rot);
      }
    }
  }

  void AddLambdaModule(Instance& in, const tf::Def& call, const std::string& name, const std::string& call_id,
                       const Value& args, const Origin& at) {
    const std::string module_name(tf::RegistryModuleName(tf::RegistryModule::kLambda));
    Function fn;
    fn.id = tf::RegistryFunctionId(call_id);
    fn.type = "aws_lambda_function";
    fn.flavor = Flavor::kTerraform;
    fn.origin = at;
    root_of_[fn.id] = in.root;
    fn.runtime = Field(args, "runtime", at);
    fn.architectures = Field(args, "architectures", at);
    fn.handler = Field(args, "handler", at);
    fn.code_path = tf::MakeNull(at);
    for (const char* key : {"source_path", "local_existing_package", "image_uri"}) {
      if (const Value* v = args.Get(key)) {
        fn.code_path = *v;
        break;
      }
    }
    if (const Value* env = args.Get("environment_variables")) {
      std::unordered_map<std::string, SourceRange> keys;
      const hcl::Attribute* a = call.block->body.FindAttribute("environment_variables");
      KeyRanges(a ? a->expr.get() : nullptr, *call.file, &keys);
      AddEnvironment(&fn, *env, keys, *call.file);
    }
    const Value* subnets = args.Get("vpc_subnet_ids");
    if (subnets && subnets->kind != Kind::kNull && !(subnets->kind == Kind::kList && subnets->items.empty())) {
      fn.has_vpc = true;
      Value vpc;
      vpc.kind = Kind::kMap;
      vpc.origin = subnets->origin;
      vpc.entries.emplace_back("subnet_ids", *subnets);
      if (const Value* sg = args.Get("vpc_security_group_ids")) vpc.entries.emplace_back("security_group_ids", *sg);
      fn.vpc_config = std::move(vpc);
    } else {
      fn.vpc_config = tf::MakeNull(at);
    }
    const Value* create_role = args.Get("create_role");
    if (create_role && create_role->is_false()) {
      fn.role = Field(args, "lambda_role", at);
      g_.functions.push_back(std::move(fn));
      return;
    }
    Role role;
    role.id = tf::RegistryRoleId(call_id);
    role.type = "aws_iam_role";
    role.flavor = Flavor::kTerraform;
    role.origin = at;
    root_of_[role.id] = in.root;
    auto attached = [&](const char* flag) {
      const Value* v = args.Get(flag);
      return v && v->is_true();
    };
    if (attached("attach_policy_statements")) {
      if (const Value* st = args.Get("policy_statements")) tf::ReadModuleStatements(*st, &role.statements);
    }
    if (attached("attach_policy_json")) {
      if (const Value* p = args.Get("policy_json")) ReadPolicyValue(*p, &role.statements);
    }
    if (attached("attach_policy_jsons")) {
      if (const Value* p = args.Get("policy_jsons")) {
        for (const Value& doc : Items(*p)) ReadPolicyValue(doc, &role.statements);
      }
    }
    if (attached("attach_policy")) {
      if (const Value* p = args.Get("policy")) role.managed_policy_arns.push_back(*p);
    }
    if (attached("attach_policies")) {
      if (const Value* p = args.Get("policies")) {
        for (Value& v : Items(*p)) role.managed_policy_arns.push_back(std::move(v));
      }
    }
    Value ref = tf::MakeUnknown(role.id + ".arn", at);
    ref.references.push_back(Reference{role.id, "arn", at, "module." + name + ".lambda_role_arn"});
    fn.role = Default(std::move(ref), module_name, "create_role");
    g_.roles.push_back(std::move(role));
    g_.functions.push_back(std::move(fn));
  }

  // ---- links ----------------------------------------------------------------------

  static std::string Literal(const Value* v) { return v && v->is_literal_string() ? v->text : ""; }

  // The node of a kind a value points at: by reference, else by literal
  // name (or ARN) among the nodes of the same root module.
  std::string Target(const Value& v, const char* kind, const tf::Module* root,
                     const std::function<bool(const std::string&)>& is_node) {
    for (const Reference& r : v.references) {
      if (is_node(r.node)) return r.node;
    }
    if (!v.is_literal_string() || v.text.empty()) return "";
    auto names = names_.find({root, kind});
    if (names == names_.end()) return "";
    std::string name = v.text;
    if (name.rfind("arn:", 0) == 0) {
      if (std::string_view(kind) == "secret") {
        size_t at = name.find(":secret:");
        if (at == std::string::npos) return "";
        name = name.substr(at + 8);
        if (auto exact = names->second.find(name); exact != names->second.end()) return exact->second;
        // Secret ARNs end in "-" and six random characters.
        if (name.size() > 7 && name[name.size() - 7] == '-') name.resize(name.size() - 7);
      } else {
        name = name.substr(name.find_last_of("/:") + 1);
      }
    }
    auto it = names->second.find(name);
    return it == names->second.end() || name.empty() ? "" : it->second;
  }

  // A literal that named a node now also references it.
  static void Point(Value* v, const std::string& id, const std::string& attribute) {
    for (const Reference& r : v->references) {
      if (r.node == id) return;
    }
    v->references.push_back(Reference{id, attribute, v->origin, v->is_literal_string() ? v->text : id});
  }

  void Link() {
    // Id lookups by index: linking stays linear in the number of nodes.
    std::unordered_set<std::string> role_ids, secret_ids, proxy_ids, db_ids, policy_ids, group_ids;
    for (const Role& r : g_.roles) role_ids.insert(r.id);
    for (const Secret& s : g_.secrets) secret_ids.insert(s.id);
    for (const Proxy& p : g_.proxies) proxy_ids.insert(p.id);
    for (const Database& d : g_.databases) db_ids.insert(d.id);
    for (const Policy& p : g_.policies) policy_ids.insert(p.id);
    for (const ParameterGroup& p : g_.parameter_groups) group_ids.insert(p.id);
    auto in_set = [](const std::unordered_set<std::string>& s) {
      return [&s](const std::string& id) { return s.count(id) > 0; };
    };
    std::unordered_map<std::string, Role*> roles;
    for (Role& r : g_.roles) roles[r.id] = &r;
    std::unordered_map<std::string, Secret*> secrets;
    for (Secret& s : g_.secrets) secrets[s.id] = &s;
    std::unordered_map<std::string, Policy*> policies;
    for (Policy& p : g_.policies) policies[p.id] = &p;
    std::unordered_map<std::string, Proxy*> proxies;
    for (Proxy& p : g_.proxies) proxies[p.id] = &p;

    for (const auto& [db_id, identifier] : identifiers_) {
      if (identifier.is_literal_string() && !identifier.text.empty()) {
        names_[{root_of_[db_id], "db"}].emplace(identifier.text, db_id);
      }
    }
    for (const ParameterGroup& p : g_.parameter_groups) {
      if (p.name.is_literal_string()) names_[{root_of_[p.id], "parameter_group"}].emplace(p.name.text, p.id);
    }

    for (Database& db : g_.databases) {
      std::string pg = Target(db.parameter_group, "parameter_group", root_of_[db.id], in_set(group_ids));
      if (!pg.empty()) Point(&db.parameter_group, pg, "name");
    }
    for (RolePolicy& rp : role_policies_) {
      std::string id = Target(rp.role, "role", rp.root, in_set(role_ids));
      if (id.empty()) continue;
      Role* role = roles[id];
      role->statements.insert(role->statements.end(), rp.statements.begin(), rp.statements.end());
    }
    for (Attachment& a : attachments_) {
      std::string policy = Target(a.policy_arn, "policy", a.root, in_set(policy_ids));
      for (const Value& r : a.roles) {
        std::string id = Target(r, "role", a.root, in_set(role_ids));
        if (id.empty()) continue;
        Role* role = roles[id];
        if (!policy.empty()) {
          Policy* p = policies[policy];
          role->statements.insert(role->statements.end(), p->statements.begin(), p->statements.end());
          p->roles.push_back(Reference{id, "", r.origin, id});
        } else {
          role->managed_policy_arns.push_back(a.policy_arn);
        }
      }
    }
    for (Function& fn : g_.functions) {
      std::string id = Target(fn.role, "role", root_of_[fn.id], in_set(role_ids));
      if (!id.empty()) Point(&fn.role, id, "arn");
    }
    for (ProxyTarget& t : proxy_targets_) {
      std::string proxy = Target(t.proxy, "proxy", t.root, in_set(proxy_ids));
      std::string db = Target(t.target, "db", t.root, in_set(db_ids));
      if (proxy.empty() || db.empty()) continue;
      Proxy* p = proxies[proxy];
      bool seen = false;
      for (const Reference& r : p->targets) seen = seen || r.node == db;
      if (!seen) p->targets.push_back(Reference{db, "", t.target.origin, db});
    }
    for (Proxy& p : g_.proxies) {
      for (ProxyAuth& a : p.auth) {
        std::string id = Target(a.secret, "secret", root_of_[p.id], in_set(secret_ids));
        if (id.empty()) continue;
        Point(&a.secret, id, "arn");
        secrets[id]->is_db_credential = true;
      }
    }
    for (SecretLink& link : secret_links_) {
      std::string id = Target(link.secret, "secret", link.root, in_set(secret_ids));
      if (id.empty()) continue;
      Secret* s = secrets[id];
      if (link.rotation) {
        s->rotation = std::move(link.rotation);
        continue;
      }
      s->secret_string = link.secret_string;
      ReadSecretString(s, db_ids);
    }
    // A DB whose password comes from a secret (its version, or the random
    // password the version stores) uses that secret.
    std::unordered_map<std::string, std::vector<Secret*>> via;  // referenced node -> secrets
    for (Secret& s : g_.secrets) {
      via[s.id].push_back(&s);
      for (const Reference& r : s.secret_string.references) via[r.node].push_back(&s);
    }
    for (const auto& [version, index] : versions_) {
      const SecretLink& link = secret_links_[index];
      std::string id = Target(link.secret, "secret", link.root, in_set(secret_ids));
      if (!id.empty()) via[version].push_back(secrets[id]);
    }
    for (Database& db : g_.databases) {
      for (const Reference& r : db.password.references) {
        auto it = via.find(r.node);
        if (it == via.end()) continue;
        for (Secret* s : it->second) {
          AddDatabase(s, db.id, db.password.origin);
          s->is_db_credential = true;
        }
      }
    }
    // A secret a function's DB setting names is a DB credential.
    for (const Function& fn : g_.functions) {
      for (const EnvVar& e : fn.environment) {
        if (!LooksLikeDbName(e.name)) continue;
        for (const Reference& r : e.value.references) {
          if (auto s = secrets.find(r.node); s != secrets.end()) s->second->is_db_credential = true;
        }
      }
    }
  }

  static void AddDatabase(Secret* s, const std::string& db, const Origin& where) {
    for (const Reference& r : s->databases) {
      if (r.node == db) return;
    }
    s->databases.push_back(Reference{db, "", where, db});
  }

  static bool LooksLikeDbName(const std::string& name) {
    std::string n;
    for (char c : name) n.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    for (const char* word : {"DB", "DATABASE", "RDS", "PG", "POSTGRES", "SQL"}) {
      size_t at = n.find(word);
      while (at != std::string::npos) {
        const size_t end = at + strlen(word);
        const bool starts = at == 0 || n[at - 1] == '_';
        const bool ends = end == n.size() || n[end] == '_';
        if (starts && ends) return true;
        at = n.find(word, at + 1);
      }
    }
    return false;
  }

  // What a secret's value says about it: a JSON object with a password
  // (and a username or host) is a DB credential; a password taken from a
  // random_password is generated; references to a DB attach it.
  void ReadSecretString(Secret* s, const std::unordered_set<std::string>& db_ids) {
    const Value& v = s->secret_string;
    const Value* doc = v.kind == Kind::kMap ? &v : !v.encoded.empty() ? &v.encoded.front() : nullptr;
    Value decoded;
    if (!doc && v.is_literal_string()) {
      json::ParseResult j = json::ParseJson(v.text);
      if (j.ok() && j.value.is_object()) {
        decoded = tf::FromJson(j.value, v);
        doc = &decoded;
      }
    }
    for (const Reference& r : v.references) {
      if (r.node.find("random_password.") != std::string::npos) s->generated = true;
      if (db_ids.count(r.node)) AddDatabase(s, r.node, r.origin);
    }
    if (!doc || doc->kind != Kind::kMap) return;
    if (doc->Get("password") && (doc->Get("username") || doc->Get("host") || doc->Get("engine"))) {
      s->is_db_credential = true;
      // As written; a jsonencode keeps its map in `encoded`.
      s->secret_string_template = v;
    }
  }

  // ---- secrets to mask -----------------------------------------------------------

  void AddSpans(const Value& v) {
    if (v.kind != Kind::kString) return;
    for (const Segment& seg : v.segments) {
      bool in_hole = false;
      for (const Hole& h : v.holes) in_hole = in_hole || (seg.begin < h.end && h.begin < seg.end);
      if (!in_hole && seg.origin.known()) g_.secret_spans.push_back(seg.origin);
    }
  }

  void AddUrlSpans(const Value& v) {
    if (v.kind != Kind::kString) return;
    url::AnalyzeOptions options;
    for (const Hole& h : v.holes) options.holes.push_back(SourceRange{h.begin, h.end});
    for (const url::ConnectionString& cs : url::FindAll(v.text, options)) {
      if (cs.password_kind != url::PasswordKind::kLiteral || cs.password.range.empty()) continue;
      StringBuilderSpan(v, cs.password.range);
    }
  }

  void StringBuilderSpan(const Value& v, SourceRange r) {
    for (const Segment& seg : v.segments) {
      uint32_t b = std::max(seg.begin, r.begin), e = std::min(seg.end, r.end);
      if (b >= e) continue;
      Origin o = seg.origin;
      if (seg.verbatim) {
        o.range = SourceRange{seg.origin.range.begin + (b - seg.begin), seg.origin.range.begin + (e - seg.begin)};
      }
      g_.secret_spans.push_back(o);
    }
  }

  void CollectSecrets() {
    for (const auto& f : project_.files) {
      if (f->role == tf::FileRole::kVarsJson) {
        for (const auto& [k, v] : f->vars_json.entries) {
          if (tf::IsPasswordName(k)) AddSpans(v);
        }
        continue;
      }
      for (SourceRange r : tf::SecretRanges(f->body)) g_.secret_spans.push_back(Origin{f->path, r});
    }
    for (const Database& db : g_.databases) AddSpans(db.password);
    for (const Secret& s : g_.secrets) {
      AddUrlSpans(s.secret_string);
      if (s.secret_string.is_literal_string()) AddSpans(s.secret_string);
    }
    for (const Function& fn : g_.functions) {
      for (const EnvVar& e : fn.environment) {
        if (tf::IsPasswordName(e.name)) AddSpans(e.value);
        AddUrlSpans(e.value);
      }
    }
  }

  tf::Project project_;
  tf::Evaluator ev_;
  Graph g_;
  std::unordered_map<std::string, Document> documents_;
  std::unordered_map<std::string, Value> sar_apps_;
  std::unordered_map<std::string, const tf::Module*> root_of_;
  struct KeyHash {
    size_t operator()(const std::pair<const tf::Module*, std::string>& k) const {
      return std::hash<const void*>()(k.first) ^ std::hash<std::string>()(k.second);
    }
  };
  std::unordered_map<std::pair<const tf::Module*, std::string>, std::unordered_map<std::string, std::string>, KeyHash>
      names_;
  std::vector<std::pair<std::string, Value>> identifiers_;
  std::vector<RolePolicy> role_policies_;
  std::vector<Attachment> attachments_;
  std::vector<ProxyTarget> proxy_targets_;
  std::vector<SecretLink> secret_links_;
  std::unordered_map<std::string, size_t> versions_;  // version node id -> secret_links_ index
};

}  // namespace

namespace {

// Folders that must be evaluated together: a folder and the local modules
// it calls, transitively and either way. Calls are found by a scan for
// local `source` paths, before any parse; a `source` that is no module
// call only joins two parts that need not be (never the other way: a local
// module source is a literal string). Parts come in the order of their
// first folder, each with its files in input order.
std::vector<std::vector<tf::Input>> IndependentParts(std::vector<tf::Input> inputs) {
  std::map<std::string, size_t> folders;  // sorted
  for (const tf::Input& in : inputs) folders.emplace(tf::DirName(in.abs_path), 0);
  size_t n = 0;
  for (auto& [dir, index] : folders) index = n++;
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&parent](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  static const RE2 kLocalSource(R"re((?:\bsource\s*=\s*|"source"\s*:\s*)"(\.\.?(?:/[^"]*)?)")re");
  for (const tf::Input& in : inputs) {
    const std::string dir = tf::DirName(in.abs_path);
    re2::StringPiece text(in.text.data(), in.text.size());
    std::string relative;
    while (RE2::FindAndConsume(&text, kLocalSource, &relative)) {
      auto callee = folders.find(tf::JoinPath(dir, relative));
      if (callee == folders.end()) continue;
      const size_t a = find(folders.at(dir)), b = find(callee->second);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the first folder leads
    }
  }
  std::vector<std::vector<tf::Input>> parts(n);
  for (tf::Input& in : inputs) parts[find(folders.at(tf::DirName(in.abs_path)))].push_back(std::move(in));
  std::vector<std::vector<tf::Input>> out;
  for (std::vector<tf::Input>& part : parts) {
    if (!part.empty()) out.push_back(std::move(part));
  }
  return out;
}

bool HasModuleFile(const std::vector<tf::Input>& part) {
  for (const tf::Input& in : part) {
    if (tf::RoleOf(in.path) == tf::FileRole::kModule) return true;
  }
  return false;
}

}  // namespace

// A monorepo's stacks are independent: each is parsed, evaluated and
// dropped as a unit, so that memory holds the syntax trees of the stacks
// being built (one a thread) and the graph so far, not every tree of the
// repository at once.
Graph BuildTerraformGraph(std::vector<tf::Input> inputs, int jobs) {
  std::vector<std::vector<tf::Input>> parts = IndependentParts(std::move(inputs));
  size_t with_modules = 0;
  for (const std::vector<tf::Input>& part : parts) with_modules += HasModuleFile(part);
  // Parts are built on `jobs` threads and merged in order as they are
  // done: the graph is the one a single thread builds, and only the parts
  // finished ahead of an unfinished one wait, not every part's graph.
  Graph g;
  std::vector<std::optional<Graph>> done(parts.size());
  size_t next = 0;
  std::mutex mu;
  ParallelFor(parts.size(), jobs, [&](size_t i) {
    Builder b(std::move(parts[i]), /*qualify_ids=*/with_modules > 1);
    Graph part = b.Build();
    std::lock_guard<std::mutex> lock(mu);
    done[i] = std::move(part);
    for (; next < done.size() && done[next]; ++next) {
      g.Merge(std::move(*done[next]));
      done[next].reset();
    }
  });
  return g;
}

}  // namespace rdslint::iac
