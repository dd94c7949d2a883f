// The same stack written as SAM, plain CloudFormation JSON, Serverless
// Framework v3 and v4, and CDK output (testdata/iac-graph/, see its README)
// gives the same graph: the same nodes, the same edges, the same values.
// testdata/iac-graph/terraform/main.tf is the same stack for the Terraform
// builder's tests.
#include <gtest/gtest.h>

#include "tests/iac/iac_test_util.h"

namespace rdslint::iac {
namespace {

using testing::ById;
using testing::Project;
using testing::ReadProject;
using testing::SourceText;

struct StackCase {
  std::string fixture;
  Flavor flavor;
  std::string function, role, db, proxy, secret, parameter_group;
  std::string function_key;  // the function's origin, as written
};

void PrintTo(const StackCase& c, std::ostream* os) { *os << c.fixture; }

std::string PrintCase(const ::testing::TestParamInfo<StackCase>& info) {
  std::string name = info.param.fixture;
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

const StackCase kStacks[] = {
    {"sam", Flavor::kSam, "template.yaml#ApiFunction", "template.yaml#ApiFunctionRole",
     "template.yaml#Db", "template.yaml#DbProxy", "template.yaml#DbSecret",
     "template.yaml#DbParameterGroup", "ApiFunction"},
    {"cfn-json", Flavor::kCloudFormation, "stack.json#ApiFunction", "stack.json#ApiRole",
     "stack.json#Db", "stack.json#DbProxy", "stack.json#DbSecret", "stack.json#DbParameterGroup",
     "\"ApiFunction\""},
    {"serverless-v3", Flavor::kServerless, "serverless.yml#functions.api",
     "serverless.yml#IamRoleLambdaExecution", "serverless.yml#Db", "serverless.yml#DbProxy",
     "serverless.yml#DbSecret", "serverless.yml#DbParameterGroup", "api"},
    {"serverless-v4", Flavor::kServerless, "serverless.yml#functions.api",
     "serverless.yml#IamRoleLambdaExecution", "serverless.yml#Db", "serverless.yml#DbProxy",
     "serverless.yml#DbSecret", "serverless.yml#DbParameterGroup", "api"},
    {"cdk", Flavor::kCdk, "cdk.out/ImpulseStack.template.json#Api2D5D8A4C",
     "cdk.out/ImpulseStack.template.json#ApiServiceRole1C5A4B3C",
     "cdk.out/ImpulseStack.template.json#DatabaseB269D8BB",
     "cdk.out/ImpulseStack.template.json#DatabaseProxy8A2D6ED6",
     "cdk.out/ImpulseStack.template.json#DatabaseSecret3B817195",
     "cdk.out/ImpulseStack.template.json#DatabaseParameterGroup2A921026", "\"Api2D5D8A4C\""},
};

class StackTest : public ::testing::TestWithParam<StackCase> {
 protected:
  void SetUp() override { p_ = ReadProject(GetParam().fixture); }
  Project p_;
};

std::string Problems(const Project& p) {
  std::string out;
  for (const GraphProblem& g : p.problems) out += g.origin.file + ": " + g.message + "\n";
  return out;
}

// The node a value references (its only reference), or "".
std::string Target(const Graph& g, const Value& v) {
  if (v.references.empty()) return "<no reference>";
  const Node* n = g.Resolve(v.references.front());
  return n ? n->id : "<unresolved " + v.references.front().node + ">";
}

TEST_P(StackTest, NodesAndCounts) {
  const StackCase& c = GetParam();
  EXPECT_TRUE(p_.problems.empty()) << Problems(p_);
  const Graph& g = p_.graph;
  EXPECT_TRUE(g.IsLambdaProject());
  ASSERT_EQ(g.functions.size(), 1u);
  ASSERT_EQ(g.databases.size(), 1u);
  ASSERT_EQ(g.proxies.size(), 1u);
  ASSERT_EQ(g.parameter_groups.size(), 1u);
  ASSERT_EQ(g.secrets.size(), 1u);
  EXPECT_EQ(g.roles.size(), 2u);  // the function's and the proxy's
  EXPECT_TRUE(g.policy_errors.empty());
  for (const std::string& id : {c.function, c.role, c.db, c.proxy, c.secret, c.parameter_group}) {
    const Node* n = g.Find(id);
    ASSERT_NE(n, nullptr) << id;
    EXPECT_EQ(n->flavor, c.flavor) << id;
  }
  EXPECT_EQ(SourceText(g.functions[0].origin, c.fixture), c.function_key);
}

TEST_P(StackTest, FunctionRuntimeVpcAndEnvironment) {
  const StackCase& c = GetParam();
  const Graph& g = p_.graph;
  const Function* f = ById(g.functions, c.function);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->runtime.is_literal_string());
  EXPECT_EQ(f->runtime.text, "nodejs20.x");
  ASSERT_EQ(f->architectures.kind, Value::Kind::kList);
  ASSERT_EQ(f->architectures.items.size(), 1u);
  EXPECT_EQ(f->architectures.items[0].text, "arm64");
  EXPECT_TRUE(f->has_vpc);

  // function env var -> database address
  const EnvVar* host = f->Env("DB_HOST");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(Target(g, host->value), c.db);
  EXPECT_EQ(host->value.references[0].attribute, "Endpoint.Address");
  EXPECT_EQ(SourceText(host->name_origin, c.fixture).find("DB_HOST") != std::string::npos, true);
  const EnvVar* proxy_host = f->Env("DB_PROXY_HOST");
  ASSERT_NE(proxy_host, nullptr);
  EXPECT_EQ(Target(g, proxy_host->value), c.proxy);
  EXPECT_EQ(proxy_host->value.references[0].attribute, "Endpoint");
  const EnvVar* arn = f->Env("DB_SECRET_ARN");
  ASSERT_NE(arn, nullptr);
  EXPECT_EQ(Target(g, arn->value), c.secret);

  // Resolved values: parameter defaults, Serverless variables.
  const EnvVar* name = f->Env("DB_NAME");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->value.is_literal_string());
  EXPECT_EQ(name->value.text, "impulse_db");
  std::optional<Origin> at = name->value.OriginOf(0, 10);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(SourceText(*at, c.fixture), "impulse_db");

  const EnvVar* password = f->Env("DB_PASSWORD");
  ASSERT_NE(password, nullptr);
  EXPECT_TRUE(password->value.is_literal_string());
  EXPECT_NE(password->value.text.find("Pl4nted"), std::string::npos);
  at = password->value.OriginOf(0, static_cast<uint32_t>(password->value.text.size()));
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(SourceText(*at, c.fixture), password->value.text);
  // ... and is masked in every output.
  bool masked = false;
  for (const Origin& s : g.secret_spans) masked = masked || (s.file == at->file && s.range == at->range);
  EXPECT_TRUE(masked);

  const EnvVar* url = f->Env("DATABASE_URL");
  ASSERT_NE(url, nullptr);
  EXPECT_TRUE(url->value.deploy_time_secret);
  EXPECT_FALSE(url->value.holes.empty());
}

TEST_P(StackTest, FunctionRoleAndStatements) {
  const StackCase& c = GetParam();
  const Graph& g = p_.graph;
  const Function* f = ById(g.functions, c.function);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Target(g, f->role), c.role);
  const Role* role = g.FindRole(c.role);
  ASSERT_NE(role, nullptr);
  bool get_secret = false, connect = false;
  for (const Statement& s : role->statements) {
    EXPECT_EQ(s.effect, "Allow");
    for (const Value& a : s.actions) {
      if (a.text == "secretsmanager:GetSecretValue") {
        ASSERT_FALSE(s.resources.empty());
        EXPECT_EQ(Target(g, s.resources[0]), c.secret);
        get_secret = true;
      }
      if (a.text == "rds-db:connect") {
        connect = true;
        ASSERT_EQ(s.resources.size(), 1u);
        EXPECT_EQ(s.resources[0].kind, Value::Kind::kString);
        EXPECT_NE(s.resources[0].text.find(":dbuser:impulse-db/impulse_app"), std::string::npos);
      }
    }
  }
  EXPECT_TRUE(get_secret);
  EXPECT_TRUE(connect);
}

TEST_P(StackTest, DatabaseAndParameterGroup) {
  const StackCase& c = GetParam();
  const Graph& g = p_.graph;
  const Database* db = g.FindDatabase(c.db);
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->IsPostgres());
  EXPECT_FALSE(db->cluster);
  EXPECT_EQ(db->engine_version.text, "14.10");
  EXPECT_TRUE(db->iam_auth.is_false());
  EXPECT_TRUE(db->publicly_accessible.is_false());
  EXPECT_TRUE(db->password.deploy_time_secret);
  EXPECT_EQ(Target(g, db->password), c.secret);
  EXPECT_EQ(Target(g, db->parameter_group), c.parameter_group);
  const ParameterGroup& pg = g.parameter_groups[0];
  EXPECT_EQ(pg.family.text, "postgres14");
  const Value* force = pg.Parameter("rds.force_ssl");
  ASSERT_NE(force, nullptr);
  EXPECT_EQ(force->text, "0");
}

TEST_P(StackTest, ProxyFrontsTheDatabase) {
  const StackCase& c = GetParam();
  const Graph& g = p_.graph;
  const Proxy& x = g.proxies[0];
  EXPECT_EQ(x.id, c.proxy);
  EXPECT_EQ(x.engine_family.text, "POSTGRESQL");
  EXPECT_TRUE(x.require_tls.is_false());
  ASSERT_EQ(x.auth.size(), 1u);
  EXPECT_EQ(x.auth[0].iam_auth.text, "DISABLED");
  EXPECT_EQ(x.auth[0].auth_scheme.text, "SECRETS");
  EXPECT_EQ(Target(g, x.auth[0].secret), c.secret);
  ASSERT_EQ(x.targets.size(), 1u);
  const Node* target = g.Resolve(x.targets[0]);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->id, c.db);
}

TEST_P(StackTest, SecretIsADbCredentialRotatedDaily) {
  const StackCase& c = GetParam();
  const Graph& g = p_.graph;
  const Secret* s = g.FindSecret(c.secret);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->generated);
  EXPECT_TRUE(s->is_db_credential);
  EXPECT_EQ(s->name.text, "prod/impulse/db");
  EXPECT_NE(s->secret_string_template.text.find("impulse_app"), std::string::npos);
  ASSERT_TRUE(s->rotation.has_value());
  const Rotation& r = *s->rotation;
  EXPECT_TRUE(r.automatically_after_days.text == "1" || r.schedule_expression.text == "rate(1 day)")
      << r.automatically_after_days.text << " / " << r.schedule_expression.text;
  EXPECT_EQ(r.rotation_type.text, "PostgreSQLSingleUser");
  ASSERT_EQ(s->databases.size(), 1u);
  EXPECT_EQ(g.Resolve(s->databases[0])->id, c.db);
}

TEST_P(StackTest, SecurityGroupOpenOnThePostgresPort) {
  const Graph& g = p_.graph;
  int open = 0;
  for (const SecurityGroupRule& r : g.security_group_rules) {
    if (!r.ingress || r.cidr_blocks.empty()) continue;
    EXPECT_EQ(r.cidr_blocks[0].text, "0.0.0.0/0");
    EXPECT_EQ(r.from_port.text, "5432");
    EXPECT_EQ(r.to_port.text, "5432");
    EXPECT_EQ(r.protocol.text, "tcp");
    ASSERT_FALSE(r.security_group.references.empty());
    ++open;
  }
  EXPECT_EQ(open, 1);
}

INSTANTIATE_TEST_SUITE_P(Flavours, StackTest, ::testing::ValuesIn(kStacks), PrintCase);

// What only one flavour has.

TEST(SamStackTest, GlobalsParametersAndPolicyTemplates) {
  Project p = ReadProject("sam");
  const Function& f = p.graph.functions[0];
  // DB_NAME comes from Globals, its value from the parameter's Default.
  const EnvVar* name = f.Env("DB_NAME");
  ASSERT_NE(name, nullptr);
  ASSERT_EQ(name->value.via.size(), 1u);
  EXPECT_EQ(name->value.via[0], "parameter DbName (Default, template.yaml:8)");
  EXPECT_EQ(SourceText(name->name_origin, "sam"), "DB_NAME");
  // A CommaDelimitedList parameter is a list.
  const Value* subnets = f.vpc_config.Get("SubnetIds");
  ASSERT_NE(subnets, nullptr);
  ASSERT_EQ(subnets->kind, Value::Kind::kList);
  ASSERT_EQ(subnets->items.size(), 2u);
  EXPECT_EQ(subnets->items[1].text, "subnet-4e5f6a7b");
  EXPECT_EQ(SourceText(*subnets->items[1].OriginOf(0, 15), "sam"), "subnet-4e5f6a7b");
  // The role SAM generates holds the policy template's statement.
  const Role* role = p.graph.FindRole("template.yaml#ApiFunctionRole");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(SourceText(role->origin, "sam"), "Policies");
  ASSERT_EQ(role->statements.size(), 2u);
  EXPECT_EQ(SourceText(role->statements[0].origin, "sam"), "AWSSecretsManagerGetSecretValuePolicy");
  ASSERT_EQ(role->managed_policy_arns.size(), 1u);
  EXPECT_NE(role->managed_policy_arns[0].text.find("AWSLambdaBasicExecutionRole"), std::string::npos);
  // The master user through its parameter.
  const Database& db = p.graph.databases[0];
  EXPECT_EQ(db.username.text, "impulse_app");
  EXPECT_TRUE(db.username.is_literal_string());
  // A Sub with a dynamic reference around a variable: one hole, the secret.
  const Value& url = f.Env("DATABASE_URL")->value;
  EXPECT_EQ(url.text.substr(0, 26), "postgresql://impulse_app:{");
  ASSERT_EQ(url.holes.size(), 2u);  // DbUsername and DbName are their defaults
  const Hole& secret = url.holes[0];
  EXPECT_EQ(url.text.substr(secret.begin, secret.end - secret.begin),
            "{{resolve:secretsmanager:${DbSecret}:SecretString:password}}");
  ASSERT_TRUE(secret.reference.has_value());
  EXPECT_EQ(secret.reference->node, "template.yaml#DbSecret");
  EXPECT_EQ(url.text.substr(url.holes[1].begin, url.holes[1].end - url.holes[1].begin),
            "${DbProxy.Endpoint}");
  EXPECT_EQ(SourceText(*url.OriginOf(url.holes[1].begin, url.holes[1].end), "sam"),
            "${DbProxy.Endpoint}");
  EXPECT_EQ(SourceText(*url.OriginOf(0, 13), "sam"), "postgresql://");
  // The NoEcho default is masked.
  bool masked = false;
  for (const Origin& s : p.graph.secret_spans) {
    masked = masked || SourceText(s, "sam") == "Pl4nted-sam-default";
  }
  EXPECT_TRUE(masked);
}

TEST(CfnJsonStackTest, PositionsInJson) {
  Project p = ReadProject("cfn-json");
  const Function& f = p.graph.functions[0];
  const Value& url = f.Env("DATABASE_URL")->value;
  EXPECT_EQ(url.text.substr(0, 24), "postgresql://impulse_app");
  EXPECT_EQ(SourceText(*url.OriginOf(0, 13), "cfn-json"), "postgresql://");
  EXPECT_EQ(SourceText(f.Env("DB_HOST")->value.origin, "cfn-json"),
            "{\"Fn::GetAtt\": [\"Db\", \"Endpoint.Address\"]}");
  EXPECT_EQ(SourceText(p.graph.FindDatabase("stack.json#Db")->origin, "cfn-json"), "\"Db\"");
  const Role* role = p.graph.FindRole("stack.json#ApiRole");
  ASSERT_EQ(role->managed_policy_arns.size(), 1u);
  EXPECT_EQ(SourceText(role->statements[1].origin, "cfn-json").substr(0, 12), "{\"Effect\": \"");
}

TEST(ServerlessV3StackTest, VariablesAndIncludedFiles) {
  Project p = ReadProject("serverless-v3");
  const Function& f = p.graph.functions[0];
  EXPECT_EQ(f.handler.text, "dist/handler.handler");
  // ${self:custom.dbName}
  const Value& name = f.Env("DB_NAME")->value;
  ASSERT_FALSE(name.via.empty());
  EXPECT_EQ(name.via.back(), "self:custom.dbName (serverless.yml:6)");
  // ${env:DB_PASSWORD, 'Pl4nted-...'}: the fallback is in the file.
  const Value& password = f.Env("DB_PASSWORD")->value;
  EXPECT_EQ(password.text, "Pl4nted-sls3-fallback");
  // ${file(./config/db.yml):username} into the master user.
  const Database& db = p.graph.databases[0];
  EXPECT_EQ(db.username.text, "impulse_app");
  EXPECT_EQ(db.username.OriginOf(0, 11)->file, "config/db.yml");
  // ${aws:region} stays a hole.
  const Role* role = p.graph.FindRole("serverless.yml#IamRoleLambdaExecution");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(SourceText(role->origin, "serverless-v3"), "iamRoleStatements");
  const Value& arn = role->statements[1].resources[0];
  ASSERT_EQ(arn.holes.size(), 2u);
  EXPECT_EQ(arn.text.substr(arn.holes[0].begin, arn.holes[0].end - arn.holes[0].begin), "${aws:region}");
  // The list a variable names.
  const Value* subnets = f.vpc_config.Get("subnetIds");
  ASSERT_NE(subnets, nullptr);
  EXPECT_EQ(subnets->kind, Value::Kind::kList);
  // A secret template with a variable in it.
  EXPECT_EQ(p.graph.secrets[0].secret_string_template.text, "{\"username\": \"impulse_app\"}");
}

TEST(ServerlessV4StackTest, StageParamsFilesAndSsmSecrets) {
  Project p = ReadProject("serverless-v4");
  const Function& f = p.graph.functions[0];
  const Value& name = f.Env("DB_NAME")->value;
  EXPECT_EQ(name.via.back(), "param:dbName (serverless.yml:8)");
  // ${ssm:/aws/reference/secretsmanager/...}: a secret frozen at deploy.
  const Value& url = f.Env("DATABASE_URL")->value;
  EXPECT_TRUE(url.deploy_time_secret);
  ASSERT_EQ(url.holes.size(), 1u);
  EXPECT_EQ(url.holes[0].end, url.text.size());
  EXPECT_EQ(SourceText(*url.OriginOf(0, static_cast<uint32_t>(url.text.size())), "serverless-v4"),
            "${ssm:/aws/reference/secretsmanager/prod/impulse/database-url}");
  // Resources from an included file keep their file in origins.
  const Database& db = p.graph.databases[0];
  EXPECT_EQ(db.origin.file, "config/database.yml");
  EXPECT_EQ(SourceText(db.origin, "serverless-v4"), "Db");
  EXPECT_EQ(db.username.text, "impulse_app");
  // The VPC from ${file(./config/vpc.yml)}.
  const Value* subnets = f.vpc_config.Get("subnetIds");
  ASSERT_NE(subnets, nullptr);
  ASSERT_EQ(subnets->items.size(), 2u);
  EXPECT_EQ(subnets->items[0].origin.file, "config/vpc.yml");
  const Role* role = p.graph.FindRole("serverless.yml#IamRoleLambdaExecution");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(SourceText(role->origin, "serverless-v4"), "iam");
}

TEST(CdkStackTest, ConstructPathsAndNonTemplates) {
  Project p = ReadProject("cdk");
  // manifest.json, tree.json and the assets file are not templates.
  ASSERT_EQ(p.templates.size(), 1u);
  EXPECT_EQ(p.templates[0], "cdk.out/ImpulseStack.template.json");
  const Function& f = p.graph.functions[0];
  EXPECT_EQ(f.construct_path, "ImpulseStack/Api/Resource");
  EXPECT_EQ(f.code_path.text, "asset.3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708");
  // A Ref to the secret's attachment is the secret.
  EXPECT_EQ(f.Env("DB_SECRET_ARN")->value.references[0].node,
            "cdk.out/ImpulseStack.template.json#DatabaseSecret3B817195");
  // The standalone default policies are attached to their roles.
  ASSERT_EQ(p.graph.policies.size(), 2u);
  for (const Policy& pol : p.graph.policies) {
    ASSERT_EQ(pol.roles.size(), 1u);
    EXPECT_NE(p.graph.Resolve(pol.roles[0]), nullptr);
  }
  EXPECT_EQ(p.graph.secrets[0].rotation->schedule_expression.text, "rate(1 day)");
  // The username CDK takes from the secret at deploy time.
  EXPECT_TRUE(p.graph.databases[0].username.deploy_time_secret);
}

}  // namespace
}  // namespace rdslint::iac
