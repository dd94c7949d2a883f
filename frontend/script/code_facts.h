// What a script tells about how it reaches PostgreSQL: every connection
// string it builds (analysed by the shared analyser), every client it
// configures (node-postgres, @prisma/adapter-pg, postgres.js, Knex,
// Sequelize, TypeORM, PrismaClient, psycopg2, psycopg 3, asyncpg,
// SQLAlchemy, pg8000), every Secrets Manager read and RDS IAM token with
// whether it is kept for the life of the container, what it writes into the
// process environment, and where PrismaClient is created. The code rules
// read these facts; the project rules will join them with the IaC graph.
#ifndef RDSLINT_FRONTEND_SCRIPT_CODE_FACTS_H_
#define RDSLINT_FRONTEND_SCRIPT_CODE_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "frontend/script/control.h"
#include "frontend/script/syntax_tree.h"
#include "frontend/script/values.h"
#include "frontend/url/connection_string.h"

namespace rdslint::script {

enum class Library {
  kPg, kPrismaPg, kPostgresJs, kKnex, kSequelize, kTypeOrm, kPrismaClient,
  kPsycopg2, kPsycopg, kAsyncpg, kSqlAlchemy, kPg8000,
};
std::string_view LibraryName(Library library);  // "node-postgres", "psycopg2", ...

// What a client configuration says about TLS.
enum class Tls {
  kUnset,       // nothing: the driver's default (libpq: prefer)
  kOn,          // ssl: true / an object / sslmode=require or verify-*
  kOff,         // ssl: false / sslmode=disable
  kWeak,        // sslmode=prefer or allow: plaintext fallback
  kUnverified,  // rejectUnauthorized: false / no-verify: encrypted, any certificate
  kDynamic,     // decided at runtime
};

struct Setting {
  bool present = false;
  SourceRange key;   // the property or keyword as written
  ValuePtr value;
};

struct CodeUrl {
  ValuePtr value;               // the string, holes and all
  url::ConnectionString conn;   // ranges inside value->text
  bool consumed = false;        // only a part of a larger string built elsewhere
  std::string target;           // "process.env.DATABASE_URL", "new Pool()", "" when unknown
  bool prisma = false;          // Prisma reads it (its env variable, datasourceUrl, ...)
  bool client_sets_tls = false; // the client it is given to configures TLS itself
  // A range of the connection string as source.
  SourceRange ToSource(SourceRange in_text) const { return value->ToSource(in_text); }
  // The host is a hole whose value comes from a secret or the environment:
  // the deployed database.
  bool HostFromDeployment() const;
  // Remote: a literal remote host, or a host from the deployment.
  bool Remote() const { return conn.IsRemote() || HostFromDeployment(); }
};

struct ClientConfig {
  Library library = Library::kPg;
  SourceRange call;     // the constructor or call expression
  SourceRange callee;   // its name: where findings about the whole config point
  ValuePtr url;         // a connection string given to it
  int url_index = -1;   // in CodeFacts::urls
  Setting host, port, user, password, database, tls_setting;
  Tls tls = Tls::kUnset;
  std::string tls_text;  // "ssl: false", "sslmode='prefer'", for messages
  bool remote = false;   // its host (or URL's) is remote or comes from the deployment
};

// A Secrets Manager read or an RDS IAM token.
struct CredentialRead {
  bool iam_token = false;
  SourceRange call;    // the SDK call
  SourceRange callee;  // its callee (`sm.send`, `client.get_secret_value`): where findings point
  Once once;          // whether it runs once per container, and what keeps it
  // What names the credential, for the project rules: a secret's SecretId
  // (a name, an ARN, process.env.X), a token's user; and a token's host.
  // Not set when the call does not say (then `id` is null).
  Setting id;
  Setting host;
};

struct EnvWrite {
  SourceRange target;  // process.env.DATABASE_URL, os.environ["DATABASE_URL"]
  std::string name;
  ValuePtr value;
  Once once;
};

struct EnvRead {
  std::string name;
  SourceRange where;
};

struct PrismaLifecycle {
  bool disconnect = false;  // $disconnect() rather than new PrismaClient()
  SourceRange where;
  bool per_invocation = false;
  std::string path;         // "handler() -> getDb()"
};

struct CodeFacts {
  std::vector<CodeUrl> urls;
  std::vector<ClientConfig> clients;
  std::vector<CredentialRead> reads;
  std::vector<EnvWrite> env_writes;
  std::vector<EnvRead> env_reads;
  std::vector<PrismaLifecycle> prisma;
  std::vector<Handler> handlers;
  bool imports_prisma = false;
  // How this file percent-encodes a value in place: "encodeURIComponent("
  // and ")"; in Python what its imports allow ("quote_plus(" ")",
  // "urllib.parse.quote(" ", safe=\"\")"), or empty when nothing is imported.
  std::string encode_prefix, encode_suffix;
  // Literal secrets written in the file (passwords in URLs and configs,
  // values of password-like names): the linter masks them in all output.
  std::vector<SourceRange> secret_literals;
};

struct FactsOptions {
  std::vector<std::string> handler_names;    // this file's handlers named by the project graph
  std::vector<std::string> prisma_env_vars;  // variables Prisma reads its URL from
  bool uses_prisma = false;
};

CodeFacts GatherCodeFacts(const SyntaxTree& tree, const FactsOptions& options);

// The drivers that read PGSSLMODE when the code sets nothing (libpq-based
// ones and node-postgres; not postgres.js, pg8000 or Prisma).
bool ReadsPgsslmode(Library library);
// sslmode require, verify-ca or verify-full.
bool IsStrongSslmode(std::string_view mode);

// Whether an identifier or key names a secret (password, secret, token, ...).
bool IsSecretName(std::string_view name);
// Whether a key names a password field (password, passwd, pwd, pass).
bool IsPasswordName(std::string_view name);

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_CODE_FACTS_H_
