// The code pack through the linter: fix-its applied to the text, handlers
// named by the project graph, the prefilter, parse errors, and secrets
// that never reach the output.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "checks/code/script_file.h"
#include "checks/linter.h"
#include "core/rule_registry.h"

namespace rdslint {
namespace {

FileResult Lint(const std::string& path, const std::string& text, const std::string& checks,
                const ProjectFacts& project = ProjectFacts()) {
  Linter linter(RuleRegistry::Embedded(), project);
  DiscoveredFile file;
  file.path = path;
  file.abs_path = "/tmp/" + path;
  file.kind = FileKind::kScript;
  file.size = text.size();
  Config config;
  config.checks = {"-*"};
  for (size_t from = 0; from <= checks.size();) {
    const size_t comma = std::min(checks.find(',', from), checks.size());
    config.checks.push_back(checks.substr(from, comma - from));
    from = comma + 1;
  }
  return linter.LintText(file, text, config);
}

std::string ApplyFixes(std::string text, const FileResult& result) {
  std::vector<Replacement> all;
  for (const Finding& f : result.findings) {
    for (const FixIt& fix : f.fixes) all.insert(all.end(), fix.replacements.begin(), fix.replacements.end());
  }
  std::sort(all.begin(), all.end(), [](const Replacement& a, const Replacement& b) { return a.offset > b.offset; });
  for (const Replacement& r : all) text.replace(r.offset, r.length, r.text);
  return text;
}

const std::string kSeedLine =
    "import { PrismaClient } from '@prisma/client';\n"
    "export async function url(secret: any) {\n"
    "  const { username, password, host, port, dbname } = JSON.parse(secret.SecretString!);\n"
    "  process.env.DATABASE_URL = `postgresql://${username}:${password}@${host}:${port}/${dbname}?schema=public`;\n"
    "}\n";

TEST(CodeChecksTest, EncodeFixWrapsTheInterpolatedPassword) {
  FileResult r = Lint("src/db.ts", kSeedLine, "code-url-unencoded-password");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].location.begin.line, 4);
  const std::string fixed = ApplyFixes(kSeedLine, r);
  EXPECT_NE(fixed.find(":${encodeURIComponent(password)}@"), std::string::npos) << fixed;
  EXPECT_TRUE(Lint("src/db.ts", fixed, "code-url-unencoded-password").findings.empty());
}

TEST(CodeChecksTest, SslmodeFixAppendsToTheLiteralTail) {
  const std::string text =
      "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\n"
      "const sm = new SecretsManagerClient({});\n"
      "export async function url() {\n"
      "  const s = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: 'x' }))).SecretString);\n"
      "  return `postgresql://${s.username}:${encodeURIComponent(s.password)}@${s.host}/app?schema=public`;\n"
      "}\n";
  FileResult r = Lint("src/db.ts", text, "code-tls-missing-sslmode");
  ASSERT_EQ(r.findings.size(), 1u);
  const std::string fixed = ApplyFixes(text, r);
  EXPECT_NE(fixed.find("?schema=public&sslmode=require`"), std::string::npos) << fixed;
  EXPECT_TRUE(Lint("src/db.ts", fixed, "code-tls-missing-sslmode").findings.empty());
}

TEST(CodeChecksTest, PythonFixesUseWhatTheFileImports) {
  const std::string text =
      "import os\nfrom urllib.parse import quote\nimport psycopg2\n"
      "pw = os.environ['DB_PASSWORD']\n"
      "a = psycopg2.connect(f\"postgresql://app:{pw}@db.example.com/app?sslmode=require\")\n"
      "b = psycopg2.connect(f\"postgresql://app:{quote(pw)}@db.example.com/app?sslmode=require\")\n";
  FileResult r = Lint("app.py", text, "code-url-unencoded-password");
  ASSERT_EQ(r.findings.size(), 2u);
  const std::string fixed = ApplyFixes(text, r);
  EXPECT_NE(fixed.find("app:{quote(pw, safe=\"\")}@db.example.com/app?sslmode=require\")\nb"), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("{quote(pw, safe=\"\")}@db.example.com/app?sslmode=require\")\n", fixed.find("\nb")), std::string::npos);
  EXPECT_TRUE(Lint("app.py", fixed, "code-url-unencoded-password").findings.empty());

  // Without an import there is no certain edit, only the advice.
  FileResult none = Lint("app.py", "import os, psycopg2\npw = os.environ['P']\nc = psycopg2.connect(f'postgresql://a:{pw}@h/d')\n",
                         "code-url-unencoded-password");
  ASSERT_EQ(none.findings.size(), 1u);
  EXPECT_TRUE(none.findings[0].fixes.empty());
  EXPECT_NE(none.findings[0].message.find("urllib.parse.quote(value, safe=\"\")"), std::string::npos);
}

TEST(CodeChecksTest, LiteralReservedCharactersArePercentEncodedOneByOne) {
  const std::string text = "import { Client } from 'pg';\nexport const c = new Client('postgresql://app:Pl4nted@#x@localhost/app');\n";
  FileResult r = Lint("src/db.ts", text, "code-url-unencoded-password");
  ASSERT_EQ(r.findings.size(), 1u);
  const std::string fixed = ApplyFixes(text, r);
  EXPECT_NE(fixed.find("app:Pl4nted%40%23x@localhost"), std::string::npos) << fixed;
  for (const Finding& f : r.findings) {
    for (const FixIt& fix : f.fixes) {
      for (const Replacement& rep : fix.replacements) EXPECT_EQ(rep.text.find("Pl4nted"), std::string::npos);
    }
    EXPECT_EQ(f.masked_line.find("Pl4nted"), std::string::npos) << f.masked_line;
    EXPECT_EQ(f.message.find("Pl4nted"), std::string::npos);
  }
}

TEST(CodeChecksTest, HandlersNamedByTheProjectGraph) {
  ProjectFacts project;
  iac::Function fn;
  fn.id = "template.yaml#Api";
  fn.handler.kind = iac::Value::Kind::kString;
  fn.handler.text = "dist/app.main";
  project.graph.functions.push_back(fn);
  EXPECT_EQ(GraphHandlerNames(project, "src/app.ts"), std::vector<std::string>{"main"});
  EXPECT_TRUE(GraphHandlerNames(project, "src/other.ts").empty());
  // The run's index answers the same.
  const HandlerIndex index(project);
  EXPECT_EQ(index.Names("src/app.ts"), GraphHandlerNames(project, "src/app.ts"));
  EXPECT_EQ(index.Names("dist/app.js"), GraphHandlerNames(project, "dist/app.js"));
  EXPECT_TRUE(index.Names("src/other.ts").empty());
  const std::string text =
      "import { PrismaClient } from '@prisma/client';\n"
      "export async function main() {\n  const p = new PrismaClient();\n  return p.user.count();\n}\n";
  EXPECT_TRUE(Lint("src/app.ts", text, "code-prisma-client-per-invocation").findings.empty())
      << "without the graph, main is not known to be a handler";
  FileResult r = Lint("src/app.ts", text, "code-prisma-client-per-invocation", project);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].location.begin.line, 3);
  EXPECT_NE(r.findings[0].message.find("(main())"), std::string::npos) << r.findings[0].message;
}

TEST(CodeChecksTest, PrefilterAndParseErrors) {
  // No database token: never parsed, nothing reported, even a broken file.
  EXPECT_TRUE(Lint("src/ui.ts", "export const x = (;\n", "*").findings.empty());
  // A broken file that mentions a database: one located note, and the
  // rules still read the rest.
  const std::string broken =
      "import { Pool } from 'pg';\nexport const a = new Pool({ host: 'db.example.com', ssl: false });\n"
      "export const b = (;\n";
  FileResult r = Lint("src/db.ts", broken, "parse-error,code-tls-missing-sslmode");
  ASSERT_EQ(r.findings.size(), 2u);
  const Finding& parse = r.findings[0].rule_id == "parse-error" ? r.findings[0] : r.findings[1];
  const Finding& tls = r.findings[0].rule_id == "parse-error" ? r.findings[1] : r.findings[0];
  EXPECT_EQ(tls.rule_id, "code-tls-missing-sslmode");
  EXPECT_EQ(tls.location.begin.line, 2);
  EXPECT_EQ(parse.rule_id, "parse-error");
  EXPECT_EQ(parse.severity, Severity::kNote);
  EXPECT_EQ(parse.location.begin.line, 3);
}

TEST(CodeChecksTest, PrismaConfigBelongsToThePrismaPack) {
  const std::string text =
      "import { defineConfig } from 'prisma/config';\n"
      "export default defineConfig({ datasource: { url: 'postgresql://u:Pl4nted@db.example.com/d' } });\n";
  EXPECT_TRUE(Lint("prisma.config.ts", text, "code-*").findings.empty());
}

}  // namespace
}  // namespace rdslint
