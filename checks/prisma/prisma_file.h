// The prisma pack's document: a Prisma schema file or a prisma.config.ts,
// prepared once for all prisma checks — every datasource URL setting (url,
// directUrl, shadowDatabaseUrl) classified as a literal (analysed by the
// shared connection-string analyser), an env("X") reference or something
// else, and every environment variable the file reads.
#ifndef RDSLINT_CHECKS_PRISMA_PRISMA_FILE_H_
#define RDSLINT_CHECKS_PRISMA_PRISMA_FILE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/secret_mask.h"
#include "frontend/discover/project_facts.h"
#include "frontend/prisma/prisma_ast.h"
#include "frontend/prisma/prisma_config.h"
#include "frontend/url/connection_string.h"

namespace rdslint {

struct PrismaUrl {
  enum class Key { kUrl, kDirectUrl, kShadowDatabaseUrl };
  enum class Kind {
    kLiteral,  // a string (in prisma.config.ts also a template literal, holes kept)
    kEnv,      // env("X"), process.env.X
    kOther,    // a value this reader cannot follow
  };
  Key key = Key::kUrl;
  std::string key_name;  // as written
  SourceRange key_range;
  Kind kind = Kind::kOther;
  SourceRange value_range;  // the value as written
  // kLiteral: the decoded string; `conn` ranges are relative to it.
  MappedText text;
  bool has_holes = false;  // a template literal with ${…}
  std::optional<url::ConnectionString> conn;
  // kEnv
  std::string env_var;
  SourceRange env_var_range;

  SourceRange ToSource(SourceRange in_text) const { return text.ToSource(in_text); }
};

struct PrismaDatasource {
  std::string name;       // "db"; "datasource" in prisma.config.ts
  SourceRange name_range;
  std::string provider;   // "postgresql", ...; "" when absent or not a string
  std::vector<PrismaUrl> urls;

  const PrismaUrl* Find(PrismaUrl::Key key) const;
};

struct PrismaEnvRef {
  std::string name;
  SourceRange range;  // the variable's name in the file
};

struct PrismaFile {
  enum class Source { kSchema, kConfig };
  Source source = Source::kSchema;
  const prisma::Schema* schema = nullptr;      // kSchema
  const prisma::ConfigFile* config = nullptr;  // kConfig
  std::vector<PrismaDatasource> datasources;
  std::vector<PrismaEnvRef> env_refs;  // every env("X") / process.env.X, in file order
};

// Marks the passwords of URLs on the lines where a reader reported an
// error: a line that did not parse is still printed under its finding.
void MaskUrlsOnErrorLines(std::string_view text, const std::vector<prisma::Error>& errors,
                          SecretMask* mask);

// Prepares a schema file; marks literal passwords (and password-like URL
// parameters) in `mask`.
PrismaFile PreparePrismaSchema(const prisma::Schema& schema, SecretMask* mask);
// The same for prisma.config.ts.
PrismaFile PreparePrismaConfig(const prisma::ConfigFile& config, SecretMask* mask);

// "url", "directUrl", "shadowDatabaseUrl".
std::string_view PrismaUrlKeyName(PrismaUrl::Key key);

// Where a variable's value comes from, for the rules that need to know what
// an env("X") URL points at.
struct EnvValueSource {
  std::string where;  // ".env:3", "function template.yaml#Api (SAM)"
  std::optional<url::ConnectionString> conn;  // the value analysed, when it is a URL
  bool proxy_reference = false;  // an IaC reference to an RDS Proxy's endpoint
};
std::vector<EnvValueSource> EnvValueSources(const ProjectFacts& project, std::string_view name);
// The same one at a time, in the same order, until `visit` returns true
// (then true): a monorepo defines DATABASE_URL in every service, and most
// callers stop at the first source that answers them.
bool VisitEnvValueSources(const ProjectFacts& project, std::string_view name,
                          const std::function<bool(const EnvValueSource&)>& visit);

// Whether a URL goes through a connection pooler: an RDS Proxy endpoint, or
// pgbouncer=true (PgBouncer, Supavisor and the like in transaction mode).
// `why` receives "an RDS Proxy endpoint" or "pgbouncer=true".
bool IsPoolerUrl(const url::ConnectionString& conn, std::string* why);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_PRISMA_PRISMA_FILE_H_
