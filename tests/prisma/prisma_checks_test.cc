// The prisma rules on texts in memory, with project facts and project graphs
// built by hand (the fixtures under testdata/prisma/ run them on files).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "checks/linter.h"
#include "checks/prisma/lambda_engine.h"
#include "core/rule_registry.h"
#include "frontend/discover/file_kind.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {
namespace {

std::vector<Finding> Lint(const std::string& rule, const std::string& path, const std::string& text,
                          const ProjectFacts& facts) {
  const Linter linter(RuleRegistry::Embedded(), facts);
  DiscoveredFile f;
  f.path = path;
  f.abs_path = "/repo/" + path;
  f.kind = ClassifyPath(path);
  Config config;
  config.checks = {"-*", rule};
  return linter.LintText(f, text, config).findings;
}

DiscoveredFile File(const std::string& path) {
  DiscoveredFile f;
  f.path = path;
  f.abs_path = "/repo/" + path;
  f.kind = ClassifyPath(path);
  return f;
}

iac::Value Str(const std::string& s) {
  iac::Value v;
  v.kind = iac::Value::Kind::kString;
  v.text = s;
  v.origin.file = "iac";
  return v;
}

iac::Function Function(const std::string& id, const std::string& runtime,
                       std::vector<std::string> archs, iac::Flavor flavor) {
  iac::Function f;
  f.id = id;
  f.flavor = flavor;
  f.runtime = Str(runtime);
  if (!archs.empty()) {
    f.architectures.kind = iac::Value::Kind::kList;
    f.architectures.origin.file = "iac";
    for (const std::string& a : archs) f.architectures.items.push_back(Str(a));
  }
  return f;
}

ProjectFacts Prisma6() {
  ProjectFacts facts;
  facts.uses_prisma = true;
  facts.prisma_major = 6;
  return facts;
}

ProjectFacts Prisma7() {
  ProjectFacts facts;
  facts.uses_prisma = true;
  facts.prisma_major = 7;
  facts.prisma_config_ts = true;
  return facts;
}

std::string Schema(const std::string& datasource_body) {
  return "datasource db {\n  provider = \"postgresql\"\n" + datasource_body + "}\n";
}

// ---- prisma-url-literal

TEST(PrismaUrlLiteralTest, PasswordIsAnErrorAndNeverPrinted) {
  const std::string text =
      Schema("  url      = \"postgresql://app:Pl4ntedPw@db.internal:5432/app?sslmode=require\"\n");
  const std::vector<Finding> f = Lint("prisma-url-literal", "prisma/schema.prisma", text, Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].location.begin.line, 3);
  EXPECT_EQ(f[0].location.begin.column, 14);
  EXPECT_NE(f[0].message.find("Prisma 6"), std::string::npos);
  EXPECT_EQ(f[0].message.find("Pl4nted"), std::string::npos);
  EXPECT_EQ(f[0].masked_line.find("Pl4nted"), std::string::npos);
  EXPECT_NE(f[0].masked_line.find("****"), std::string::npos);
}

TEST(PrismaUrlLiteralTest, NoPasswordIsAWarningAndEnvIsFine) {
  std::vector<Finding> f = Lint("prisma-url-literal", "schema.prisma",
                                Schema("  url = \"postgresql://app@db.internal/app\"\n"), Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_TRUE(Lint("prisma-url-literal", "schema.prisma", Schema("  url = env(\"DATABASE_URL\")\n"),
                   Prisma6())
                  .empty());
  // SQLite's file: URL is not a connection string.
  EXPECT_TRUE(Lint("prisma-url-literal", "schema.prisma",
                   "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n", Prisma6())
                  .empty());
}

TEST(PrismaUrlLiteralTest, PrismaConfigLiteralsAndTemplates) {
  const std::string text =
      "export default defineConfig({\n"
      "  datasource: {\n"
      "    url: 'postgresql://app:Pl4ntedPw@db.internal/app',\n"
      "    shadowDatabaseUrl: `postgresql://${process.env.U}:${process.env.P}@h/db`,\n"
      "  },\n"
      "})\n";
  const std::vector<Finding> f = Lint("prisma-url-literal", "prisma.config.ts", text, Prisma7());
  ASSERT_EQ(f.size(), 1u);  // the template is built from variables
  EXPECT_EQ(f[0].location.begin.line, 3);
  EXPECT_EQ(f[0].location.begin.column, 10);
  EXPECT_NE(f[0].message.find("prisma.config.ts"), std::string::npos);
  EXPECT_NE(f[0].message.find("Prisma 7"), std::string::npos);
  EXPECT_EQ(f[0].masked_line.find("Pl4nted"), std::string::npos);
}

TEST(PrismaUrlLiteralTest, Prisma7SchemaUrlMovesToTheConfig) {
  const std::vector<Finding> f =
      Lint("prisma-url-literal", "schema.prisma", Schema("  url = \"postgresql://app@db.internal/app\"\n"),
           Prisma7());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("Prisma 7 rejects it in the schema: move it to datasource.url in "
                              "prisma.config.ts"),
            std::string::npos)
      << f[0].message;
}

// ---- prisma-tls-missing-sslmode

TEST(PrismaTlsTest, MissingSslmodeGetsAFixThatAppendsIt) {
  const std::string text = Schema("  url = \"postgresql://app@db.example.com:5432/app?schema=public\"\n");
  const std::vector<Finding> f = Lint("prisma-tls-missing-sslmode", "schema.prisma", text, Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.begin.column, 27);  // the host
  ASSERT_EQ(f[0].fixes.size(), 1u);
  const Replacement& r = f[0].fixes[0].replacements[0];
  EXPECT_EQ(r.text, "&sslmode=require");
  EXPECT_EQ(r.length, 0u);
  EXPECT_EQ(text[r.offset], '"');  // just before the closing quote
}

TEST(PrismaTlsTest, VerifyFullIsUnknownToPrisma5And6) {
  const std::string text = Schema("  url = \"postgresql://app@db.example.com/app?sslmode=verify-full\"\n");
  std::vector<Finding> f = Lint("prisma-tls-missing-sslmode", "schema.prisma", text, Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("falls back to prefer"), std::string::npos);
  ASSERT_EQ(f[0].fixes.size(), 1u);
  EXPECT_EQ(f[0].fixes[0].replacements[0].text, "require");
  EXPECT_EQ(text.substr(f[0].fixes[0].replacements[0].offset, f[0].fixes[0].replacements[0].length),
            "verify-full");
  EXPECT_TRUE(Lint("prisma-tls-missing-sslmode", "schema.prisma",
                   Schema("  url = \"postgresql://app@db.example.com/app?sslmode=require\"\n"),
                   Prisma6())
                  .empty());
  EXPECT_TRUE(Lint("prisma-tls-missing-sslmode", "schema.prisma",
                   Schema("  url = \"postgresql://app@localhost/app\"\n"), Prisma6())
                  .empty());
  // Under Prisma 7 verify-full is not this rule's to judge.
  EXPECT_TRUE(Lint("prisma-tls-missing-sslmode", "prisma.config.ts",
                   "export default { datasource: { url: 'postgresql://h.example.com/d?sslmode=verify-full' } }\n",
                   Prisma7())
                  .empty());
}

// ---- prisma-endpoint-not-proxy

TEST(PrismaEndpointTest, InstanceEndpointInTheSchemaUrl) {
  const std::string host = "impulse.c9akciq32abc.us-east-1.rds.amazonaws.com";
  std::vector<Finding> f =
      Lint("prisma-endpoint-not-proxy", "schema.prisma",
           Schema("  url       = \"postgresql://app@" + host + "/app?sslmode=require\"\n"
                  "  directUrl = \"postgresql://app@" + host + "/app?sslmode=require\"\n"),
           Prisma6());
  ASSERT_EQ(f.size(), 1u);  // directUrl is meant to be direct
  EXPECT_EQ(f[0].location.begin.line, 3);
  EXPECT_NE(f[0].message.find("RDS instance"), std::string::npos);
  EXPECT_TRUE(Lint("prisma-endpoint-not-proxy", "schema.prisma",
                   Schema("  url = \"postgresql://app@p.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/app\"\n"),
                   Prisma6())
                  .empty());
  // prisma.config.ts holds the migration URL: direct is right there.
  EXPECT_TRUE(Lint("prisma-endpoint-not-proxy", "prisma.config.ts",
                   "export default { datasource: { url: 'postgresql://" + host + "/app' } }\n", Prisma7())
                  .empty());
}

// ---- prisma-binary-targets-lambda

TEST(LambdaEngineTest, RuntimesAndArchitectures) {
  struct Case {
    const char* runtime;
    const char* arch;
    const char* target;
  };
  for (const Case& c : {Case{"nodejs16.x", "x86_64", "rhel-openssl-1.0.x"},
                        Case{"nodejs18.x", "x86_64", "rhel-openssl-1.0.x"},
                        Case{"nodejs18.x", "arm64", "linux-arm64-openssl-1.0.x"},
                        Case{"nodejs20.x", "x86_64", "rhel-openssl-3.0.x"},
                        Case{"nodejs20.x", "arm64", "linux-arm64-openssl-3.0.x"},
                        Case{"nodejs22.x", "x86_64", "rhel-openssl-3.0.x"},
                        Case{"nodejs22.x", "arm64", "linux-arm64-openssl-3.0.x"},
                        Case{"nodejs24.x", "arm64", "linux-arm64-openssl-3.0.x"}}) {
    std::optional<LambdaEngine> e = LambdaEngineFor(c.runtime, c.arch);
    ASSERT_TRUE(e) << c.runtime;
    EXPECT_EQ(e->target, c.target) << c.runtime << " " << c.arch;
  }
  EXPECT_TRUE(LambdaEngineFor("nodejs22.x", "arm64")->arm64_openssl3);
  EXPECT_FALSE(LambdaEngineFor("python3.12", "x86_64"));
  EXPECT_FALSE(LambdaEngineFor("provided.al2023", "x86_64"));
  EXPECT_FALSE(LambdaEngineFor("nodejs", "x86_64"));
  EXPECT_FALSE(LambdaEngineFor("nodejs20.x", "mips"));
}

const char kGenerator[] =
    "generator client {\n"
    "  provider = \"prisma-client-js\"\n"
    "}\n";

TEST(PrismaBinaryTargetsTest, MissingTargetsForEveryRuntimeAndArchitecture) {
  ProjectFacts facts = Prisma6();
  facts.graph.functions.push_back(
      Function("template.yaml#ApiFunction", "nodejs20.x", {}, iac::Flavor::kSam));
  facts.graph.functions.push_back(
      Function("aws_lambda_function.worker", "nodejs22.x", {"arm64"}, iac::Flavor::kTerraform));
  facts.graph.functions.push_back(
      Function("serverless.yml#functions.report", "python3.12", {}, iac::Flavor::kServerless));
  const std::string text = kGenerator;
  const std::vector<Finding> f = Lint("prisma-binary-targets-lambda", "schema.prisma", text, facts);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].location.begin.line, 1);
  EXPECT_EQ(f[0].location.begin.column, 11);  // "client"
  const std::string& m = f[0].message;
  EXPECT_NE(m.find("rhel-openssl-3.0.x for Node.js 20 on Amazon Linux 2023 (OpenSSL 3), x86_64 "
                   "(template.yaml#ApiFunction)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("linux-arm64-openssl-3.0.x for Node.js 22"), std::string::npos) << m;
  EXPECT_NE(m.find("Prisma's Lambda page shows linux-arm64-openssl-1.0.x"), std::string::npos);
  EXPECT_NE(m.find("Prisma 6"), std::string::npos);
  EXPECT_EQ(m.find("python"), std::string::npos);
  ASSERT_EQ(f[0].fixes.size(), 1u);
  const Replacement& r = f[0].fixes[0].replacements[0];
  EXPECT_EQ(r.offset, text.find("}"));
  EXPECT_EQ(r.text, "  binaryTargets = [\"native\", \"linux-arm64-openssl-3.0.x\", \"rhel-openssl-3.0.x\"]\n");
}

TEST(PrismaBinaryTargetsTest, ExistingListGetsTheMissingOnesAppended) {
  ProjectFacts facts = Prisma6();
  facts.graph.functions.push_back(Function("f", "nodejs18.x", {"x86_64", "arm64"}, iac::Flavor::kTerraform));
  const std::string text =
      "generator client {\n"
      "  provider      = \"prisma-client-js\"\n"
      "  binaryTargets = [\"native\", \"rhel-openssl-1.0.x\"]\n"
      "}\n";
  const std::vector<Finding> f = Lint("prisma-binary-targets-lambda", "schema.prisma", text, facts);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.begin.line, 3);
  EXPECT_EQ(f[0].location.begin.column, 19);
  EXPECT_EQ(f[0].message.find("Prisma's Lambda page shows"), std::string::npos);
  const Replacement& r = f[0].fixes[0].replacements[0];
  EXPECT_EQ(r.text, ", \"linux-arm64-openssl-1.0.x\"");
  EXPECT_EQ(text[r.offset], ']');
}

TEST(PrismaBinaryTargetsTest, QuietWhenNoEngineIsNeededOrAllAreThere) {
  ProjectFacts facts = Prisma6();
  facts.graph.functions.push_back(Function("f", "nodejs20.x", {"arm64"}, iac::Flavor::kSam));
  const std::string with_target =
      "generator client {\n  provider = \"prisma-client-js\"\n"
      "  binaryTargets = [\"native\", \"linux-arm64-openssl-3.0.x\"]\n}\n";
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", with_target, facts).empty());
  const std::string client_engine =
      "generator client {\n  provider = \"prisma-client\"\n  output = \"../gen\"\n"
      "  engineType = \"client\"\n}\n";
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", client_engine, facts).empty());
  const std::string other_generator = "generator erd {\n  provider = \"prisma-erd-generator\"\n}\n";
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", other_generator, facts).empty());
  // Prisma 7 runs without the Rust engine by default.
  ProjectFacts seven = Prisma7();
  seven.graph = facts.graph;
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", kGenerator, seven).empty());
  // No functions in the graph: nothing to compare with.
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", kGenerator, Prisma6()).empty());
  // Architectures that cannot be read: the function is skipped.
  ProjectFacts unknown = Prisma6();
  iac::Function fn = Function("f", "nodejs20.x", {}, iac::Flavor::kTerraform);
  fn.architectures.kind = iac::Value::Kind::kUnknown;
  fn.architectures.origin.file = "main.tf";
  fn.architectures.text = "var.archs";
  unknown.graph.functions.push_back(fn);
  EXPECT_TRUE(Lint("prisma-binary-targets-lambda", "schema.prisma", kGenerator, unknown).empty());
}

// ---- prisma-direct-url-missing

TEST(PrismaDirectUrlTest, LiteralProxyOrPgbouncerWithoutDirectUrl) {
  const std::string proxy = "postgresql://app@p.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/app";
  std::vector<Finding> f = Lint("prisma-direct-url-missing", "schema.prisma",
                                Schema("  url = \"" + proxy + "\"\n"), Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("RDS Proxy"), std::string::npos);
  f = Lint("prisma-direct-url-missing", "schema.prisma",
           Schema("  url = \"postgresql://app@pool.example.com/app?pgbouncer=true\"\n"), Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("prepared statement"), std::string::npos);
  EXPECT_TRUE(Lint("prisma-direct-url-missing", "schema.prisma",
                   Schema("  url = \"" + proxy + "\"\n  directUrl = env(\"DIRECT_URL\")\n"), Prisma6())
                  .empty());
}

TEST(PrismaDirectUrlTest, FollowsTheVariableToDotenvAndToTheGraph) {
  ProjectFacts facts = Prisma6();
  AddProjectFacts(File(".env"),
                  "DATABASE_URL=postgresql://app@p.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/app\n",
                  &facts);
  const std::string text = Schema("  url = env(\"DATABASE_URL\")\n");
  std::vector<Finding> f = Lint("prisma-direct-url-missing", "schema.prisma", text, facts);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.begin.column, 14);  // the variable's name
  EXPECT_NE(f[0].message.find(".env:1"), std::string::npos) << f[0].message;

  // A function whose environment references the proxy's endpoint.
  ProjectFacts graph = Prisma6();
  iac::Proxy proxy;
  proxy.id = "aws_db_proxy.main";
  graph.graph.proxies.push_back(proxy);
  iac::Function fn = Function("aws_lambda_function.api", "nodejs20.x", {}, iac::Flavor::kTerraform);
  iac::EnvVar var;
  var.name = "DATABASE_URL";
  var.value.kind = iac::Value::Kind::kString;
  var.value.text = "postgresql://app@${aws_db_proxy.main.endpoint}/app";
  iac::Hole hole;
  hole.begin = 17;
  hole.end = static_cast<uint32_t>(var.value.text.find("/app"));
  iac::Reference ref;
  ref.node = "aws_db_proxy.main";
  ref.attribute = "endpoint";
  hole.reference = ref;
  var.value.holes.push_back(hole);
  var.value.references.push_back(ref);
  fn.environment.push_back(var);
  graph.graph.functions.push_back(fn);
  f = Lint("prisma-direct-url-missing", "schema.prisma", text, graph);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("function aws_lambda_function.api (Terraform)"), std::string::npos)
      << f[0].message;
}

TEST(PrismaDirectUrlTest, Prisma7MigratesWithTheConfigUrl) {
  const std::string text =
      "export default defineConfig({ datasource: { url: "
      "'postgresql://app@p.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/app' } })\n";
  std::vector<Finding> f = Lint("prisma-direct-url-missing", "prisma.config.ts", text, Prisma7());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("Prisma 7 CLI migrates with"), std::string::npos) << f[0].message;
}

// ---- prisma-env-undefined

TEST(PrismaEnvUndefinedTest, ReportsEachUndefinedVariableOnce) {
  const std::string text = Schema("  url = env(\"DATABASE_URL\")\n  directUrl = env(\"DATABASE_URL\")\n");
  std::vector<Finding> f = Lint("prisma-env-undefined", "schema.prisma", text, Prisma6());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.begin.line, 3);
  EXPECT_EQ(f[0].location.begin.column, 14);
  EXPECT_NE(f[0].message.find("Environment variable not found"), std::string::npos);
}

TEST(PrismaEnvUndefinedTest, DefinitionsAnywhereInTheProject) {
  const std::string text = Schema("  url = env(\"DATABASE_URL\")\n  directUrl = env(\"DIRECT_URL\")\n");
  struct Source {
    const char* path;
    const char* text;
  };
  for (const Source& s : {
           Source{".env.example", "DATABASE_URL=\"postgresql://u:<password>@h/db\"\nDIRECT_URL=\n"},
           Source{"docker-compose.yml",
                  "services:\n  api:\n    environment:\n      DATABASE_URL: x\n"
                  "  worker:\n    environment:\n      - DIRECT_URL=y\n"},
           Source{".github/workflows/deploy.yml",
                  "on: push\nenv:\n  DATABASE_URL: ${{ secrets.DATABASE_URL }}\njobs:\n  deploy:\n"
                  "    runs-on: ubuntu-latest\n    steps:\n      - run: npx prisma migrate deploy\n"
                  "        env:\n          DIRECT_URL: ${{ secrets.DIRECT_URL }}\n"},
           Source{".gitlab-ci.yml", "variables:\n  DATABASE_URL: x\nmigrate:\n  variables:\n"
                                    "    DIRECT_URL:\n      value: y\n      description: d\n"},
           Source{"buildspec.yml", "version: 0.2\nenv:\n  variables:\n    DATABASE_URL: x\n"
                                   "  secrets-manager:\n    DIRECT_URL: prod/db:url\n"},
           Source{"azure-pipelines.yml", "variables:\n  - name: DATABASE_URL\n    value: x\n"
                                         "  - name: DIRECT_URL\n    value: y\n"},
           Source{".circleci/config.yml", "jobs:\n  build:\n    environment: {DATABASE_URL: x, DIRECT_URL: y}\n"},
           Source{"Dockerfile", "FROM node:20\nENV DATABASE_URL=x DIRECT_URL=\"y\"\n"},
       }) {
    ProjectFacts facts = Prisma6();
    AddProjectFacts(File(s.path), s.text, &facts);
    EXPECT_TRUE(facts.DefinesEnv("DATABASE_URL")) << s.path;
    EXPECT_TRUE(facts.DefinesEnv("DIRECT_URL")) << s.path;
    EXPECT_TRUE(Lint("prisma-env-undefined", "schema.prisma", text, facts).empty()) << s.path;
  }
}

TEST(PrismaEnvUndefinedTest, CiBlocksEndWhereTheirIndentationEnds) {
  ProjectFacts facts;
  AddProjectFacts(File(".github/workflows/ci.yml"),
                  "env:\n  A_VAR: 1\nname: x\njobs:\n  t:\n    steps:\n      - name: NOT_A_VAR\n"
                  "      - env:\n          B_VAR: 2\n        run: echo\n",
                  &facts);
  EXPECT_TRUE(facts.DefinesEnv("A_VAR"));
  EXPECT_TRUE(facts.DefinesEnv("B_VAR"));
  EXPECT_FALSE(facts.DefinesEnv("name"));
  EXPECT_FALSE(facts.DefinesEnv("NOT_A_VAR"));
  EXPECT_FALSE(facts.DefinesEnv("run"));
  EXPECT_EQ(facts.env_definitions["B_VAR"][0].line, 9);
}

TEST(PrismaEnvUndefinedTest, FunctionEnvironmentsAndUnknownLambdaProjects) {
  const std::string text = Schema("  url = env(\"DATABASE_URL\")\n");
  ProjectFacts facts = Prisma6();
  facts.lambda_project = true;
  // A Lambda project the graph does not know: the environments are unknown.
  EXPECT_TRUE(Lint("prisma-env-undefined", "schema.prisma", text, facts).empty());
  iac::Function fn = Function("template.yaml#Api", "nodejs20.x", {}, iac::Flavor::kSam);
  facts.graph.functions.push_back(fn);
  EXPECT_EQ(Lint("prisma-env-undefined", "schema.prisma", text, facts).size(), 1u);
  iac::EnvVar var;
  var.name = "DATABASE_URL";
  var.value = Str("{{resolve:secretsmanager:prod/db:SecretString:url}}");
  facts.graph.functions[0].environment.push_back(var);
  EXPECT_TRUE(Lint("prisma-env-undefined", "schema.prisma", text, facts).empty());
}

TEST(PrismaEnvUndefinedTest, PrismaConfigReferences) {
  const std::string text =
      "import 'dotenv/config'\n"
      "export default defineConfig({ datasource: { url: env('APP_DB_URL') } })\n"
      "const other = process.env.SEED_TOKEN\n";
  std::vector<Finding> f = Lint("prisma-env-undefined", "prisma.config.ts", text, Prisma7());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.begin.line, 2);
  EXPECT_EQ(f[0].location.begin.column, 55);
  EXPECT_NE(f[0].message.find("Prisma 7 CLI"), std::string::npos);
  EXPECT_EQ(f[1].location.begin.line, 3);
}

// ---- generation

TEST(PrismaGenerationTest, LayoutDecidesWhenPackageJsonIsSilent) {
  ProjectFacts facts;
  AddProjectFacts(File("prisma.config.ts"), "export default {}\n", &facts);
  EXPECT_EQ(facts.PrismaGeneration(), "Prisma 7");
  AddProjectFacts(File("prisma/schema.prisma"), Schema("  url = env(\"DATABASE_URL\")\n"), &facts);
  EXPECT_EQ(facts.PrismaGeneration(), "Prisma 5/6");
  AddProjectFacts(File("package.json"), "{\"devDependencies\": {\"prisma\": \"^7.1.0\"}}", &facts);
  EXPECT_EQ(facts.PrismaGeneration(), "Prisma 7");
}

TEST(PrismaFileTest, ParseErrorsBecomeFindings) {
  const ProjectFacts facts = Prisma6();
  const Linter linter(RuleRegistry::Embedded(), facts);
  Config config;
  config.checks = {"-*", "parse-error"};
  FileResult r = linter.LintText(File("schema.prisma"), "model A {\n  id Int @id\n", config);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "parse-error");
  EXPECT_EQ(r.findings[0].location.begin.line, 1);
  r = linter.LintText(File("prisma.config.ts"), "const a = 'x\n", config);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].location.begin.column, 11);
}

TEST(PrismaFileTest, PasswordsOnLinesThatDoNotParseAreMasked) {
  const ProjectFacts facts = Prisma6();
  const Linter linter(RuleRegistry::Embedded(), facts);
  Config config;
  config.checks = {"-*", "parse-error"};
  for (const char* text : {
           "datasource db {\n  url = \"postgresql://app:Pl4ntedPw@h.example.com/db\n}\n",
           "datasource db {\n  url = [\"postgresql://app:Pl4ntedPw@h.example.com/db\",\n}\n",
           "export default { datasource: { url: 'postgresql://app:Pl4ntedPw@h.example.com/db } }\n",
       }) {
    const std::string path = text[0] == 'e' ? "prisma.config.ts" : "schema.prisma";
    FileResult r = linter.LintText(File(path), text, config);
    ASSERT_FALSE(r.findings.empty()) << text;
    for (const Finding& f : r.findings) {
      EXPECT_EQ(f.masked_line.find("Pl4nted"), std::string::npos) << f.masked_line;
      EXPECT_EQ(f.message.find("Pl4nted"), std::string::npos) << f.message;
    }
  }
}

}  // namespace
}  // namespace rdslint
