// The light dataflow: string building, bindings, imports, encoders and
// where values come from.
#include <gtest/gtest.h>

#include "tests/script/script_test_util.h"

namespace rdslint::script {
namespace {

TEST(ValuesTest, TemplateLiteralKeepsHolesWithTheirSource) {
  Script s("const user = 'app';\nconst url = `postgresql://${user}:${password}@db.example.com/app`;\n",
           Language::kTypeScript);
  ValuePtr v = s.Value("url");
  ASSERT_TRUE(v && v->is_string());
  EXPECT_EQ(v->text, "postgresql://app:${password}@db.example.com/app");
  ASSERT_EQ(v->holes.size(), 1u);
  const Hole& h = v->holes[0];
  EXPECT_EQ(h.name, "password");
  EXPECT_EQ(s.Source(h.expr), "password");
  // The constant's bytes map to the constant's literal.
  EXPECT_EQ(s.Source(v->ToSource(SourceRange{13, 16})), "app");
  // A range over the hole maps to its whole expression.
  EXPECT_EQ(s.Source(v->ToSource(SourceRange{h.begin, h.end})), "password");
  // The user constant was spliced in: a part, not a finished string.
  EXPECT_TRUE(s.eval().Consumed(s.Value("user")->expr));
  EXPECT_FALSE(s.eval().Consumed(v->expr));
}

TEST(ValuesTest, EscapesDecodeAndMapToTheirSource) {
  Script s(R"(const a = "p\x40ss\u{1F600}\n";)", Language::kJavaScript);
  ValuePtr v = s.Value("a");
  ASSERT_TRUE(v && v->is_literal_string());
  EXPECT_EQ(v->text, "p@ss\xF0\x9F\x98\x80\n");
  EXPECT_EQ(s.Source(v->ToSource(SourceRange{1, 2})), "\\x40");
}

TEST(ValuesTest, ConcatenationJoinAndConcat) {
  Script s(
      "const HOST = 'db.example.com';\n"
      "const a = 'postgresql://app@' + HOST + ':' + 5432 + '/app';\n"
      "const b = ['postgresql://', user, '@', HOST].join('');\n"
      "const c = 'postgresql://'.concat(user, '@', HOST);\n",
      Language::kJavaScript);
  EXPECT_EQ(s.Value("a")->text, "postgresql://app@db.example.com:5432/app");
  EXPECT_TRUE(s.Value("a")->holes.empty());
  EXPECT_EQ(s.Value("b")->text, "postgresql://${user}@db.example.com");
  EXPECT_EQ(s.Value("c")->text, "postgresql://${user}@db.example.com");
  EXPECT_EQ(s.Source(s.Value("b")->holes[0].expr), "user");
}

TEST(ValuesTest, PythonStringBuilding) {
  Script s(
      "HOST = 'db.example.com'\n"
      "a = f'postgresql://{user}:{pw!r}@{HOST}/app?x={{1}}'\n"
      "b = 'postgresql://%s:%s@%s/app' % (user, pw, HOST)\n"
      "c = 'postgresql://%(u)s@%(h)s/app' % {'u': user, 'h': HOST}\n"
      "d = 'postgresql://{}:{pw}@{0}'.format(HOST, pw=pw)\n"
      "e = ''.join(['postgresql://', user, '@', HOST])\n"
      "f = 'postgresql://' 'app@' + HOST\n"
      "g = r'\\d' + '\\x41'\n",
      Language::kPython);
  EXPECT_EQ(s.Value("a")->text, "postgresql://${user}:${pw}@db.example.com/app?x={1}");
  EXPECT_EQ(s.Value("b")->text, "postgresql://${user}:${pw}@db.example.com/app");
  EXPECT_EQ(s.Value("c")->text, "postgresql://${user}@db.example.com/app");
  EXPECT_EQ(s.Value("d")->text, "postgresql://db.example.com:${pw}@db.example.com");
  EXPECT_EQ(s.Value("e")->text, "postgresql://${user}@db.example.com");
  EXPECT_EQ(s.Value("f")->text, "postgresql://app@db.example.com");
  EXPECT_EQ(s.Value("g")->text, "\\dA");
  // The % argument is the hole's expression.
  ValuePtr b = s.Value("b");
  ASSERT_EQ(b->holes.size(), 2u);
  EXPECT_EQ(s.Source(b->holes[1].expr), "pw");
}

TEST(ValuesTest, AugmentedAssignmentExtendsTheString) {
  Script s("let url = 'postgresql://app@db.example.com/app';\nurl += '?sslmode=require';\nuse(url);\n",
           Language::kJavaScript);
  EXPECT_EQ(s.Value("url")->text, "postgresql://app@db.example.com/app?sslmode=require");
}

TEST(ValuesTest, EncodersAreRecognised) {
  Script js("const a = `${encodeURIComponent(pw)}`;\nconst b = `${encodeURI(pw)}`;\n", Language::kJavaScript);
  EXPECT_EQ(js.Value("a")->holes[0].encoding, Encoding::kFull);
  EXPECT_EQ(js.Value("b")->holes[0].encoding, Encoding::kNone) << "encodeURI keeps @ : / ? #";
  Script py(
      "from urllib.parse import quote, quote_plus\nimport urllib.parse\n"
      "a = f'{quote_plus(pw)}'\nb = f'{quote(pw)}'\nc = f'{quote(pw, safe=\"\")}'\n"
      "d = f'{urllib.parse.quote(pw, \"\")}'\n",
      Language::kPython);
  EXPECT_EQ(py.Value("a")->holes[0].encoding, Encoding::kFull);
  EXPECT_EQ(py.Value("b")->holes[0].encoding, Encoding::kKeepsSlash);
  EXPECT_EQ(py.Value("c")->holes[0].encoding, Encoding::kFull);
  EXPECT_EQ(py.Value("d")->holes[0].encoding, Encoding::kFull);
}

TEST(ValuesTest, SecretsTokensAndEnvironmentAreTraced) {
  Script s(
      "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\n"
      "const sm = new SecretsManagerClient({});\n"
      "const secret = await sm.send(new GetSecretValueCommand({ SecretId: 'x' }));\n"
      "const { password } = JSON.parse(secret.SecretString!);\n"
      "const token = await signer.getAuthToken();\n"
      "const host = process.env.DB_HOST;\n"
      "const other = process.env['DB_USER'];\n",
      Language::kTypeScript);
  ValuePtr pw = s.Value("password");
  EXPECT_TRUE(pw->taint.secret());
  EXPECT_EQ(pw->name, "password");
  EXPECT_EQ(pw->taint.origin, s.Offset("sm.send"));
  EXPECT_TRUE(s.Value("token")->taint.iam_token());
  EXPECT_EQ(s.Value("host")->taint.env_name, "DB_HOST");
  EXPECT_EQ(s.Value("other")->taint.env_name, "DB_USER");

  Script py(
      "import os, json, boto3\n"
      "sm = boto3.client('secretsmanager')\n"
      "creds = json.loads(sm.get_secret_value(SecretId='x')['SecretString'])\n"
      "pw = creds['password']\n"
      "host = os.environ['DB_HOST']\n"
      "port = os.environ.get('DB_PORT', '5432')\n"
      "user = os.getenv('DB_USER')\n",
      Language::kPython);
  EXPECT_TRUE(py.Value("pw")->taint.secret());
  EXPECT_EQ(py.Value("host")->taint.env_name, "DB_HOST");
  EXPECT_EQ(py.Value("port")->taint.env_name, "DB_PORT");
  EXPECT_EQ(py.Value("user")->taint.env_name, "DB_USER");
}

TEST(ValuesTest, LocalFunctionsThatFetchTaintTheirCallers) {
  Script s(
      "async function load() { return sm.send(new GetSecretValueCommand({ SecretId: 'x' })); }\n"
      "async function indirect() { return load(); }\n"
      "const v = await indirect();\n",
      Language::kJavaScript);
  ValuePtr v = s.Value("v");
  EXPECT_TRUE(v->taint.secret());
  EXPECT_EQ(v->taint.origin, s.Offset("sm.send"));
}

TEST(ValuesTest, ImportsBecomeQualifiedNames) {
  Script s(
      "import pg from 'pg';\nimport { Pool as P } from 'pg';\nimport * as ns from 'postgres';\n"
      "const { Client } = require('pg');\nconst Sq = require('sequelize').Sequelize;\n"
      "const a = pg.Pool, b = P, c = ns, d = Client, e = Sq;\n",
      Language::kJavaScript);
  EXPECT_EQ(s.Value("a")->qualified, "pg.Pool");
  EXPECT_EQ(s.Value("b")->qualified, "pg.Pool");
  EXPECT_EQ(s.Value("c")->qualified, "postgres");
  EXPECT_EQ(s.Value("d")->qualified, "pg.Client");
  EXPECT_EQ(s.Value("e")->qualified, "sequelize.Sequelize");
  Script py("import urllib.parse\nfrom psycopg2 import connect as c\nimport sqlalchemy as sa\n"
            "a = urllib.parse.quote\nb = c\nd = sa.engine.URL\n",
            Language::kPython);
  EXPECT_EQ(py.Value("a")->qualified, "urllib.parse.quote");
  EXPECT_EQ(py.Value("b")->qualified, "psycopg2.connect");
  EXPECT_EQ(py.Value("d")->qualified, "sqlalchemy.engine.URL");
}

TEST(ValuesTest, InsertionPointsAreOnlyInsideLiterals) {
  Script s("const a = `postgresql://app@${host}/app`;\nconst b = 'postgresql://app@h/' + db;\n",
           Language::kJavaScript);
  ValuePtr a = s.Value("a");
  uint32_t at = 0;
  ASSERT_TRUE(a->InsertionPoint(static_cast<uint32_t>(a->text.size()), &at));
  EXPECT_EQ(s.text()[at], '`') << "before the closing backtick";
  ValuePtr b = s.Value("b");
  EXPECT_FALSE(b->InsertionPoint(static_cast<uint32_t>(b->text.size()), &at)) << "after a hole in code";
}

TEST(ValuesTest, ObjectsDestructuringAndMutableBindings) {
  Script s(
      "const cfg = { host: 'db.example.com', ...{ port: 5432 }, ssl: { rejectUnauthorized: false } };\n"
      "const { host, ssl } = cfg;\n"
      "let state = null;\nfunction set() { state = 'a'; }\nfunction reset() { state = 'b'; }\n"
      "function read() { return state; }\n",
      Language::kJavaScript);
  EXPECT_EQ(s.Value("host")->text, "db.example.com");
  EXPECT_EQ(s.Value("cfg")->Get("port")->number, 5432);
  EXPECT_TRUE(s.Value("ssl")->is_object());
  ValuePtr read = s.eval().Evaluate(s.Find("state", "identifier", 3));
  EXPECT_EQ(read->kind, Value::Kind::kUnknown) << "assigned in two places";
}

TEST(ValuesTest, QuadraticStringGrowthStaysBounded) {
  std::string text = "let x = 'postgresql://a@h/d';\n";
  for (int i = 0; i < 3000; ++i) text += "x = x + 'aaaaaaaaaaaaaaaa';\n";
  text += "use(x);\n";
  Script s(text, Language::kJavaScript);
  size_t total = 0;
  for (const Binding& b : s.scopes().bindings()) {
    if (b.name != "x") continue;
    ValuePtr v = s.eval().ValueOf(b);
    if (v->is_string()) total += v->text.size();
  }
  EXPECT_LT(total, (1u << 20) + 32 * text.size() + 100000);
}

}  // namespace
}  // namespace rdslint::script
