#include "frontend/iac/cfn_builder.h"

#include <algorithm>
#include <utility>

#include "frontend/iac/iam_policies.h"
#include "frontend/url/connection_string.h"

namespace rdslint::iac::internal {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <typename T>
T* FindById(std::vector<T>& nodes, std::string_view id) {
  for (T& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

}  // namespace

bool HasServerlessTransform(At root) {
  const At t = root.Get("Transform");
  if (t.IsScalar()) return StartsWith(t.Text(), "AWS::Serverless");
  if (t.IsList()) {
    for (size_t i = 0; i < t.node->items.size(); ++i) {
      if (StartsWith(t.Item(i).Text(), "AWS::Serverless")) return true;
    }
  }
  return false;
}

bool IsTemplateRoot(At root) {
  if (!root.IsMap()) return false;
  if (root.Get("AWSTemplateFormatVersion") || HasServerlessTransform(root)) return true;
  const At resources = root.Get("Resources");
  if (!resources.IsMap()) return false;
  for (const cfn::Entry& e : resources.node->entries) {
    const std::string& type = resources.Value(e).Get("Type").Text();
    if (StartsWith(type, "AWS::") || StartsWith(type, "Custom::") || StartsWith(type, "Alexa::")) {
      return true;
    }
  }
  return false;
}

void MarkLikelySecrets(std::string_view path, std::string_view text, std::vector<Origin>* spans) {
  auto span = [&](size_t b, size_t e) {
    spans->push_back(Origin{std::string(path), SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}});
  };
  size_t line = 0;
  while (line < text.size()) {
    size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos) eol = text.size();
    size_t k = line;
    while (k < eol && (text[k] == ' ' || text[k] == '\t' || text[k] == '-' || text[k] == '{' ||
                       text[k] == ',' || text[k] == '"' || text[k] == '\'')) {
      ++k;
    }
    const size_t colon = text.find(':', k);
    if (colon < eol) {
      size_t ke = colon;
      while (ke > k && (text[ke - 1] == ' ' || text[ke - 1] == '"' || text[ke - 1] == '\'')) --ke;
      if (IsSecretName(text.substr(k, ke - k))) {
        size_t vb = colon + 1;
        while (vb < eol && (text[vb] == ' ' || text[vb] == '\t' || text[vb] == '"' || text[vb] == '\'')) ++vb;
        size_t ve = eol;
        const size_t comment = text.find(" #", vb);
        if (comment < ve) ve = comment;
        while (ve > vb && (text[ve - 1] == ' ' || text[ve - 1] == '\r' || text[ve - 1] == ',' ||
                           text[ve - 1] == '"' || text[ve - 1] == '\'' || text[ve - 1] == '}')) {
          --ve;
        }
        if (ve > vb) span(vb, ve);
      }
    }
    line = eol + 1;
  }
  for (const url::ConnectionString& c : url::FindAll(text)) {
    if (c.password_kind == url::PasswordKind::kLiteral) span(c.password.range.begin, c.password.range.end);
  }
}

void DeclareTemplate(At root, TemplateScope* scope) {
  if (const At params = root.Get("Parameters"); params.IsMap()) {
    for (const cfn::Entry& e : params.node->entries) {
      if (params.Value(e).IsMap()) scope->parameters[e.key.text] = params.Value(e);
    }
  }
  if (const At mappings = root.Get("Mappings"); mappings.IsMap()) scope->mappings = mappings;
  const At resources = root.Get("Resources");
  if (!resources.IsMap()) return;
  for (const cfn::Entry& e : resources.node->entries) {
    const At r = resources.Value(e);
    const At type = r.Get("Type");
    if (!r.IsMap() || !type.IsScalar()) continue;
    Resource res;
    res.logical_id = e.key.text;
    res.type = type.Text();
    res.resource = r;
    res.properties = r.Get("Properties");
    res.key_range = e.key_range;
    res.construct_path = r.Get("Metadata").Get("aws:cdk:path").Text();
    if (res.type == "AWS::Serverless::Function" && !res.properties.Get("Role")) {
      const std::string role = res.logical_id + "Role";
      scope->implicit[role] = scope->NodeId(role);
    }
    scope->resources[res.logical_id] = std::move(res);
  }
}

void CfnBuilder::FillNode(Node* n, const Resource& r) const {
  n->id = scope_.NodeId(r.logical_id);
  n->type = r.type;
  n->flavor = scope_.flavor;
  n->origin = r.resource.OriginOf(r.key_range);
  n->construct_path = r.construct_path;
}

At CfnBuilder::Prop(const Resource& r, std::string_view key, bool sam) const {
  if (const At v = r.properties.Get(key)) return v;
  return sam ? globals_.Get(key) : At{};
}

std::vector<Reference> CfnBuilder::Targets(const Value& v,
                                           const std::map<std::string, std::string>& names) const {
  std::vector<Reference> out;
  if (!v.references.empty()) {
    out.push_back(v.references.front());
    return out;
  }
  if (!v.is_literal_string()) return out;
  // A literal: a name, or an ARN ending in one.
  std::string name = v.text;
  if (StartsWith(name, "arn:")) name = name.substr(name.rfind(':') + 1);
  auto it = names.find(Lower(name));
  if (it == names.end()) return out;
  Reference r;
  r.node = it->second;
  r.origin = v.origin;
  r.text = v.text;
  out.push_back(std::move(r));
  return out;
}

void CfnBuilder::Build() {
  for (const auto& [id, r] : scope_.resources) {
    const std::string& t = r.type;
    if (t == "AWS::RDS::DBInstance") {
      AddDatabase(r, false);
    } else if (t == "AWS::RDS::DBCluster") {
      AddDatabase(r, true);
    } else if (t == "AWS::RDS::DBParameterGroup") {
      AddParameterGroup(r, false);
    } else if (t == "AWS::RDS::DBClusterParameterGroup") {
      AddParameterGroup(r, true);
    } else if (t == "AWS::RDS::DBProxy") {
      AddProxy(r);
    } else if (t == "AWS::RDS::DBProxyTargetGroup") {
      TargetGroup g;
      g.proxy = values_.Convert(r.properties.Get("DBProxyName"));
      for (const char* key : {"DBInstanceIdentifiers", "DBClusterIdentifiers"}) {
        for (Value& v : values_.Items(r.properties.Get(key))) g.targets.push_back(std::move(v));
      }
      target_groups_.push_back(std::move(g));
    } else if (t == "AWS::SecretsManager::Secret") {
      AddSecret(r);
    } else if (t == "AWS::SecretsManager::RotationSchedule") {
      PendingRotation p;
      const At props = r.properties;
      p.secret = values_.Convert(props.Get("SecretId"));
      p.rotation.origin = r.resource.OriginOf(r.key_range);
      const At rules = props.Get("RotationRules");
      p.rotation.automatically_after_days = values_.Convert(rules.Get("AutomaticallyAfterDays"));
      p.rotation.schedule_expression = values_.Convert(rules.Get("ScheduleExpression"));
      p.rotation.rotation_lambda = values_.Convert(props.Get("RotationLambdaARN"));
      p.rotation.rotation_type = values_.Convert(props.Get("HostedRotationLambda").Get("RotationType"));
      // The Serverless Application Repository's rotation apps say their
      // strategy in their name.
      for (const Reference& ref : p.rotation.rotation_lambda.references) {
        for (const auto& [lid, app] : scope_.resources) {
          if (scope_.NodeId(lid) != ref.node || app.type != "AWS::Serverless::Application") continue;
          const At id = app.properties.Get("Location").Get("ApplicationId");
          const Value v = values_.Convert(id);
          if (!v.is_literal_string()) continue;
          for (const char* kind : {"SingleUser", "MultiUser"}) {
            if (EndsWith(v.text, std::string("PostgreSQLRotation") + kind)) {
              p.rotation.rotation_type =
                  ValueBuilder::Synthetic(std::string("PostgreSQL") + kind, v.origin);
              p.rotation.rotation_type.via.push_back("rotation application " + v.text);
            }
          }
        }
      }
      rotations_.push_back(std::move(p));
    } else if (t == "AWS::SecretsManager::SecretTargetAttachment") {
      attachments_.push_back(Attachment{values_.Convert(r.properties.Get("SecretId")),
                                        values_.Convert(r.properties.Get("TargetId"))});
    } else if (t == "AWS::Lambda::Function") {
      AddFunction(r, false);
    } else if (t == "AWS::Serverless::Function") {
      AddFunction(r, true);
    } else if (t == "AWS::IAM::Role") {
      AddRole(r);
    } else if (t == "AWS::IAM::Policy" || t == "AWS::IAM::ManagedPolicy") {
      AddPolicy(r);
    } else if (t == "AWS::EC2::SecurityGroup") {
      AddSecurityGroup(r);
    } else if (t == "AWS::EC2::SecurityGroupIngress") {
      AddSecurityGroupRule(r, true);
    } else if (t == "AWS::EC2::SecurityGroupEgress") {
      AddSecurityGroupRule(r, false);
    }
  }
}

void CfnBuilder::AddDatabase(const Resource& r, bool cluster) {
  Database d;
  FillNode(&d, r);
  const At p = r.properties;
  d.cluster = cluster;
  d.engine = values_.Convert(p.Get("Engine"));
  d.engine_version = values_.Convert(p.Get("EngineVersion"));
  d.username = values_.Convert(p.Get("MasterUsername"));
  d.password = values_.Convert(p.Get("MasterUserPassword"));
  d.manage_master_password = values_.Convert(p.Get("ManageMasterUserPassword"));
  d.iam_auth = values_.Convert(p.Get("EnableIAMDatabaseAuthentication"));
  d.publicly_accessible = values_.Convert(p.Get("PubliclyAccessible"));
  d.port = values_.Convert(p.Get("Port"));
  d.parameter_group =
      values_.Convert(p.Get(cluster ? "DBClusterParameterGroupName" : "DBParameterGroupName"));
  if (!cluster) d.cluster_identifier = values_.Convert(p.Get("DBClusterIdentifier"));
  if (!d.password.deploy_time_secret) AddSecretSpans(d.password, &graph_->secret_spans);
  const Value ident =
      values_.Convert(p.Get(cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"));
  if (ident.is_literal_string()) db_identifiers_[Lower(ident.text)] = d.id;
  if (d.manage_master_password.is_true()) {
    // RDS creates and rotates this secret itself.
    Secret s;
    s.id = d.id + ".MasterUserSecret";
    s.type = "AWS::SecretsManager::Secret";
    s.flavor = d.flavor;
    s.origin = d.manage_master_password.origin;
    s.construct_path = d.construct_path;
    s.kms_key = values_.Convert(p.Get("MasterUserSecret").Get("KmsKeyId"));
    s.managed_master_password = true;
    s.is_db_credential = true;
    Reference db;
    db.node = d.id;
    db.origin = d.origin;
    db.text = r.logical_id;
    s.databases.push_back(std::move(db));
    graph_->secrets.push_back(std::move(s));
  }
  graph_->databases.push_back(std::move(d));
}

void CfnBuilder::AddParameterGroup(const Resource& r, bool cluster) {
  ParameterGroup g;
  FillNode(&g, r);
  const At p = r.properties;
  g.cluster = cluster;
  g.name = values_.Convert(p.Get(cluster ? "DBClusterParameterGroupName" : "DBParameterGroupName"));
  g.family = values_.Convert(p.Get("Family"));
  if (const At params = p.Get("Parameters"); params.IsMap()) {
    for (const cfn::Entry& e : params.node->entries) {
      g.parameters.emplace_back(e.key.text, values_.Convert(params.Value(e)));
    }
  }
  graph_->parameter_groups.push_back(std::move(g));
}

void CfnBuilder::AddProxy(const Resource& r) {
  Proxy x;
  FillNode(&x, r);
  const At p = r.properties;
  x.engine_family = values_.Convert(p.Get("EngineFamily"));
  x.require_tls = values_.Convert(p.Get("RequireTLS"));
  if (const At auth = p.Get("Auth"); auth.IsList()) {
    for (size_t i = 0; i < auth.node->items.size(); ++i) {
      const At a = auth.Item(i);
      ProxyAuth pa;
      pa.auth_scheme = values_.Convert(a.Get("AuthScheme"));
      pa.iam_auth = values_.Convert(a.Get("IAMAuth"));
      pa.secret = values_.Convert(a.Get("SecretArn"));
      pa.origin = a.origin();
      x.auth.push_back(std::move(pa));
    }
  }
  const Value name = values_.Convert(p.Get("DBProxyName"));
  if (name.is_literal_string()) proxy_names_[Lower(name.text)] = x.id;
  graph_->proxies.push_back(std::move(x));
}

void CfnBuilder::AddSecret(const Resource& r) {
  Secret s;
  FillNode(&s, r);
  const At p = r.properties;
  s.name = values_.Convert(p.Get("Name"));
  s.kms_key = values_.Convert(p.Get("KmsKeyId"));
  if (const At gen = p.Get("GenerateSecretString")) {
    s.generated = true;
    s.secret_string_template = values_.Convert(gen.Get("SecretStringTemplate"));
  }
  s.secret_string = values_.Convert(p.Get("SecretString"));
  AddSecretSpans(s.secret_string, &graph_->secret_spans);
  // Shaped like a DB credential: {"username": ...} (the rotation functions'
  // and RDS Proxy's format).
  const std::string shape = Lower(s.secret_string_template.text + s.secret_string.text);
  if (shape.find("\"username\"") != std::string::npos) s.is_db_credential = true;
  if (s.name.is_literal_string()) secret_names_[Lower(s.name.text)] = s.id;
  graph_->secrets.push_back(std::move(s));
}

void CfnBuilder::MarkEnvironmentSecrets(const Function& f, std::vector<Origin>* spans) {
  for (const EnvVar& e : f.environment) {
    if (e.value.deploy_time_secret) continue;
    if (IsSecretName(e.name)) {
      AddSecretSpans(e.value, spans);
      continue;
    }
    if (e.value.kind != Value::Kind::kString) continue;
    url::AnalyzeOptions opts;
    for (const Hole& h : e.value.holes) opts.holes.push_back(SourceRange{h.begin, h.end});
    for (const url::ConnectionString& c : url::FindAll(e.value.text, opts)) {
      if (c.password_kind != url::PasswordKind::kLiteral) continue;
      if (std::optional<Origin> o = e.value.OriginOf(c.password.range.begin, c.password.range.end)) {
        spans->push_back(*o);
      }
    }
  }
}

void CfnBuilder::AddFunction(const Resource& r, bool sam) {
  Function f;
  FillNode(&f, r);
  const At p = r.properties;
  f.runtime = values_.Convert(Prop(r, "Runtime", sam));
  f.architectures = values_.Convert(Prop(r, "Architectures", sam));
  f.handler = values_.Convert(Prop(r, "Handler", sam));
  if (sam) {
    for (const char* key : {"CodeUri", "ImageUri", "InlineCode"}) {
      if (const At code = Prop(r, key, true)) {
        f.code_path = values_.Convert(code);
        break;
      }
    }
  } else if (const At asset = r.resource.Get("Metadata").Get("aws:asset:path")) {
    f.code_path = values_.Convert(asset);  // CDK: the asset folder in cdk.out
  } else {
    f.code_path = values_.Convert(p.Get("Code"));
  }
  // SAM merges Globals' variables under the function's own.
  std::vector<At> env_maps;
  if (sam) env_maps.push_back(globals_.Get("Environment").Get("Variables"));
  env_maps.push_back(p.Get("Environment").Get("Variables"));
  for (const At& vars : env_maps) {
    if (!vars.IsMap()) continue;
    for (const cfn::Entry& e : vars.node->entries) {
      EnvVar ev{e.key.text, vars.OriginOf(e.key_range), values_.Convert(vars.Value(e))};
      auto same = [&](const EnvVar& x) { return x.name == ev.name; };
      f.environment.erase(std::remove_if(f.environment.begin(), f.environment.end(), same),
                          f.environment.end());
      f.environment.push_back(std::move(ev));
    }
  }
  if (const At vpc = Prop(r, "VpcConfig", sam)) {
    f.vpc_config = values_.Convert(vpc);
    const Value* subnets = f.vpc_config.Get("SubnetIds");
    f.has_vpc = f.vpc_config.kind == Value::Kind::kMap
                    ? !(subnets && subnets->kind == Value::Kind::kList && subnets->items.empty())
                    : f.vpc_config.kind == Value::Kind::kUnknown;
  }
  if (const At role = p.Get("Role")) {
    f.role = values_.Convert(role);
  } else if (sam) {
    // SAM creates <Function>Role from the function's Policies.
    Role role;
    role.id = scope_.NodeId(r.logical_id + "Role");
    role.type = "AWS::IAM::Role";
    role.flavor = scope_.flavor;
    const cfn::Entry* policies = p.Find("Policies");
    role.origin = policies ? p.OriginOf(policies->key_range) : f.origin;
    role.construct_path = f.construct_path;
    role.managed_policy_arns.push_back(ValueBuilder::Synthetic(
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", role.origin));
    ReadSamPolicies(values_, p.Get("Policies"), &role, &graph_->policy_errors);
    Reference ref;
    ref.node = role.id;
    ref.attribute = "Arn";
    ref.origin = role.origin;
    ref.text = r.logical_id + "Role.Arn";
    f.role.origin = role.origin;
    f.role.text = ref.text;
    f.role.references.push_back(std::move(ref));
    f.role.via.push_back("the role SAM creates for " + r.logical_id);
    graph_->roles.push_back(std::move(role));
  }
  MarkEnvironmentSecrets(f, &graph_->secret_spans);
  graph_->functions.push_back(std::move(f));
}

void CfnBuilder::AddRole(const Resource& r) {
  Role role;
  FillNode(&role, r);
  const At p = r.properties;
  if (const At policies = p.Get("Policies"); policies.IsList()) {
    for (size_t i = 0; i < policies.node->items.size(); ++i) {
      ReadPolicyDocument(values_, policies.Item(i).Get("PolicyDocument"), &role.statements,
                         &graph_->policy_errors);
    }
  }
  role.managed_policy_arns = values_.Items(p.Get("ManagedPolicyArns"));
  const Value name = values_.Convert(p.Get("RoleName"));
  if (name.is_literal_string()) role_names_[Lower(name.text)] = role.id;
  graph_->roles.push_back(std::move(role));
}

void CfnBuilder::AddPolicy(const Resource& r) {
  Policy pol;
  FillNode(&pol, r);
  const At p = r.properties;
  ReadPolicyDocument(values_, p.Get("PolicyDocument"), &pol.statements, &graph_->policy_errors);
  policy_roles_.push_back(PolicyRoles{pol.id, values_.Items(p.Get("Roles"))});
  graph_->policies.push_back(std::move(pol));
}

SecurityGroupRule CfnBuilder::RuleFrom(At rule, bool ingress) const {
  SecurityGroupRule s;
  s.ingress = ingress;
  s.from_port = values_.Convert(rule.Get("FromPort"));
  s.to_port = values_.Convert(rule.Get("ToPort"));
  s.protocol = values_.Convert(rule.Get("IpProtocol"));
  if (const At cidr = rule.Get("CidrIp")) s.cidr_blocks.push_back(values_.Convert(cidr));
  if (const At cidr = rule.Get("CidrIpv6")) s.ipv6_cidr_blocks.push_back(values_.Convert(cidr));
  return s;
}

void CfnBuilder::AddSecurityGroup(const Resource& r) {
  for (const bool ingress : {true, false}) {
    const char* key = ingress ? "SecurityGroupIngress" : "SecurityGroupEgress";
    const At rules = r.properties.Get(key);
    if (!rules.IsList()) continue;
    for (size_t i = 0; i < rules.node->items.size(); ++i) {
      const At rule = rules.Item(i);
      if (!rule.IsMap()) continue;
      SecurityGroupRule s = RuleFrom(rule, ingress);
      s.id = scope_.NodeId(r.logical_id) + "." + key + "[" + std::to_string(i) + "]";
      s.type = ingress ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress";
      s.flavor = scope_.flavor;
      s.origin = rule.origin();
      s.construct_path = r.construct_path;
      Reference group;
      group.node = scope_.NodeId(r.logical_id);
      group.origin = r.resource.OriginOf(r.key_range);
      group.text = r.logical_id;
      s.security_group.origin = group.origin;
      s.security_group.text = r.logical_id;
      s.security_group.references.push_back(std::move(group));
      graph_->security_group_rules.push_back(std::move(s));
    }
  }
}

void CfnBuilder::AddSecurityGroupRule(const Resource& r, bool ingress) {
  SecurityGroupRule s = RuleFrom(r.properties, ingress);
  FillNode(&s, r);
  s.security_group = values_.Convert(r.properties.Get("GroupId"));
  graph_->security_group_rules.push_back(std::move(s));
}

void CfnBuilder::Link() {
  for (const TargetGroup& g : target_groups_) {
    for (const Reference& pr : Targets(g.proxy, proxy_names_)) {
      Proxy* proxy = FindById(graph_->proxies, pr.node);
      if (!proxy) continue;
      for (const Value& t : g.targets) {
        std::vector<Reference> found = Targets(t, db_identifiers_);
        if (found.empty()) {
          // A DB of another stack: kept as written, it resolves to nothing.
          Reference unknown;
          unknown.origin = t.origin;
          unknown.text = t.text;
          found.push_back(std::move(unknown));
        }
        proxy->targets.push_back(std::move(found.front()));
      }
    }
  }
  for (PendingRotation& p : rotations_) {
    for (const Reference& sr : Targets(p.secret, secret_names_)) {
      if (Secret* s = FindById(graph_->secrets, sr.node)) s->rotation = p.rotation;
    }
  }
  for (const Attachment& a : attachments_) {
    for (const Reference& sr : Targets(a.secret, secret_names_)) {
      Secret* s = FindById(graph_->secrets, sr.node);
      if (!s) continue;
      s->is_db_credential = true;
      for (Reference& t : Targets(a.target, db_identifiers_)) s->databases.push_back(std::move(t));
    }
  }
  // Secrets a DB takes its password from, or a proxy authenticates with.
  auto credential = [&](const Value& v) {
    for (const Reference& r : v.references) {
      if (Secret* s = FindById(graph_->secrets, r.node)) s->is_db_credential = true;
    }
  };
  for (const Database& d : graph_->databases) credential(d.password);
  for (const Proxy& x : graph_->proxies) {
    for (const ProxyAuth& a : x.auth) credential(a.secret);
  }
  // Standalone policies name their roles; roles name managed policies.
  for (PolicyRoles& pr : policy_roles_) {
    Policy* pol = FindById(graph_->policies, pr.policy_id);
    if (!pol) continue;
    for (const Value& v : pr.roles) {
      for (Reference& ref : Targets(v, role_names_)) {
        if (Role* role = FindById(graph_->roles, ref.node)) {
          role->statements.insert(role->statements.end(), pol->statements.begin(), pol->statements.end());
          pol->roles.push_back(std::move(ref));
        }
      }
    }
  }
  for (Role& role : graph_->roles) {
    for (const Value& arn : role.managed_policy_arns) {
      for (const Reference& ref : arn.references) {
        Policy* pol = FindById(graph_->policies, ref.node);
        if (!pol) continue;
        const bool attached = std::any_of(pol->roles.begin(), pol->roles.end(),
                                          [&](const Reference& r) { return r.node == role.id; });
        if (attached) continue;
        role.statements.insert(role.statements.end(), pol->statements.begin(), pol->statements.end());
        Reference back;
        back.node = role.id;
        back.origin = arn.origin;
        back.text = role.id.substr(role.id.find('#') + 1);
        pol->roles.push_back(std::move(back));
      }
    }
  }
}

}  // namespace rdslint::iac::internal
