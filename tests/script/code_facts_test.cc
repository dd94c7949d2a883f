// What the script frontend tells the rules: clients and their settings,
// URLs and where they go, credential reads, environment writes, literal
// secrets to mask.
#include <gtest/gtest.h>

#include <string>

#include "frontend/script/code_facts.h"

namespace rdslint::script {
namespace {

struct Facts {
  Facts(std::string source, Language language, FactsOptions options = {})
      : text(std::move(source)), tree(SyntaxTree::Parse(text, language)),
        facts(GatherCodeFacts(tree, options)) {}
  std::string text;
  SyntaxTree tree;
  CodeFacts facts;
  std::string_view Source(SourceRange r) const { return std::string_view(text).substr(r.begin, r.size()); }
};

const ClientConfig* Only(const Facts& f, Library library) {
  const ClientConfig* found = nullptr;
  for (const ClientConfig& c : f.facts.clients) {
    if (c.library == library) {
      EXPECT_EQ(found, nullptr) << "two " << LibraryName(library) << " clients";
      found = &c;
    }
  }
  return found;
}

TEST(CodeFactsTest, NodeClients) {
  Facts f(
      "import { Pool, Client } from 'pg';\nimport { PrismaPg } from '@prisma/adapter-pg';\n"
      "import postgres from 'postgres';\nimport knex from 'knex';\nimport { Sequelize } from 'sequelize';\n"
      "import { DataSource } from 'typeorm';\nimport { PrismaClient } from '@prisma/client';\n"
      "const a = new Pool({ host: 'h.example.com', user: 'u', password: pw, ssl: { rejectUnauthorized: false } });\n"
      "const b = new PrismaPg({ connectionString: 'postgresql://u@h.example.com/d?sslmode=require', max: 1 });\n"
      "const c = postgres('postgresql://u@h.example.com/d', { ssl: 'prefer' });\n"
      "const d = knex({ client: 'pg', connection: { host: 'h.example.com', ssl: false } });\n"
      "const e = new Sequelize('db', 'user', pw, { host: 'h.example.com', dialect: 'postgres', dialectOptions: { ssl: { require: true } } });\n"
      "const g = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { ssl: true } });\n"
      "const h = new PrismaClient({ datasources: { db: { url: 'postgresql://u@h.example.com/d' } } });\n"
      "const i = knex({ client: 'mysql2', connection: {} });\n",
      Language::kTypeScript);
  const ClientConfig* pg = Only(f, Library::kPg);
  ASSERT_TRUE(pg);
  EXPECT_EQ(pg->tls, Tls::kUnverified);
  EXPECT_EQ(f.Source(pg->tls_setting.key), "ssl");
  EXPECT_EQ(f.Source(pg->callee), "Pool");
  EXPECT_TRUE(pg->remote);
  EXPECT_EQ(Only(f, Library::kPrismaPg)->tls, Tls::kOn) << "from the URL's sslmode";
  EXPECT_EQ(Only(f, Library::kPostgresJs)->tls, Tls::kWeak);
  EXPECT_EQ(Only(f, Library::kKnex)->tls, Tls::kOff);
  const ClientConfig* sq = Only(f, Library::kSequelize);
  EXPECT_EQ(sq->tls, Tls::kOn);
  EXPECT_EQ(f.Source(sq->password.key), "pw");
  EXPECT_EQ(Only(f, Library::kTypeOrm)->tls, Tls::kOn);
  const ClientConfig* prisma = Only(f, Library::kPrismaClient);
  ASSERT_TRUE(prisma && prisma->url_index >= 0);
  EXPECT_TRUE(f.facts.urls[prisma->url_index].prisma);
  EXPECT_EQ(f.facts.clients.size(), 7u) << "the mysql2 Knex is not ours";
}

TEST(CodeFactsTest, PythonClients) {
  Facts f(
      "import os, psycopg2, psycopg, asyncpg, pg8000\nfrom psycopg_pool import ConnectionPool\n"
      "from sqlalchemy import create_engine, URL\n"
      "a = psycopg2.connect(host=os.environ['DB_HOST'], password='Pl4nted-a', sslmode='require')\n"
      "b = psycopg.connect('host=h.example.com dbname=d')\n"
      "c = ConnectionPool('postgresql://u@h.example.com/d', kwargs={'sslmode': 'verify-full'})\n"
      "async def f():\n    return await asyncpg.create_pool(host='h.example.com', ssl=False)\n"
      "u = URL.create('postgresql+psycopg2', username='u', password=pw, host='h.example.com', query={'sslmode': 'require'})\n"
      "e = create_engine(u, connect_args={'sslmode': 'disable'})\n"
      "g = pg8000.connect('u', host='h.example.com', ssl_context=True)\n",
      Language::kPython);
  std::vector<Library> seen;
  for (const ClientConfig& c : f.facts.clients) seen.push_back(c.library);
  EXPECT_EQ(seen, (std::vector<Library>{Library::kPsycopg2, Library::kPsycopg, Library::kPsycopg,
                                        Library::kAsyncpg, Library::kSqlAlchemy, Library::kPg8000}))
      << "URL.create is read as part of create_engine";
  const ClientConfig& psy = f.facts.clients[0];
  EXPECT_EQ(psy.tls, Tls::kOn);
  EXPECT_TRUE(psy.remote) << "host from the environment";
  EXPECT_EQ(f.facts.clients[1].url_index >= 0 ? f.facts.urls[f.facts.clients[1].url_index].conn.syntax : url::Syntax::kUrl,
            url::Syntax::kConninfo);
  EXPECT_EQ(f.facts.clients[2].tls, Tls::kOn);
  EXPECT_EQ(f.facts.clients[3].tls, Tls::kOff);
  const ClientConfig& sa = f.facts.clients[4];
  EXPECT_EQ(sa.tls, Tls::kOff) << "connect_args overrides";
  EXPECT_EQ(f.Source(sa.host.value->ToSource(SourceRange{0, 13})), "h.example.com");
  EXPECT_EQ(f.facts.clients[5].tls, Tls::kOn);
  // The literal password is marked for masking.
  bool masked = false;
  for (const SourceRange& r : f.facts.secret_literals) masked |= f.Source(r) == "Pl4nted-a";
  EXPECT_TRUE(masked);
}

TEST(CodeFactsTest, UrlsGoWhereTheyAreWritten) {
  FactsOptions options;
  options.prisma_env_vars = {"DATABASE_URL"};
  Facts f(
      "const base = 'postgresql://u@h.example.com/d';\n"
      "process.env.DATABASE_URL = base + '?sslmode=require';\n"
      "Object.assign(process.env, { DIRECT_URL: `postgresql://u@${host}/d` });\n"
      "const web = 'https://example.com/?a=b';\nconst my = 'mysql://u@h/d';\n",
      Language::kJavaScript, options);
  std::vector<const CodeUrl*> finished;
  for (const CodeUrl& u : f.facts.urls) {
    if (u.consumed) EXPECT_EQ(u.value->text, "postgresql://u@h.example.com/d") << "a part, not a URL";
    else finished.push_back(&u);
  }
  ASSERT_EQ(finished.size(), 2u) << "https and mysql are not ours";
  EXPECT_EQ(finished[0]->target, "process.env.DATABASE_URL");
  EXPECT_TRUE(finished[0]->prisma);
  EXPECT_EQ(finished[0]->value->text, "postgresql://u@h.example.com/d?sslmode=require");
  EXPECT_EQ(finished[1]->target, "process.env.DIRECT_URL");
  EXPECT_FALSE(finished[1]->prisma);
  ASSERT_EQ(f.facts.env_writes.size(), 2u);
  EXPECT_EQ(f.facts.env_writes[1].name, "DIRECT_URL");
  EXPECT_EQ(f.Source(f.facts.env_writes[1].target), "DIRECT_URL");
}

TEST(CodeFactsTest, CredentialReadsAndTheirLifetime) {
  Facts f(
      "import boto3, os\nrds = boto3.client('rds')\n"
      "TOKEN = rds.generate_db_auth_token(DBHostname='h', Port=5432, DBUsername='u')\n"
      "def fresh():\n    return boto3.client('secretsmanager').get_secret_value(SecretId='x')\n",
      Language::kPython);
  ASSERT_EQ(f.facts.reads.size(), 2u);
  EXPECT_TRUE(f.facts.reads[0].iam_token);
  EXPECT_TRUE(f.facts.reads[0].once.once);
  EXPECT_EQ(f.facts.reads[0].once.state, "TOKEN");
  EXPECT_FALSE(f.facts.reads[1].iam_token);
  EXPECT_FALSE(f.facts.reads[1].once.once);
}

TEST(CodeFactsTest, SecretNames) {
  for (const char* n : {"password", "DB_PASSWORD", "dbPassword", "passwd", "PGPASSWORD", "clientSecret",
                        "authToken", "API_KEY", "pw"}) {
    EXPECT_TRUE(IsSecretName(n)) << n;
  }
  for (const char* n : {"SecretId", "secretArn", "SECRET_NAME", "secretString", "host", "username",
                        "SecretsManagerClient", "passport"}) {
    EXPECT_FALSE(IsSecretName(n)) << n;
  }
}

TEST(CodeFactsTest, EncoderThatAFixMayUse) {
  EXPECT_EQ(Facts("x", Language::kJavaScript).facts.encode_prefix, "encodeURIComponent(");
  Facts quote("from urllib.parse import quote\nimport psycopg2\n", Language::kPython);
  EXPECT_EQ(quote.facts.encode_prefix + "x" + quote.facts.encode_suffix, "quote(x, safe=\"\")");
  Facts plus("from urllib.parse import quote_plus as qp\n", Language::kPython);
  EXPECT_EQ(plus.facts.encode_prefix, "qp(");
  Facts module("import urllib.parse\n", Language::kPython);
  EXPECT_EQ(module.facts.encode_prefix, "urllib.parse.quote(");
  EXPECT_EQ(Facts("import os\n", Language::kPython).facts.encode_prefix, "");
}

}  // namespace
}  // namespace rdslint::script
