#include "frontend/script/code_facts.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace rdslint::script {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

TSNode Strip(TSNode n) {
  while (Is(n, "parenthesized_expression") || Is(n, "non_null_expression") ||
         Is(n, "as_expression") || Is(n, "satisfies_expression") || Is(n, "await_expression") ||
         Is(n, "await")) {
    TSNode inner = FirstNamedChild(n);
    if (IsNull(inner)) break;
    n = inner;
  }
  return n;
}

// "pg.default.Pool" -> "pg.Pool": default exports of CommonJS modules.
std::string Normalize(std::string q) {
  for (size_t at; (at = q.find(".default")) != std::string::npos;) q.erase(at, 8);
  if (q.rfind("node:", 0) == 0) q.erase(0, 5);
  return q;
}

std::string_view LastSegment(std::string_view q) {
  const size_t dot = q.rfind('.');
  return dot == std::string_view::npos ? q : q.substr(dot + 1);
}

bool IsStrongMode(std::string_view m) {
  return m == "require" || m == "verify-ca" || m == "verify-full";
}

// The bytes between a string literal's quotes (no substitutions), or an
// empty range.
SourceRange LiteralContent(const SyntaxTree& tree, TSNode n) {
  n = Strip(n);
  if (Is(n, "string") && !tree.python()) {
    const SourceRange r = RangeOf(n);
    return r.size() >= 2 ? SourceRange{r.begin + 1, r.end - 1} : SourceRange{};
  }
  if (Is(n, "template_string")) {
    for (TSNode c : NamedChildren(n)) {
      if (Is(c, "template_substitution")) return {};
    }
    const SourceRange r = RangeOf(n);
    return r.size() >= 2 ? SourceRange{r.begin + 1, r.end - 1} : SourceRange{};
  }
  if (Is(n, "string") && tree.python()) {
    TSNode start{}, end{};
    const uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_child(n, i);
      if (Is(c, "string_start")) start = c;
      else if (Is(c, "string_end")) end = c;
      else if (Is(c, "interpolation")) return {};
    }
    if (IsNull(start) || IsNull(end)) return {};
    return SourceRange{ts_node_end_byte(start), ts_node_start_byte(end)};
  }
  return {};
}

Tls TlsOfValue(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kBool:
      return v.boolean ? Tls::kOn : Tls::kOff;
    case Value::Kind::kNull:
      return Tls::kUnset;
    case Value::Kind::kString: {
      if (!v.holes.empty()) return Tls::kDynamic;
      const std::string m = v.text;
      if (IsStrongMode(m) || m == "true" || m == "1") return Tls::kOn;
      if (m == "prefer" || m == "allow") return Tls::kWeak;
      if (m == "disable" || m == "false" || m == "0") return Tls::kOff;
      if (m == "no-verify") return Tls::kUnverified;
      return Tls::kDynamic;
    }
    case Value::Kind::kObject: {
      const Value* reject = v.Get("rejectUnauthorized");
      if (reject && reject->kind == Value::Kind::kBool && !reject->boolean) return Tls::kUnverified;
      const Value* require = v.Get("require");
      if (require && require->kind == Value::Kind::kBool && !require->boolean) return Tls::kOff;
      return Tls::kOn;
    }
    default:
      return Tls::kDynamic;
  }
}

}  // namespace

std::string_view LibraryName(Library library) {
  switch (library) {
    case Library::kPg: return "node-postgres";
    case Library::kPrismaPg: return "@prisma/adapter-pg";
    case Library::kPostgresJs: return "postgres.js";
    case Library::kKnex: return "Knex";
    case Library::kSequelize: return "Sequelize";
    case Library::kTypeOrm: return "TypeORM";
    case Library::kPrismaClient: return "PrismaClient";
    case Library::kPsycopg2: return "psycopg2";
    case Library::kPsycopg: return "psycopg";
    case Library::kAsyncpg: return "asyncpg";
    case Library::kSqlAlchemy: return "SQLAlchemy";
    case Library::kPg8000: return "pg8000";
  }
  return "client";
}

bool IsPasswordName(std::string_view name) {
  const std::string n = Lower(name);
  return n.find("password") != std::string::npos || n.find("passwd") != std::string::npos ||
         EndsWith(n, "pwd") || n == "pass" || EndsWith(n, "dbpass") || n == "pw";
}

bool IsSecretName(std::string_view name) {
  if (IsPasswordName(name)) return true;
  const std::string n = Lower(name);
  if (n.find("secret") != std::string::npos) {
    // SecretId, secretArn, SECRET_NAME name a secret; they are not one.
    return !(EndsWith(n, "id") || EndsWith(n, "arn") || EndsWith(n, "name") ||
             EndsWith(n, "ids") || EndsWith(n, "string") || EndsWith(n, "client") ||
             EndsWith(n, "manager") || EndsWith(n, "command"));
  }
  return EndsWith(n, "token") || n.find("apikey") != std::string::npos ||
         n.find("privatekey") != std::string::npos;
}

bool CodeUrl::HostFromDeployment() const {
  if (!conn.host.present && conn.host.range.empty()) return false;
  for (const Hole& h : value->holes) {
    if (h.begin < conn.host.range.end && conn.host.range.begin < h.end) {
      if (h.taint.secret() || h.taint.env()) return true;
    }
  }
  return false;
}

namespace {

class Gatherer {
 public:
  Gatherer(const SyntaxTree& tree, const FactsOptions& options)
      : tree_(tree), options_(options), scopes_(tree), eval_(tree, scopes_),
        flow_(tree, scopes_, eval_, options.handler_names) {}

  CodeFacts Run() {
    if (!tree_.ok()) return std::move(facts_);
    Walk(tree_, tree_.root(), [&](TSNode n, const std::vector<TSNode>& ancestors) {
      Visit(n, ancestors);
      return true;
    });
    AnalyseStrings();
    Link();
    facts_.handlers = flow_.handlers();
    FindEncoder();
    return std::move(facts_);
  }

 private:
  void Visit(TSNode n, const std::vector<TSNode>& ancestors);
  void VisitCall(TSNode n, const std::vector<TSNode>& ancestors);
  void VisitNew(TSNode n, const std::vector<TSNode>& ancestors);
  void Lifecycle(TSNode n, const std::vector<TSNode>& ancestors, bool disconnect);
  void EnvWriteAt(TSNode target_node, std::string name, ValuePtr value, TSNode at,
                  const std::vector<TSNode>& ancestors);
  void MaskLiteral(TSNode value);
  bool StringBuildingChild(TSNode n, const std::vector<TSNode>& ancestors) const;
  std::string EnvName(TSNode target) ;

  // Client configuration.
  void JsConfig(ClientConfig* c, const Value& obj);
  void PythonKeywords(ClientConfig* c, TSNode call);
  Setting Prop(const Value& obj, std::initializer_list<const char*> keys);
  Setting KeywordSetting(TSNode call, std::initializer_list<const char*> names);
  // The first property or keyword argument named one of `names` anywhere in
  // a call (its arguments, a command object built in place), else in the
  // initializer of the object it is called on (`signer.getAuthToken()` of
  // `new Signer({username})`).
  Setting Named(TSNode call, std::initializer_list<std::string_view> names);
  Setting NamedBelow(TSNode root, std::initializer_list<std::string_view> names);
  void SetTls(ClientConfig* c, const Setting& s);
  void AddClient(ClientConfig c) { facts_.clients.push_back(std::move(c)); }

  void AnalyseStrings();
  void Link();
  void FindEncoder();
  bool HostRemote(const Setting& host);

  const SyntaxTree& tree_;
  const FactsOptions& options_;
  ScopeIndex scopes_;
  Evaluator eval_;
  ControlFlow flow_;
  CodeFacts facts_;
  std::vector<TSNode> candidates_;
  std::vector<SourceRange> absorbed_;  // URL.create calls read as part of create_engine
};

bool Gatherer::StringBuildingChild(TSNode n, const std::vector<TSNode>& ancestors) const {
  if (ancestors.empty()) return false;
  TSNode parent = ancestors.back();
  size_t up = ancestors.size() - 1;
  while (Is(parent, "parenthesized_expression") && up > 0) parent = ancestors[--up];
  if (Is(parent, "template_substitution") || Is(parent, "interpolation") ||
      Is(parent, "concatenated_string")) {
    return true;
  }
  if (Is(parent, "binary_expression") || Is(parent, "binary_operator")) {
    const std::string_view op = tree_.Text(Field(parent, "operator"));
    return op == "+" || op == "%";
  }
  if ((Is(parent, "member_expression") || Is(parent, "attribute")) && up > 0 && IsCall(ancestors[up - 1])) {
    const std::string_view m = tree_.Text(Field(parent, tree_.python() ? "attribute" : "property"));
    return m == "format" || m == "join" || m == "concat";
  }
  if ((Is(parent, "arguments") || Is(parent, "argument_list")) && up > 0) {
    TSNode callee = Field(ancestors[up - 1], "function");
    if (Is(callee, "member_expression") || Is(callee, "attribute")) {
      const std::string_view m = tree_.Text(Field(callee, tree_.python() ? "attribute" : "property"));
      return m == "format" || m == "join" || m == "concat";
    }
  }
  if (Is(parent, "array") || Is(parent, "list") || Is(parent, "tuple")) {
    return true;  // join()ed elsewhere, or not a connection string at all
  }
  return false;
}

void Gatherer::MaskLiteral(TSNode value) {
  const SourceRange r = LiteralContent(tree_, value);
  if (!r.empty()) facts_.secret_literals.push_back(r);
}

void Gatherer::Visit(TSNode n, const std::vector<TSNode>& ancestors) {
  if (!ts_node_is_named(n)) return;
  const NodeKind is(n);

  // Literal secrets, whatever reads them.
  if (is("pair")) {
    TSNode key = Field(n, "key");
    std::string_view k = tree_.Text(key);
    if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'')) k = k.substr(1, k.size() - 2);
    if (IsSecretName(k)) MaskLiteral(Field(n, "value"));
  } else if (is("variable_declarator") || is("public_field_definition") || is("field_definition")) {
    TSNode name = Field(n, is("field_definition") ? "property" : "name");
    if (IsSecretName(tree_.Text(name))) MaskLiteral(Field(n, "value"));
  } else if (is("keyword_argument")) {
    if (IsSecretName(tree_.Text(Field(n, "name")))) MaskLiteral(Field(n, "value"));
  } else if (is("import_statement") || is("import_from_statement")) {
    const std::string_view text = tree_.Text(n);
    if (text.find("@prisma/client") != std::string_view::npos ||
        text.find("PrismaClient") != std::string_view::npos) {
      facts_.imports_prisma = true;
    }
  }

  if (is("assignment_expression") || is("assignment")) {
    TSNode left = Strip(Field(n, "left"));
    TSNode right = Field(n, "right");
    std::string_view leaf;
    if (Is(left, "identifier")) leaf = tree_.Text(left);
    else if (Is(left, "member_expression")) leaf = tree_.Text(Field(left, "property"));
    else if (Is(left, "attribute")) leaf = tree_.Text(Field(left, "attribute"));
    if (!leaf.empty() && IsSecretName(leaf)) MaskLiteral(right);
    const std::string env = EnvName(left);
    if (!env.empty()) EnvWriteAt(left, env, eval_.Evaluate(right), n, ancestors);
  }

  if (is("new_expression")) VisitNew(n, ancestors);
  if (IsCall(is)) VisitCall(n, ancestors);

  // process.env.X / os.environ["X"] reads, for the project rules.
  if ((is("member_expression") || is("subscript_expression") || is("subscript")) &&
      !(ancestors.size() && (Is(ancestors.back(), "member_expression") ||
                             Is(ancestors.back(), "subscript_expression")) &&
        SameNode(Field(ancestors.back(), "object"), n))) {
    const std::string_view text = tree_.Text(n);
    if (text.rfind("process.env", 0) == 0 || text.rfind("os.environ", 0) == 0 ||
        text.rfind("environ[", 0) == 0) {
      const std::string env = EnvName(n);
      const bool written = ancestors.size() &&
                           (Is(ancestors.back(), "assignment_expression") || Is(ancestors.back(), "assignment")) &&
                           SameNode(Field(ancestors.back(), "left"), n);
      if (!env.empty() && !written) facts_.env_reads.push_back(EnvRead{env, RangeOf(n)});
    }
  }

  // Connection strings: each string built in one expression, judged once.
  const bool string_like = is("string") || is("template_string") || is("concatenated_string");
  bool builder = false;
  if (is("binary_expression") || is("binary_operator")) {
    const std::string_view op = tree_.Text(Field(n, "operator"));
    builder = op == "+" || op == "%";
  } else if (IsCall(is)) {
    TSNode callee = Field(n, "function");
    if (Is(callee, "member_expression") || Is(callee, "attribute")) {
      const std::string_view m = tree_.Text(Field(callee, tree_.python() ? "attribute" : "property"));
      builder = m == "format" || m == "join" || m == "concat";
    }
  }
  if ((string_like || builder) && !StringBuildingChild(n, ancestors)) {
    // A literal with nothing interpolated is a candidate only when its own
    // text can hold a connection string; anything built is evaluated.
    bool plain = is("string") || is("template_string");
    for (TSNode c : plain ? NamedChildren(n) : std::vector<TSNode>{}) {
      if (Is(c, "interpolation") || Is(c, "template_substitution")) plain = false;
    }
    const std::string_view text = tree_.Text(n);
    if (!plain || text.find("://") != std::string_view::npos ||
        text.find('=') != std::string_view::npos) {
      candidates_.push_back(n);
    }
  }
}

std::string Gatherer::EnvName(TSNode target) {
  target = Strip(target);
  if (Is(target, "member_expression")) {
    ValuePtr object = eval_.Evaluate(Field(target, "object"));
    if (object->qualified == "process.env") return std::string(tree_.Text(Field(target, "property")));
    return "";
  }
  if (Is(target, "subscript_expression") || Is(target, "subscript")) {
    ValuePtr object = eval_.Evaluate(Field(target, tree_.python() ? "value" : "object"));
    if (object->qualified != "process.env" && object->qualified != "os.environ") return "";
    ValuePtr key = eval_.Evaluate(Field(target, tree_.python() ? "subscript" : "index"));
    return key->is_literal_string() ? key->text : "";
  }
  return "";
}

void Gatherer::EnvWriteAt(TSNode target_node, std::string name, ValuePtr value, TSNode at,
                          const std::vector<TSNode>& ancestors) {
  EnvWrite w;
  w.target = RangeOf(target_node);
  w.name = std::move(name);
  w.value = std::move(value);
  w.once = flow_.OnceAt(at, ancestors);
  facts_.env_writes.push_back(std::move(w));
}

void Gatherer::Lifecycle(TSNode n, const std::vector<TSNode>& ancestors, bool disconnect) {
  PrismaLifecycle p;
  p.disconnect = disconnect;
  p.where = RangeOf(n);
  const int f = scopes_.FunctionAt(ts_node_start_byte(n));
  if (f != kModuleScope && !flow_.GuardOf(n, ancestors)) {
    p.per_invocation = flow_.PerInvocation(f, &p.path);
  }
  facts_.prisma.push_back(std::move(p));
}

Setting Gatherer::Prop(const Value& obj, std::initializer_list<const char*> keys) {
  Setting s;
  if (!obj.is_object()) return s;
  for (const char* k : keys) {
    if (const Property* p = obj.Find(k)) {
      s.present = true;
      s.key = p->key_range;
      s.value = p->value;
    }
  }
  return s;
}

Setting Gatherer::NamedBelow(TSNode root, std::initializer_list<std::string_view> names) {
  std::vector<TSNode> stack = {root};
  auto wanted = [&](std::string_view k) {
    if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'')) k = k.substr(1, k.size() - 2);
    return std::find(names.begin(), names.end(), k) != names.end();
  };
  for (int steps = 0; !stack.empty() && steps < 2000; ++steps) {
    TSNode n = stack.back();
    stack.pop_back();
    TSNode key{}, value{};
    if (Is(n, "pair")) {
      key = Field(n, "key");
      value = Field(n, "value");
    } else if (Is(n, "keyword_argument")) {
      key = Field(n, "name");
      value = Field(n, "value");
    } else if (Is(n, "shorthand_property_identifier")) {
      key = value = n;
    }
    if (!IsNull(key) && !IsNull(value) && wanted(tree_.Text(key))) {
      return Setting{true, RangeOf(key), eval_.Evaluate(value)};
    }
    std::vector<TSNode> children = NamedChildren(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return Setting{};
}

Setting Gatherer::Named(TSNode call, std::initializer_list<std::string_view> names) {
  Setting s = NamedBelow(Field(call, "arguments"), names);
  if (s.present) return s;
  TSNode callee = Strip(Field(call, "function"));
  TSNode receiver = Is(callee, "member_expression") ? Field(callee, "object")
                    : Is(callee, "attribute")        ? Field(callee, "object")
                                                     : TSNode{};
  receiver = Strip(receiver);
  if (IsNull(receiver) || !Is(receiver, "identifier")) return s;
  const Resolution r = scopes_.Resolve(tree_.Text(receiver), ts_node_start_byte(receiver));
  if (r.binding && !IsNull(r.binding->value)) return NamedBelow(r.binding->value, names);
  return s;
}

Setting Gatherer::KeywordSetting(TSNode call, std::initializer_list<const char*> names) {
  Setting s;
  TSNode args = Field(call, "arguments");
  for (TSNode a : NamedChildren(args)) {
    if (!Is(a, "keyword_argument")) continue;
    const std::string_view name = tree_.Text(Field(a, "name"));
    for (const char* k : names) {
      if (name == k) {
        s.present = true;
        s.key = RangeOf(Field(a, "name"));
        s.value = eval_.Evaluate(Field(a, "value"));
      }
    }
  }
  return s;
}

void Gatherer::SetTls(ClientConfig* c, const Setting& s) {
  if (!s.present || !s.value) return;
  c->tls = TlsOfValue(*s.value);
  if (c->tls == Tls::kUnset) return;
  c->tls_setting = s;
  // As written, for messages: "ssl: false", "sslmode=\"prefer\"".
  const std::string_view text = tree_.text();
  const SourceRange v = s.value->expr;
  const bool together = v.begin >= s.key.end && v.end <= text.size() && v.end - s.key.begin <= 80 &&
                        text.substr(s.key.begin, v.end - s.key.begin).find('\n') == std::string_view::npos;
  c->tls_text = together ? std::string(text.substr(s.key.begin, v.end - s.key.begin))
                         : std::string(text.substr(s.key.begin, s.key.size())) + " = " +
                               CollapseSpace(text.substr(v.begin, v.size()), 40);
}

// node-postgres PoolConfig and the shapes built on it (adapter-pg,
// postgres.js options, Knex connection, TypeORM).
void Gatherer::JsConfig(ClientConfig* c, const Value& obj) {
  Setting url = Prop(obj, {"connectionString", "url", "uri", "datasourceUrl"});
  if (url.present && url.value->is_string()) c->url = url.value;
  else if (url.present && !c->url) c->url = url.value;
  c->host = Prop(obj, {"host", "hostname"});
  c->port = Prop(obj, {"port"});
  c->user = Prop(obj, {"user", "username"});
  c->password = Prop(obj, {"password"});
  c->database = Prop(obj, {"database", "db", "dbname"});
  SetTls(c, Prop(obj, {"ssl"}));
  if (c->tls == Tls::kUnset) {
    if (const Value* extra = obj.Get("extra")) SetTls(c, Prop(*extra, {"ssl"}));
  }
  if (c->tls == Tls::kUnset) {
    if (const Value* dialect = obj.Get("dialectOptions")) SetTls(c, Prop(*dialect, {"ssl"}));
  }
}

void Gatherer::PythonKeywords(ClientConfig* c, TSNode call) {
  c->host = KeywordSetting(call, {"host", "hostaddr"});
  c->port = KeywordSetting(call, {"port"});
  c->user = KeywordSetting(call, {"user", "username"});
  c->password = KeywordSetting(call, {"password", "passwd"});
  c->database = KeywordSetting(call, {"dbname", "database", "db"});
  SetTls(c, KeywordSetting(call, {"sslmode", "ssl", "ssl_context"}));
}

void Gatherer::VisitNew(TSNode n, const std::vector<TSNode>& ancestors) {
  TSNode ctor = Field(n, "constructor");
  const std::string q = Normalize(eval_.Evaluate(ctor)->qualified);
  const std::string_view text = tree_.Text(ctor);
  const std::string_view last = LastSegment(q.empty() ? text : std::string_view(q));
  std::vector<TSNode> args = eval_.Positional(n);
  ClientConfig c;
  c.call = RangeOf(n);
  c.callee = RangeOf(ctor);
  auto arg = [&](size_t i) { return i < args.size() ? eval_.Evaluate(args[i]) : nullptr; };

  if (last == "PrismaClient") {
    Lifecycle(n, ancestors, false);
    facts_.imports_prisma = true;
    c.library = Library::kPrismaClient;
    if (ValuePtr cfg = arg(0); cfg && cfg->is_object()) {
      if (const Value* u = cfg->Get("datasourceUrl")) c.url = std::make_shared<Value>(*u);
      if (const Value* ds = cfg->Get("datasources"); ds && ds->is_object()) {
        for (const Property& p : ds->props) {
          if (const Value* u = p.value->Get("url")) c.url = std::make_shared<Value>(*u);
        }
      }
    }
    if (c.url) AddClient(std::move(c));
    return;
  }
  if (q == "pg.Pool" || q == "pg.Client" || q == "pg-pool" || q == "pg.native.Pool" ||
      q == "pg.native.Client" || EndsWith(q, "adapter-pg.PrismaPg")) {
    c.library = EndsWith(q, "PrismaPg") ? Library::kPrismaPg : Library::kPg;
    ValuePtr cfg = arg(0);
    if (cfg && cfg->is_string()) {
      c.url = cfg;
    } else if (cfg && cfg->is_object()) {
      JsConfig(&c, *cfg);
    } else if (c.library == Library::kPrismaPg) {
      return;  // new PrismaPg(pool): the pool's own config is judged where it is made
    }
    AddClient(std::move(c));
    return;
  }
  if (q == "sequelize" || q == "sequelize.Sequelize" || q == "sequelize-typescript.Sequelize") {
    c.library = Library::kSequelize;
    ValuePtr opts;
    if (args.size() >= 3) {
      ValuePtr pw = arg(2);
      c.password = Setting{true, RangeOf(args[2]), pw};
      c.database = Setting{true, RangeOf(args[0]), arg(0)};
      c.user = Setting{true, RangeOf(args[1]), arg(1)};
      opts = arg(3);
    } else if (args.size() == 1 && arg(0)->is_object()) {
      opts = arg(0);
    } else if (!args.empty()) {
      c.url = arg(0);
      opts = arg(1);
    }
    if (opts && opts->is_object()) {
      if (const Value* d = opts->Get("dialect"); d && d->is_literal_string() && d->text != "postgres") return;
      Setting pw = c.password;
      JsConfig(&c, *opts);
      if (pw.present && !c.password.present) c.password = pw;
      if (c.tls == Tls::kUnset) SetTls(&c, Prop(*opts, {"ssl"}));
    }
    AddClient(std::move(c));
    return;
  }
  if (q == "typeorm.DataSource") {
    c.library = Library::kTypeOrm;
    ValuePtr cfg = arg(0);
    if (!cfg || !cfg->is_object()) return;
    const Value* t = cfg->Get("type");
    if (!t || !t->is_literal_string() || (t->text != "postgres" && t->text != "aurora-postgres")) return;
    JsConfig(&c, *cfg);
    AddClient(std::move(c));
  }
}

void Gatherer::VisitCall(TSNode n, const std::vector<TSNode>& ancestors) {
  const CallInfo info = eval_.Classify(n);
  if (info.kind == CallKind::kSecretFetch || info.kind == CallKind::kIamToken) {
    CredentialRead r;
    r.iam_token = info.kind == CallKind::kIamToken;
    r.call = RangeOf(n);
    r.callee = RangeOf(info.callee);
    r.once = flow_.OnceAt(n, ancestors);
    if (r.iam_token) {
      r.id = Named(n, {"username", "DBUsername", "user"});
      r.host = Named(n, {"hostname", "DBHostname", "host"});
    } else {
      r.id = Named(n, {"SecretId", "secretId", "SecretName", "name"});
      // getSecret(name) (Powertools), get_secret(name): the first argument.
      if (!r.id.present) {
        std::vector<TSNode> args = eval_.Positional(n);
        if (!args.empty()) {
          ValuePtr v = eval_.Evaluate(args[0]);
          if (v->is_string() || v->taint.env()) r.id = Setting{true, RangeOf(args[0]), v};
        }
      }
    }
    facts_.reads.push_back(std::move(r));
    return;
  }
  if (info.method == "$disconnect") {
    Lifecycle(n, ancestors, true);
    return;
  }
  const std::string q = Normalize(info.qualified);
  // Prisma Client Python: Prisma() and its disconnect().
  if (tree_.python() && q == "prisma.Prisma") {
    facts_.imports_prisma = true;
    Lifecycle(n, ancestors, false);
    return;
  }
  if (tree_.python() && info.method == "disconnect" && Is(Strip(info.receiver), "identifier")) {
    TSNode receiver = Strip(info.receiver);
    const Resolution r = scopes_.Resolve(tree_.Text(receiver), ts_node_start_byte(receiver));
    if (r.binding && IsCall(Strip(r.binding->value)) &&
        Normalize(eval_.Classify(Strip(r.binding->value)).qualified) == "prisma.Prisma") {
      Lifecycle(n, ancestors, true);
      return;
    }
  }
  std::vector<TSNode> args = eval_.Positional(n);
  auto arg = [&](size_t i) { return i < args.size() ? eval_.Evaluate(args[i]) : nullptr; };

  // Environment writes through calls.
  // Object.assign(process.env, {...}) and os.environ.update({...}).
  ValuePtr assigned_env;
  if (q == "Object.assign" && args.size() >= 2 && arg(0)->qualified == "process.env") {
    assigned_env = arg(1);
  } else if (q == "os.environ.update" && !args.empty()) {
    assigned_env = arg(0);
  }
  if (assigned_env) {
    for (const Property& p : assigned_env->props) {
      EnvWrite w;
      w.target = p.key_range;
      w.name = p.key;
      w.value = p.value;
      w.once = flow_.OnceAt(n, ancestors);
      facts_.env_writes.push_back(std::move(w));
    }
    return;
  }
  if ((q == "os.environ.setdefault" || q == "os.putenv") && args.size() >= 2) {
    ValuePtr key = arg(0);
    if (key->is_literal_string()) EnvWriteAt(args[0], key->text, arg(1), n, ancestors);
    return;
  }

  ClientConfig c;
  c.call = RangeOf(n);
  c.callee = RangeOf(info.callee);
  if (!tree_.python()) {
    if (q == "postgres") {
      c.library = Library::kPostgresJs;
      ValuePtr a0 = arg(0);
      ValuePtr opts = a0 && a0->is_object() ? a0 : arg(1);
      if (a0 && !a0->is_object()) c.url = a0;
      if (opts && opts->is_object()) JsConfig(&c, *opts);
      AddClient(std::move(c));
    } else if (q == "knex" || q == "knex.knex" || q == "knex.Knex") {
      ValuePtr cfg = arg(0);
      if (!cfg || !cfg->is_object()) return;
      const Value* client = cfg->Get("client");
      if (!client || !client->is_literal_string()) return;
      const std::string& name = client->text;
      if (name != "pg" && name != "postgres" && name != "postgresql" && name != "pg-native") return;
      c.library = Library::kKnex;
      const Value* conn = cfg->Get("connection");
      if (conn && conn->is_object()) {
        JsConfig(&c, *conn);
      } else if (conn) {
        c.url = std::make_shared<Value>(*conn);
      }
      AddClient(std::move(c));
    } else if (q == "typeorm.createConnection") {
      ValuePtr cfg = arg(0);
      if (!cfg || !cfg->is_object()) return;
      const Value* t = cfg->Get("type");
      if (!t || !t->is_literal_string() || (t->text != "postgres" && t->text != "aurora-postgres")) return;
      c.library = Library::kTypeOrm;
      JsConfig(&c, *cfg);
      AddClient(std::move(c));
    }
    return;
  }

  // Python drivers.
  auto dsn = [&](size_t position, std::initializer_list<const char*> names) {
    Setting s = KeywordSetting(n, names);
    if (s.present) return s.value;
    return arg(position);
  };
  if (q == "psycopg2.connect" || q == "psycopg.connect" || q == "psycopg.Connection.connect" ||
      q == "psycopg.AsyncConnection.connect" || q == "pg8000.connect" || q == "pg8000.dbapi.connect" ||
      q == "pg8000.native.Connection" || q == "asyncpg.connect" || q == "asyncpg.create_pool") {
    c.library = q.rfind("psycopg2", 0) == 0 ? Library::kPsycopg2
                : q.rfind("psycopg", 0) == 0 ? Library::kPsycopg
                : q.rfind("pg8000", 0) == 0  ? Library::kPg8000
                                             : Library::kAsyncpg;
    if (c.library != Library::kPg8000) c.url = dsn(0, {"dsn", "conninfo"});
    PythonKeywords(&c, n);
    if (c.library == Library::kPg8000) c.user = c.user.present ? c.user : Setting{!args.empty(), args.empty() ? SourceRange{} : RangeOf(args[0]), arg(0)};
    AddClient(std::move(c));
    return;
  }
  if (q == "psycopg2.pool.SimpleConnectionPool" || q == "psycopg2.pool.ThreadedConnectionPool") {
    c.library = Library::kPsycopg2;
    c.url = dsn(2, {"dsn"});
    PythonKeywords(&c, n);
    AddClient(std::move(c));
    return;
  }
  if (q == "psycopg_pool.ConnectionPool" || q == "psycopg_pool.AsyncConnectionPool") {
    c.library = Library::kPsycopg;
    c.url = dsn(0, {"conninfo"});
    Setting kwargs = KeywordSetting(n, {"kwargs"});
    if (kwargs.present && kwargs.value->is_object()) {
      c.host = Prop(*kwargs.value, {"host"});
      c.password = Prop(*kwargs.value, {"password"});
      c.user = Prop(*kwargs.value, {"user"});
      SetTls(&c, Prop(*kwargs.value, {"sslmode"}));
    }
    AddClient(std::move(c));
    return;
  }
  const bool url_create = EndsWith(q, "URL.create") && q.rfind("sqlalchemy", 0) == 0;
  if (url_create) {
    for (const SourceRange& r : absorbed_) {
      if (r == c.call) return;
    }
    c.library = Library::kSqlAlchemy;
    c.host = KeywordSetting(n, {"host"});
    c.password = KeywordSetting(n, {"password"});
    c.user = KeywordSetting(n, {"username"});
    c.database = KeywordSetting(n, {"database"});
    Setting query = KeywordSetting(n, {"query"});
    if (query.present && query.value->is_object()) SetTls(&c, Prop(*query.value, {"sslmode", "ssl"}));
    AddClient(std::move(c));
    return;
  }
  if (q == "sqlalchemy.create_engine" || q == "sqlalchemy.engine.create_engine" ||
      q == "sqlalchemy.ext.asyncio.create_async_engine") {
    c.library = Library::kSqlAlchemy;
    TSNode first = args.empty() ? TSNode{} : Strip(args[0]);
    TSNode create{};
    if (IsCall(first)) {
      create = first;
    } else if (Is(first, "identifier")) {
      const Resolution r = scopes_.Resolve(tree_.Text(first), ts_node_start_byte(first));
      if (r.binding && !r.mutable_value && IsCall(Strip(r.binding->value))) create = Strip(r.binding->value);
    }
    if (!IsNull(create) && EndsWith(Normalize(eval_.Classify(create).qualified), "URL.create")) {
      absorbed_.push_back(RangeOf(create));
      facts_.clients.erase(std::remove_if(facts_.clients.begin(), facts_.clients.end(),
                                          [&](const ClientConfig& x) { return x.call == RangeOf(create); }),
                           facts_.clients.end());
      c.host = KeywordSetting(create, {"host"});
      c.password = KeywordSetting(create, {"password"});
      c.user = KeywordSetting(create, {"username"});
      Setting query = KeywordSetting(create, {"query"});
      if (query.present && query.value->is_object()) SetTls(&c, Prop(*query.value, {"sslmode", "ssl"}));
    } else {
      c.url = dsn(0, {"url"});
    }
    Setting connect_args = KeywordSetting(n, {"connect_args"});
    if (connect_args.present && connect_args.value->is_object()) {
      SetTls(&c, Prop(*connect_args.value, {"sslmode", "ssl", "ssl_context"}));
    }
    AddClient(std::move(c));
  }
}

void Gatherer::AnalyseStrings() {
  for (TSNode n : candidates_) {
    ValuePtr v = eval_.Evaluate(n);
    if (!v->is_string()) continue;
    if (v->text.find("://") == std::string::npos && v->text.find('=') == std::string::npos) continue;
    url::AnalyzeOptions options;
    for (const Hole& h : v->holes) options.holes.push_back(SourceRange{h.begin, h.end});
    std::optional<url::ConnectionString> conn = url::Analyze(v->text, options);
    if (!conn) continue;
    if (conn->syntax == url::Syntax::kUrl && conn->scheme_kind != url::SchemeKind::kPostgres) continue;
    CodeUrl u;
    u.value = v;
    u.conn = std::move(*conn);
    facts_.urls.push_back(std::move(u));
  }
  for (CodeUrl& u : facts_.urls) u.consumed = eval_.Consumed(u.value->expr);
}

bool Gatherer::HostRemote(const Setting& host) {
  if (!host.present || !host.value) return false;
  const Value& v = *host.value;
  if (v.taint.secret() || v.taint.env()) return true;
  if (!v.is_string()) return false;
  for (const Hole& h : v.holes) {
    if (h.taint.secret() || h.taint.env()) return true;
  }
  // The analyser classifies hosts; ask it about a URL around this one.
  std::optional<url::ConnectionString> c = url::Analyze("postgresql://" + v.text + "/");
  return c && c->IsRemote();
}

void Gatherer::Link() {
  auto find_url = [&](const ValuePtr& v) -> int {
    if (!v) return -1;
    for (size_t i = 0; i < facts_.urls.size(); ++i) {
      if (facts_.urls[i].value->expr == v->expr) return static_cast<int>(i);
    }
    return -1;
  };
  std::vector<std::string> prisma_vars = options_.prisma_env_vars;
  if (prisma_vars.empty() && (options_.uses_prisma || facts_.imports_prisma)) prisma_vars.push_back("DATABASE_URL");

  for (ClientConfig& c : facts_.clients) {
    int i = find_url(c.url);
    if (i < 0 && c.url && c.url->is_string()) {
      url::AnalyzeOptions options;
      for (const Hole& h : c.url->holes) options.holes.push_back(SourceRange{h.begin, h.end});
      if (std::optional<url::ConnectionString> conn = url::Analyze(c.url->text, options)) {
        CodeUrl u;
        u.value = c.url;
        u.conn = std::move(*conn);
        facts_.urls.push_back(std::move(u));
        i = static_cast<int>(facts_.urls.size()) - 1;
      }
    }
    c.url_index = i;
    if (i >= 0) {
      CodeUrl& u = facts_.urls[i];
      u.consumed = false;  // given to a client as it is
      u.target = "the " + std::string(LibraryName(c.library)) + " client";
      if (c.tls != Tls::kUnset) u.client_sets_tls = true;
      if (c.library == Library::kPrismaClient) u.prisma = true;
      // A URL that asks for TLS itself settles it; one that does not is
      // judged as a URL.
      if (c.tls == Tls::kUnset) {
        const url::Param* mode = u.conn.FindParam("sslmode");
        const url::Param* ssl = u.conn.FindParam("ssl");
        if ((mode && (IsStrongMode(mode->value) || mode->value_has_holes)) ||
            (ssl && (ssl->value == "true" || ssl->value == "1" || ssl->value_has_holes))) {
          c.tls = Tls::kOn;
        }
      }
      c.remote = u.Remote();
    }
    if (!c.remote) c.remote = HostRemote(c.host);
    // A password written into the config.
    if (c.password.present && c.password.value && c.password.value->is_string()) {
      const Value& pw = *c.password.value;
      uint32_t from = 0;
      for (const Hole& h : pw.holes) {
        if (h.begin > from) facts_.secret_literals.push_back(pw.ToSource(SourceRange{from, h.begin}));
        from = h.end;
      }
      if (pw.text.size() > from) {
        facts_.secret_literals.push_back(pw.ToSource(SourceRange{from, static_cast<uint32_t>(pw.text.size())}));
      }
    }
  }

  for (const EnvWrite& w : facts_.env_writes) {
    const int i = find_url(w.value);
    if (i < 0) continue;
    CodeUrl& u = facts_.urls[i];
    u.consumed = false;
    u.target = (tree_.python() ? "os.environ[\"" + w.name + "\"]" : "process.env." + w.name);
    if (std::find(prisma_vars.begin(), prisma_vars.end(), w.name) != prisma_vars.end()) u.prisma = true;
  }

  // Literal parts of URL passwords, and secret parameters.
  for (const CodeUrl& u : facts_.urls) {
    const url::Part& pw = u.conn.password;
    if (pw.present && !pw.range.empty()) {
      uint32_t from = pw.range.begin;
      for (const Hole& h : u.value->holes) {
        if (h.end <= pw.range.begin || h.begin >= pw.range.end) continue;
        if (h.begin > from) facts_.secret_literals.push_back(u.ToSource(SourceRange{from, h.begin}));
        from = h.end;
      }
      if (pw.range.end > from) facts_.secret_literals.push_back(u.ToSource(SourceRange{from, pw.range.end}));
    }
    for (const url::Param& p : u.conn.params) {
      if (p.key.find("password") != std::string::npos || p.key.find("secret") != std::string::npos) {
        facts_.secret_literals.push_back(u.ToSource(p.value_range));
      }
    }
  }
}

void Gatherer::FindEncoder() {
  if (!tree_.python()) {
    facts_.encode_prefix = "encodeURIComponent(";
    facts_.encode_suffix = ")";
    return;
  }
  for (const Binding& b : scopes_.bindings()) {
    if (b.kind != BindingKind::kImport || b.scope != kModuleScope) continue;
    if (b.qualified == "urllib.parse.quote") {
      facts_.encode_prefix = b.name + "(";
      facts_.encode_suffix = ", safe=\"\")";
      return;
    }
    if (b.qualified == "urllib.parse.quote_plus" && facts_.encode_prefix.empty()) {
      facts_.encode_prefix = b.name + "(";
      facts_.encode_suffix = ")";
    }
    if (b.qualified == "urllib.parse" && facts_.encode_prefix.empty()) {
      facts_.encode_prefix = b.name + ".quote(";
      facts_.encode_suffix = ", safe=\"\")";
    }
    if (b.qualified == "urllib" && b.name == "urllib" && facts_.encode_prefix.empty() &&
        tree_.text().find("import urllib.parse") != std::string_view::npos) {
      facts_.encode_prefix = "urllib.parse.quote(";
      facts_.encode_suffix = ", safe=\"\")";
    }
  }
}

}  // namespace

CodeFacts GatherCodeFacts(const SyntaxTree& tree, const FactsOptions& options) {
  Gatherer g(tree, options);
  return g.Run();
}

bool ReadsPgsslmode(Library library) {
  return library != Library::kPostgresJs && library != Library::kPg8000 && library != Library::kPrismaClient;
}

bool IsStrongSslmode(std::string_view mode) {
  return mode == "require" || mode == "verify-ca" || mode == "verify-full";
}

}  // namespace rdslint::script
