#include "checks/prisma/prisma_file.h"

#include <algorithm>
#include <utility>

namespace rdslint {
namespace {

std::optional<PrismaUrl::Key> UrlKey(std::string_view key) {
  if (key == "url") return PrismaUrl::Key::kUrl;
  if (key == "directUrl") return PrismaUrl::Key::kDirectUrl;
  if (key == "shadowDatabaseUrl") return PrismaUrl::Key::kShadowDatabaseUrl;
  return std::nullopt;
}

// ${X}, $X or {{...}} and nothing else: names no secret.
bool IsSingleReference(std::string_view s) {
  if (s.size() >= 3 && s[0] == '$' && s[1] == '{') return s.find('}') == s.size() - 1;
  if (s.size() >= 4 && s.substr(0, 2) == "{{") return s.find("}}") == s.size() - 2;
  return false;
}

// Analyses a literal URL and marks its secret parts.
void AnalyzeLiteral(PrismaUrl* u, const std::vector<SourceRange>& holes, SecretMask* mask) {
  url::AnalyzeOptions options;
  options.holes = holes;
  u->conn = url::Analyze(u->text.text, options);
  if (!u->conn) return;
  const url::ConnectionString& c = *u->conn;
  if (c.password.present && !c.password.range.empty() && !IsSingleReference(c.password.raw)) {
    mask->Add(u->ToSource(c.password.range));
  }
  for (const url::Param& p : c.params) {
    if (p.key.find("password") != std::string::npos || p.key.find("secret") != std::string::npos) {
      mask->Add(u->ToSource(p.value_range));
    }
  }
}

void CollectSchemaEnvRefs(const prisma::Expression& e, std::vector<PrismaEnvRef>* out) {
  if (const prisma::Expression* var = e.EnvVariable()) {
    out->push_back(PrismaEnvRef{var->string.text,
                                var->string.ToSource(0, static_cast<uint32_t>(var->string.text.size()))});
    return;
  }
  for (const prisma::Argument& a : e.arguments) CollectSchemaEnvRefs(a.value, out);
  for (const prisma::Expression& item : e.items) CollectSchemaEnvRefs(item, out);
}

}  // namespace

const PrismaUrl* PrismaDatasource::Find(PrismaUrl::Key key) const {
  for (const PrismaUrl& u : urls) {
    if (u.key == key) return &u;
  }
  return nullptr;
}

std::string_view PrismaUrlKeyName(PrismaUrl::Key key) {
  switch (key) {
    case PrismaUrl::Key::kUrl: return "url";
    case PrismaUrl::Key::kDirectUrl: return "directUrl";
    case PrismaUrl::Key::kShadowDatabaseUrl: return "shadowDatabaseUrl";
  }
  return "url";
}

PrismaFile PreparePrismaSchema(const prisma::Schema& schema, SecretMask* mask) {
  PrismaFile file;
  file.source = PrismaFile::Source::kSchema;
  file.schema = &schema;
  for (const prisma::Block& b : schema.blocks) {
    for (const prisma::Property& p : b.properties) CollectSchemaEnvRefs(p.value, &file.env_refs);
    if (b.kind != prisma::BlockKind::kDatasource) continue;
    PrismaDatasource ds;
    ds.name = b.name;
    ds.name_range = b.name_range;
    if (const prisma::Property* provider = b.Find("provider"); provider && provider->value.is_string()) {
      ds.provider = provider->value.string.text;
    }
    for (const prisma::Property& p : b.properties) {
      std::optional<PrismaUrl::Key> key = UrlKey(p.key);
      if (!key) continue;
      PrismaUrl u;
      u.key = *key;
      u.key_name = p.key;
      u.key_range = p.key_range;
      u.value_range = p.value.range;
      if (p.value.is_string()) {
        u.kind = PrismaUrl::Kind::kLiteral;
        u.text = p.value.string;
        AnalyzeLiteral(&u, {}, mask);
      } else if (const prisma::Expression* var = p.value.EnvVariable()) {
        u.kind = PrismaUrl::Kind::kEnv;
        u.env_var = var->string.text;
        u.env_var_range = var->string.ToSource(0, static_cast<uint32_t>(var->string.text.size()));
      }
      ds.urls.push_back(std::move(u));
    }
    file.datasources.push_back(std::move(ds));
  }
  return file;
}

PrismaFile PreparePrismaConfig(const prisma::ConfigFile& config, SecretMask* mask) {
  PrismaFile file;
  file.source = PrismaFile::Source::kConfig;
  file.config = &config;
  for (const prisma::EnvReference& r : config.env_refs) file.env_refs.push_back(PrismaEnvRef{r.name, r.range});
  std::sort(file.env_refs.begin(), file.env_refs.end(),
            [](const PrismaEnvRef& a, const PrismaEnvRef& b) { return a.range.begin < b.range.begin; });
  if (!config.has_datasource) return file;
  PrismaDatasource ds;
  ds.name = "datasource";
  ds.name_range = config.datasource_key;
  for (const prisma::ConfigProperty& p : config.datasource) {
    std::optional<PrismaUrl::Key> key = UrlKey(p.key);
    if (!key) continue;
    PrismaUrl u;
    u.key = *key;
    u.key_name = p.key;
    u.key_range = p.key_range;
    u.value_range = p.value.range;
    switch (p.value.kind) {
      case prisma::ConfigValue::Kind::kString:
      case prisma::ConfigValue::Kind::kTemplate:
        u.kind = PrismaUrl::Kind::kLiteral;
        u.text = p.value.text;
        u.has_holes = !p.value.holes.empty();
        AnalyzeLiteral(&u, p.value.holes, mask);
        break;
      case prisma::ConfigValue::Kind::kEnv:
        u.kind = PrismaUrl::Kind::kEnv;
        u.env_var = p.value.env_var;
        u.env_var_range = p.value.env_var_range;
        break;
      case prisma::ConfigValue::Kind::kOther:
        break;
    }
    ds.urls.push_back(std::move(u));
  }
  file.datasources.push_back(std::move(ds));
  return file;
}

void MaskUrlsOnErrorLines(std::string_view text, const std::vector<prisma::Error>& errors,
                          SecretMask* mask) {
  for (const prisma::Error& e : errors) {
    if (e.range.begin > text.size()) continue;
    size_t begin = 0;
    if (e.range.begin > 0) {
      const size_t nl = text.rfind('\n', e.range.begin - 1);
      if (nl != std::string_view::npos) begin = nl + 1;
    }
    size_t end = text.find('\n', std::max<size_t>(e.range.end, e.range.begin));
    if (end == std::string_view::npos) end = text.size();
    const std::string_view lines = text.substr(begin, end - begin);
    if (lines.find("://") == std::string_view::npos && lines.find('=') == std::string_view::npos) continue;
    for (const url::ConnectionString& c : url::FindAll(lines)) {
      if (c.password.present && !c.password.range.empty() && !IsSingleReference(c.password.raw)) {
        mask->Add(SourceRange{static_cast<uint32_t>(begin + c.password.range.begin),
                              static_cast<uint32_t>(begin + c.password.range.end)});
      }
    }
  }
}

bool IsPoolerUrl(const url::ConnectionString& conn, std::string* why) {
  if (conn.host_kind == url::HostKind::kRdsProxy) {
    *why = "an RDS Proxy endpoint";
    return true;
  }
  if (const url::Param* p = conn.FindParam("pgbouncer"); p && p->value == "true") {
    *why = "pgbouncer=true";
    return true;
  }
  return false;
}

bool VisitEnvValueSources(const ProjectFacts& project, std::string_view name,
                          const std::function<bool(const EnvValueSource&)>& visit) {
  if (auto it = project.env_definitions.find(name); it != project.env_definitions.end()) {
    for (const EnvDefinition& d : it->second) {
      EnvValueSource s;
      s.where = d.file + ":" + std::to_string(d.line);
      s.conn = url::Analyze(d.value);
      if (visit(s)) return true;
    }
  }
  for (const iac::Function& f : project.graph.functions) {
    const iac::EnvVar* e = f.Env(name);
    if (!e) continue;
    EnvValueSource s;
    s.where = "function " + f.id + " (" + std::string(iac::FlavorName(f.flavor)) + ")";
    if (e->value.kind == iac::Value::Kind::kString) {
      url::AnalyzeOptions options;
      for (const iac::Hole& h : e->value.holes) options.holes.push_back(SourceRange{h.begin, h.end});
      s.conn = url::Analyze(e->value.text, options);
    }
    std::vector<const iac::Reference*> refs;
    for (const iac::Reference& r : e->value.references) refs.push_back(&r);
    for (const iac::Hole& h : e->value.holes) {
      if (h.reference) refs.push_back(&*h.reference);
    }
    for (const iac::Reference* r : refs) {
      const iac::Node* node = project.graph.Resolve(*r);
      for (const iac::Proxy& p : project.graph.proxies) {
        if (&p == node) s.proxy_reference = true;
      }
    }
    if (visit(s)) return true;
  }
  return false;
}

std::vector<EnvValueSource> EnvValueSources(const ProjectFacts& project, std::string_view name) {
  std::vector<EnvValueSource> out;
  VisitEnvValueSources(project, name, [&out](const EnvValueSource& s) {
    out.push_back(s);
    return false;
  });
  return out;
}

}  // namespace rdslint
