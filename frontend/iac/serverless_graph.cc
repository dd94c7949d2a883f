#include "frontend/iac/serverless_graph.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "frontend/iac/cfn_builder.h"
#include "frontend/iac/cfn_values.h"
#include "frontend/iac/iam_policies.h"

namespace rdslint::iac {
namespace {

using internal::At;
using internal::SourceFile;
using internal::ValueBuilder;

constexpr size_t kMaxIncludedFiles = 32;
constexpr int kMaxDerefDepth = 16;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view Unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

// The "}" closing the "${" at `open` (variables nest), or npos.
size_t MatchClose(std::string_view t, size_t open) {
  int depth = 0;
  for (size_t k = open; k < t.size(); ++k) {
    if (t[k] == '$' && k + 1 < t.size() && t[k + 1] == '{') {
      ++depth;
      ++k;
    } else if (t[k] == '}' && --depth == 0) {
      return k;
    }
  }
  return std::string_view::npos;
}

// "a, 'b, c', ${x, y}" -> "a", "'b, c'", "${x, y}".
std::vector<std::string_view> SplitTopLevel(std::string_view e) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < e.size(); ++i) {
    const char c = e[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{' || c == '(') {
      ++depth;
    } else if (c == '}' || c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(Trim(e.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(Trim(e.substr(start)));
  return out;
}

// source(param):address, as in self:custom.db, file(./db.yml):host,
// ssm(us-east-1):/app/db.
struct VarExpr {
  std::string source;
  std::string param;
  std::string address;
  bool ok = false;
};

VarExpr ParseVar(std::string_view e) {
  VarExpr v;
  e = Trim(e);
  size_t i = 0;
  while (i < e.size() && IsAlnum(e[i])) ++i;
  if (i == 0) return v;
  v.source = std::string(e.substr(0, i));
  if (i < e.size() && e[i] == '(') {
    const size_t close = e.find(')', i);
    if (close == std::string_view::npos) return v;
    v.param = std::string(Unquote(Trim(e.substr(i + 1, close - i - 1))));
    i = close + 1;
    if (i == e.size()) {
      v.ok = true;
      return v;
    }
  }
  // "AWS::Region" is CloudFormation's, not a variable.
  if (i >= e.size() || e[i] != ':' || (i + 1 < e.size() && e[i + 1] == ':')) return v;
  v.address = std::string(Trim(e.substr(i + 1)));
  v.ok = true;
  return v;
}

bool LooksLikeVariable(std::string_view expr) {
  const std::vector<std::string_view> parts = SplitTopLevel(expr);
  return ParseVar(parts.front()).ok;
}

// Where a variable's text stands: its expression starts at text[offset].
struct Located {
  const MappedText* text = nullptr;
  size_t offset = 0;
  const SourceFile* file = nullptr;
};

// What an unresolved variable still tells.
struct Unresolved {
  std::vector<std::string> via;
  bool deploy_time_secret = false;
};

class ServerlessReader : public internal::StringVariables {
 public:
  ServerlessReader(std::string_view path, std::string_view text, const ReadServiceFile& read,
                   std::vector<GraphProblem>* problems)
      : read_(read),
        problems_(problems),
        main_(std::make_unique<SourceFile>(std::string(path), std::string(text),
                                           cfn::ParseOptions{cfn::Syntax::kYaml, true})),
        values_(scope_, problems, 4 * main_->doc.size() + 20000) {
    scope_.path = std::string(path);
    scope_.flavor = Flavor::kServerless;
    values_.set_variables(this);
  }

  bool Run(Graph* graph);

  void Append(ValueBuilder& b, Value* out, const MappedText& text, size_t begin, size_t end,
              const SourceFile& file) override;
  std::optional<Value> Whole(ValueBuilder& b, At scalar) override;

 private:
  void Report(const SourceFile& file) {
    for (const cfn::Error& e : file.doc.errors) {
      problems_->push_back(GraphProblem{Origin{file.path, e.range}, e.message});
    }
  }
  // `at`, when known, lets a literal fallback map onto its own bytes.
  std::optional<Value> Resolve(ValueBuilder& b, std::string_view expr, const Origin& where,
                               Unresolved* u, const Located* at = nullptr);
  std::optional<Value> ResolveSource(ValueBuilder& b, const VarExpr& v, const Origin& where,
                                     Unresolved* u);
  // Nested variables in an address ("custom.${opt:stage, 'dev'}.db") as
  // their literal text; false when one is not a literal.
  bool ExpandInner(ValueBuilder& b, std::string_view expr, const Origin& where, std::string* out);
  // A scalar that is exactly ${self:...}, ${file(...)} or ${param:...}
  // stands for the node it names.
  At Deref(At n);
  At ResolveNode(std::string_view expr, const Origin& where);
  At Navigate(At start, std::string_view address);
  At LoadFile(const std::string& relative);
  At Param(std::string_view name);
  std::string Stage();
  Value RoleValue(At role);
  Value Hole(const Origin& where, std::string_view written, Unresolved u, const SourceFile& file);

  void AddFunction(const std::string& name, At def, Origin origin, At provider, Graph* local,
                   bool* uses_default_role);
  void AddDefaultRole(At provider, Graph* local);

  const ReadServiceFile& read_;
  std::vector<GraphProblem>* problems_;
  std::unique_ptr<SourceFile> main_;
  internal::TemplateScope scope_;
  ValueBuilder values_;
  At root_;
  std::map<std::string, std::unique_ptr<SourceFile>> included_;
  std::set<std::string> active_;  // variables being resolved (cycles)
  std::vector<GraphSource> sources_;  // the files read
  int deref_depth_ = 0;
};

std::optional<Value> ServerlessReader::Whole(ValueBuilder& b, At scalar) {
  const std::string& t = scalar.Text();
  if (t.size() < 3 || t[0] != '$' || t[1] != '{' || MatchClose(t, 0) != t.size() - 1) return std::nullopt;
  const std::string_view expr(t.data() + 2, t.size() - 3);
  if (!LooksLikeVariable(expr)) return std::nullopt;
  Unresolved u;
  const Located at{&scalar.node->text, 2, scalar.file};
  std::optional<Value> v = Resolve(b, expr, scalar.origin(), &u, &at);
  if (v) return v;
  return Hole(scalar.origin(), t, std::move(u), *scalar.file);
}

Value ServerlessReader::Hole(const Origin& where, std::string_view written, Unresolved u,
                             const SourceFile& file) {
  Value v = ValueBuilder::EmptyString(where);
  Value piece;
  piece.origin = where;
  piece.text = std::string(written);
  piece.via = std::move(u.via);
  piece.deploy_time_secret = u.deploy_time_secret;
  ValueBuilder::AppendValue(&v, piece, written);
  if (std::string_view(file.text).substr(where.range.begin, where.range.size()) == written) {
    v.segments.back().verbatim = true;
  }
  return v;
}

void ServerlessReader::Append(ValueBuilder& b, Value* out, const MappedText& text, size_t begin,
                              size_t end, const SourceFile& file) {
  const std::string& t = text.text;
  size_t i = begin;
  while (i < end) {
    const size_t open = t.find("${", i);
    const size_t close = open < end ? MatchClose(t, open) : std::string::npos;
    if (open >= end || close == std::string::npos || close >= end) {
      b.AppendLiteral(out, text, i, end, file);
      return;
    }
    b.AppendLiteral(out, text, i, open, file);
    const std::string_view expr(t.data() + open + 2, close - open - 2);
    const std::string_view written(t.data() + open, close + 1 - open);
    if (!LooksLikeVariable(expr)) {  // CloudFormation's ${AWS::Region}, ${Db.Arn} in Fn::Sub
      b.AppendLiteral(out, text, open, close + 1, file);
      i = close + 1;
      continue;
    }
    const Origin where{file.path, text.ToSource(static_cast<uint32_t>(open), static_cast<uint32_t>(close + 1))};
    Unresolved u;
    const Located at{&text, open + 2, &file};
    if (std::optional<Value> v = Resolve(b, expr, where, &u, &at)) {
      ValueBuilder::AppendValue(out, *v, written);
    } else {
      Value hole = Hole(where, written, std::move(u), file);
      ValueBuilder::AppendValue(out, hole);
    }
    i = close + 1;
  }
}

bool ServerlessReader::ExpandInner(ValueBuilder& b, std::string_view expr, const Origin& where,
                                   std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < expr.size()) {
    const size_t open = expr.find("${", i);
    if (open == std::string_view::npos) break;
    const size_t close = MatchClose(expr, open);
    if (close == std::string_view::npos) return false;
    out->append(expr.substr(i, open - i));
    Unresolved u;
    std::optional<Value> v = Resolve(b, expr.substr(open + 2, close - open - 2), where, &u);
    if (!v || !(v->is_literal_string() || v->kind == Value::Kind::kNumber)) return false;
    out->append(v->text);
    i = close + 1;
  }
  out->append(expr.substr(i));
  return true;
}

std::optional<Value> ServerlessReader::Resolve(ValueBuilder& b, std::string_view expr,
                                               const Origin& where, Unresolved* u,
                                               const Located* at) {
  if (!b.Enter()) return std::nullopt;
  struct Leave {
    ValueBuilder& b;
    ~Leave() { b.Leave(); }
  } leave{b};
  std::string expanded;
  if (!ExpandInner(b, expr, where, &expanded)) {
    u->via.push_back("${" + std::string(expr) + "} (its name is computed from unknown variables)");
    return std::nullopt;
  }
  const std::vector<std::string_view> parts = SplitTopLevel(expanded);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (i > 0) {
      // A fallback: a literal, or another variable.
      if (!part.empty() && (part.front() == '\'' || part.front() == '"')) {
        const std::string_view literal = Unquote(part);
        Value v = ValueBuilder::Synthetic(std::string(literal), where);
        if (at && expanded == expr && literal.size() + 2 == part.size()) {
          // Written in the file: map it byte for byte.
          const size_t b0 = at->offset + static_cast<size_t>(part.data() - expanded.data()) + 1;
          v = ValueBuilder::EmptyString(where);
          b.AppendLiteral(&v, *at->text, b0, b0 + literal.size(), *at->file);
        }
        v.via = u->via;
        v.via.push_back("fallback of ${" + std::string(parts.front()) + "}");
        return v;
      }
      if (!part.empty() && ((part[0] >= '0' && part[0] <= '9') || part[0] == '-')) {
        Value v;
        v.kind = Value::Kind::kNumber;
        v.text = std::string(part);
        v.origin = where;
        v.via.push_back("fallback of ${" + std::string(parts.front()) + "}");
        return v;
      }
      if (StartsWith(part, "${") && part.back() == '}') part = part.substr(2, part.size() - 3);
    }
    const VarExpr v = ParseVar(part);
    if (!v.ok) continue;
    const std::string key(part);
    if (!active_.insert(key).second) {
      u->via.push_back("${" + key + "} refers to itself");
      continue;
    }
    std::optional<Value> value = ResolveSource(b, v, where, u);
    active_.erase(key);
    if (value) return value;
  }
  return std::nullopt;
}

std::optional<Value> ServerlessReader::ResolveSource(ValueBuilder& b, const VarExpr& v,
                                                     const Origin& where, Unresolved* u) {
  const std::string name = v.source + (v.param.empty() ? "" : "(" + v.param + ")") + ":" + v.address;
  auto found = [&](At target, const std::string& what) -> std::optional<Value> {
    if (!target) {
      u->via.push_back(what + " is not defined");
      return std::nullopt;
    }
    Value val = b.Convert(target);
    val.via.push_back(what + " (" + target.file->Where(target.node->range.begin) + ")");
    return val;
  };
  if (v.source == "self") return found(Navigate(root_, v.address), "self:" + v.address);
  if (v.source == "file") {
    if (EndsWith(v.param, ".js") || EndsWith(v.param, ".ts") || EndsWith(v.param, ".cjs") ||
        EndsWith(v.param, ".mjs")) {
      u->via.push_back("file(" + v.param + ") (computed by JavaScript, not read)");
      return std::nullopt;
    }
    At file = LoadFile(v.param);
    if (!file) {
      u->via.push_back("file(" + v.param + ") (not read)");
      return std::nullopt;
    }
    return found(Navigate(file, v.address), "file(" + v.param + ")" + (v.address.empty() ? "" : ":" + v.address));
  }
  if (v.source == "param") return found(Param(v.address), "param:" + v.address);
  if (v.source == "sls" && v.address == "stage") {
    Value stage = ValueBuilder::Synthetic(Stage(), where);
    stage.via.push_back("sls:stage");
    return stage;
  }
  if (v.source == "ssm") {
    // "${ssm:/aws/reference/secretsmanager/prod/db}" reads a Secrets Manager
    // secret when the service is deployed.
    if (v.address.find("/aws/reference/secretsmanager/") != std::string::npos) {
      u->deploy_time_secret = true;
    }
    u->via.push_back("ssm:" + v.address + " (read from SSM when the service is deployed)");
    return std::nullopt;
  }
  if (v.source == "env") {
    u->via.push_back("env:" + v.address + " (from the environment of the deploy)");
  } else if (v.source == "opt") {
    u->via.push_back("opt:" + v.address + " (a command-line option of the deploy)");
  } else {
    u->via.push_back(name + " (resolved by the Serverless Framework at deploy time)");
  }
  return std::nullopt;
}

At ServerlessReader::Deref(At n) {
  if (!n.IsScalar()) return n;
  const std::string& t = n.Text();
  if (t.size() < 3 || t[0] != '$' || t[1] != '{' || MatchClose(t, 0) != t.size() - 1) return n;
  if (deref_depth_ >= kMaxDerefDepth) return n;
  ++deref_depth_;
  At target = ResolveNode(std::string_view(t).substr(2, t.size() - 3), n.origin());
  --deref_depth_;
  return target ? target : n;
}

At ServerlessReader::ResolveNode(std::string_view expr, const Origin& where) {
  std::string expanded;
  if (!ExpandInner(values_, expr, where, &expanded)) return {};
  const VarExpr v = ParseVar(SplitTopLevel(expanded).front());
  if (!v.ok || !active_.insert(expanded).second) return {};
  At out;
  if (v.source == "self") {
    out = Navigate(root_, v.address);
  } else if (v.source == "file") {
    if (At file = LoadFile(v.param)) out = Navigate(file, v.address);
  } else if (v.source == "param") {
    out = Param(v.address);
  }
  active_.erase(expanded);
  return out;
}

At ServerlessReader::Navigate(At start, std::string_view address) {
  At cur = Deref(start);
  while (cur && !address.empty()) {
    const size_t dot = address.find('.');
    const std::string step(address.substr(0, dot));
    address = dot == std::string_view::npos ? std::string_view() : address.substr(dot + 1);
    if (cur.IsList()) {
      bool digits = !step.empty() && step.size() < 9;
      for (char c : step) digits = digits && c >= '0' && c <= '9';
      cur = digits ? cur.Item(std::stoul(step)) : At{};
    } else {
      cur = cur.Get(step);
    }
    cur = Deref(cur);
  }
  return cur;
}

At ServerlessReader::LoadFile(const std::string& relative) {
  std::string rel = relative;
  while (StartsWith(rel, "./")) rel = rel.substr(2);
  auto it = included_.find(rel);
  if (it != included_.end()) return it->second ? At{it->second.get(), it->second->doc.root()} : At{};
  std::string path, text;
  if (!read_ || included_.size() >= kMaxIncludedFiles || !read_(rel, &path, &text)) {
    included_[rel] = nullptr;
    return {};
  }
  const bool json = EndsWith(rel, ".json");
  auto file = std::make_unique<SourceFile>(
      path, std::move(text), cfn::ParseOptions{json ? cfn::Syntax::kJson : cfn::Syntax::kYaml, true});
  Report(*file);
  sources_.push_back(GraphSource{file->path, TextFingerprint(file->text)});
  At root{file.get(), file->doc.root()};
  included_[rel] = std::move(file);
  return root;
}

std::string ServerlessReader::Stage() {
  const Value stage = values_.Convert(Deref(root_.Get("provider")).Get("stage"));
  return stage.is_literal_string() && !stage.text.empty() ? stage.text : "dev";
}

At ServerlessReader::Param(std::string_view name) {
  const std::string stage = Stage();
  const std::string key(name);
  // v4 (and v3 with the dashboard): stages.<stage>.params, then
  // stages.default.params; the older top-level params: block the same way.
  const At stages = Deref(root_.Get("stages"));
  for (const std::string& s : {stage, std::string("default")}) {
    if (At v = Deref(Deref(Deref(stages.Get(s)).Get("params")).Get(key))) return v;
  }
  const At params = Deref(root_.Get("params"));
  for (const std::string& s : {stage, std::string("default")}) {
    if (At v = Deref(Deref(params.Get(s)).Get(key))) return v;
  }
  return {};
}

Value ServerlessReader::RoleValue(At role) {
  role = Deref(role);
  // A plain name is the logical id of a role in resources:, an ARN is
  // external.
  if (role.IsScalar() && !StartsWith(role.Text(), "arn:") && role.Text().find("${") == std::string::npos) {
    Value v = values_.Unknown(role);
    v.references.push_back(values_.MakeReference(role, role.Text(), "Arn", role.Text()));
    return v;
  }
  return values_.Convert(role);
}

void ServerlessReader::AddFunction(const std::string& name, At def, Origin origin, At provider,
                                   Graph* local, bool* uses_default_role) {
  Function f;
  f.id = scope_.path + "#functions." + name;
  f.type = "AWS::Lambda::Function";
  f.flavor = Flavor::kServerless;
  f.origin = std::move(origin);
  def = Deref(def);
  auto either = [&](const char* key) {
    const At own = def.Get(key);
    return own ? own : provider.Get(key);
  };
  f.handler = values_.Convert(def.Get("handler"));
  f.runtime = values_.Convert(either("runtime"));
  if (const At arch = either("architecture")) {
    f.architectures.kind = Value::Kind::kList;
    f.architectures.origin = arch.origin();
    f.architectures.items.push_back(values_.Convert(arch));
  }
  if (const At image = def.Get("image")) f.code_path = values_.Convert(image);
  for (const At& env : {Deref(provider.Get("environment")), Deref(def.Get("environment"))}) {
    if (!env.IsMap()) continue;
    for (const cfn::Entry& e : env.node->entries) {
      EnvVar ev{e.key.text, env.OriginOf(e.key_range), values_.Convert(env.Value(e))};
      for (auto it = f.environment.begin(); it != f.environment.end(); ++it) {
        if (it->name == ev.name) {
          f.environment.erase(it);
          break;
        }
      }
      f.environment.push_back(std::move(ev));
    }
  }
  const cfn::Entry* own_vpc = def.Find("vpc");
  const At vpc = Deref(own_vpc ? def.Value(*own_vpc) : provider.Get("vpc"));
  if (vpc) {
    f.vpc_config = values_.Convert(vpc);
    const Value* subnets = f.vpc_config.Get("subnetIds");
    f.has_vpc = f.vpc_config.kind == Value::Kind::kMap
                    ? !(subnets && subnets->kind == Value::Kind::kList && subnets->items.empty())
                    : f.vpc_config.kind == Value::Kind::kUnknown;
  }
  const At iam_role = Deref(Deref(provider.Get("iam")).Get("role"));
  if (const At role = def.Get("role")) {
    f.role = RoleValue(role);
  } else if (iam_role && !iam_role.IsMap()) {
    f.role = RoleValue(iam_role);
  } else if (const At old = provider.Get("role")) {
    f.role = RoleValue(old);
  } else {
    *uses_default_role = true;
    Reference r;
    r.node = scope_.NodeId("IamRoleLambdaExecution");
    r.attribute = "Arn";
    r.origin = f.origin;
    r.text = "IamRoleLambdaExecution.Arn";
    f.role.origin = f.origin;
    f.role.text = r.text;
    f.role.references.push_back(std::move(r));
    f.role.via.push_back("the role the Serverless Framework creates for the service");
  }
  internal::CfnBuilder::MarkEnvironmentSecrets(f, &local->secret_spans);
  local->functions.push_back(std::move(f));
}

void ServerlessReader::AddDefaultRole(At provider, Graph* local) {
  Role role;
  role.id = scope_.NodeId("IamRoleLambdaExecution");
  role.type = "AWS::IAM::Role";
  role.flavor = Flavor::kServerless;
  const At iam = Deref(provider.Get("iam"));
  const At iam_role = Deref(iam.Get("role"));
  const cfn::Entry* at = provider.Find("iam");
  if (!at) at = provider.Find("iamRoleStatements");
  role.origin = at ? provider.OriginOf(at->key_range) : provider.origin();
  internal::ReadStatements(values_, Deref(iam_role.Get("statements")), &role.statements,
                           &local->policy_errors);
  internal::ReadStatements(values_, Deref(provider.Get("iamRoleStatements")), &role.statements,
                           &local->policy_errors);
  for (const At& list : {Deref(iam_role.Get("managedPolicies")), Deref(provider.Get("iamManagedPolicies"))}) {
    for (Value& v : values_.Items(list)) role.managed_policy_arns.push_back(std::move(v));
  }
  local->roles.push_back(std::move(role));
}

bool ServerlessReader::Run(Graph* graph) {
  graph->sources.push_back(GraphSource{main_->path, TextFingerprint(main_->text)});
  if (!main_->doc.parsed()) {
    Report(*main_);
    internal::MarkLikelySecrets(main_->path, main_->text, &graph->secret_spans);
    return true;
  }
  root_ = At{main_.get(), main_->doc.root()};
  if (!root_.IsMap()) {
    graph->sources.pop_back();
    return false;
  }
  Report(*main_);
  const At provider = Deref(root_.Get("provider"));
  const Value name = provider.IsScalar() ? values_.Convert(provider) : values_.Convert(provider.Get("name"));
  if (!name.is_literal_string() || name.text != "aws") {  // a service, not on AWS
    for (GraphSource& s : sources_) graph->sources.push_back(std::move(s));
    return true;
  }

  // Every function, and the logical ids CloudFormation resources may use
  // for them.
  struct Fn {
    std::string name;
    At def;
    Origin origin;
  };
  std::vector<Fn> functions;
  std::vector<At> groups;
  const At fns = Deref(root_.Get("functions"));
  if (fns.IsMap()) {
    groups.push_back(fns);
  } else if (fns.IsList()) {
    for (size_t i = 0; i < fns.node->items.size(); ++i) groups.push_back(Deref(fns.Item(i)));
  }
  for (const At& g : groups) {
    if (!g.IsMap()) continue;
    for (const cfn::Entry& e : g.node->entries) {
      functions.push_back(Fn{e.key.text, g.Value(e), g.OriginOf(e.key_range)});
      scope_.implicit[ServerlessFunctionLogicalId(e.key.text)] = scope_.path + "#functions." + e.key.text;
    }
  }
  scope_.implicit["IamRoleLambdaExecution"] = scope_.NodeId("IamRoleLambdaExecution");

  // resources: is CloudFormation: a map, or a list of maps and included files.
  const At resources = Deref(root_.Get("resources"));
  std::vector<At> fragments;
  if (resources.IsMap()) {
    fragments.push_back(resources);
  } else if (resources.IsList()) {
    for (size_t i = 0; i < resources.node->items.size(); ++i) fragments.push_back(Deref(resources.Item(i)));
  }
  for (const At& f : fragments) {
    if (f.IsMap()) internal::DeclareTemplate(f, &scope_);
  }

  Graph local;
  bool uses_default_role = false;
  for (const Fn& f : functions) AddFunction(f.name, f.def, f.origin, provider, &local, &uses_default_role);
  const bool has_statements = Deref(Deref(provider.Get("iam")).Get("role")).IsMap() ||
                              provider.Get("iamRoleStatements");
  if (uses_default_role || (functions.empty() && has_statements)) AddDefaultRole(provider, &local);

  internal::CfnBuilder builder(scope_, values_, &local);
  builder.Build();
  builder.Link();
  local.sources = std::move(sources_);
  graph->Merge(std::move(local));
  return true;
}

}  // namespace

std::string ServerlessFunctionLogicalId(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-') {
      out += "Dash";
    } else if (c == '_') {
      out += "Underscore";
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out + "LambdaFunction";
}

bool AddServerlessConfig(std::string_view path, std::string_view text, const ReadServiceFile& read,
                         Graph* graph, std::vector<GraphProblem>* problems) {
  std::vector<GraphProblem> ignored;
  ServerlessReader reader(path, text, read, problems ? problems : &ignored);
  return reader.Run(graph);
}

}  // namespace rdslint::iac
