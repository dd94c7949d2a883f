#include "frontend/iac/terraform_graph.h"

#include <chrono>
#include <set>

#include <gtest/gtest.h>

#include "frontend/iac/terraform_secrets.h"
#include "tests/terraform/terraform_test_util.h"

namespace rdslint::iac {
namespace {

using tf::testing::Files;
using tf::testing::Testdata;
using tf::testing::TextAt;
using Kind = Value::Kind;

bool References(const Value& v, std::string_view node, std::string_view attribute) {
  for (const Reference& r : v.references) {
    if (r.node == node && r.attribute == attribute) return true;
  }
  return false;
}

std::string Texts(const std::vector<Value>& values) {
  std::string out;
  for (const Value& v : values) out += (out.empty() ? "" : ",") + v.text;
  return out;
}

bool Masked(const Graph& g, const std::vector<tf::Input>& inputs, std::string_view secret) {
  for (const Origin& o : g.secret_spans) {
    if (TextAt(inputs, o) == secret) return true;
  }
  return false;
}

// ---- the incident's stack (testdata/iac-graph/terraform) -----------------------
// The shapes tests/iac/iac_stack_test.cc holds the CloudFormation, SAM,
// Serverless and CDK copies of this stack to, test for test, then what only
// Terraform has.

class StackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    inputs_ = new std::vector<tf::Input>(Testdata("iac-graph/terraform"));
    graph_ = new Graph(BuildTerraformGraph(*inputs_));
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete inputs_;
  }
  static const Graph& g() { return *graph_; }
  static std::string Source(const Origin& o) { return TextAt(*inputs_, o); }
  // The node a value references (its first reference), or "".
  static std::string Target(const Value& v) {
    if (v.references.empty()) return "<no reference>";
    const Node* n = g().Resolve(v.references.front());
    return n ? n->id : "<unresolved " + v.references.front().node + ">";
  }
  static std::vector<tf::Input>* inputs_;
  static Graph* graph_;
};
std::vector<tf::Input>* StackTest::inputs_ = nullptr;
Graph* StackTest::graph_ = nullptr;

constexpr const char* kFunction = "aws_lambda_function.api";
constexpr const char* kRole = "aws_iam_role.api";
constexpr const char* kDb = "aws_db_instance.impulse";
constexpr const char* kProxy = "aws_db_proxy.impulse";
constexpr const char* kSecret = "aws_secretsmanager_secret.db";
constexpr const char* kParameterGroup = "aws_db_parameter_group.impulse";

TEST_F(StackTest, NodesAndCounts) {
  for (const GraphProblem& p : g().problems) ADD_FAILURE() << p.origin.file << ": " << p.message;
  EXPECT_TRUE(g().IsLambdaProject());
  ASSERT_EQ(g().functions.size(), 1u);
  ASSERT_EQ(g().databases.size(), 1u);
  ASSERT_EQ(g().proxies.size(), 1u);
  ASSERT_EQ(g().parameter_groups.size(), 1u);
  ASSERT_EQ(g().secrets.size(), 1u);
  EXPECT_EQ(g().roles.size(), 2u);  // the function's and the proxy's
  for (const PolicyError& e : g().policy_errors) ADD_FAILURE() << e.origin.file << ": " << e.message;
  for (const char* id : {kFunction, kRole, kDb, kProxy, kSecret, kParameterGroup}) {
    const Node* n = g().Find(id);
    ASSERT_NE(n, nullptr) << id;
    EXPECT_EQ(n->flavor, Flavor::kTerraform) << id;
  }
  EXPECT_EQ(Source(g().functions[0].origin), "resource \"aws_lambda_function\" \"api\"");
  ASSERT_EQ(g().sources.size(), 1u);
  EXPECT_EQ(g().sources[0].file, "testdata/iac-graph/terraform/main.tf");
  EXPECT_EQ(g().sources[0].fingerprint, TextFingerprint((*inputs_)[0].text));
}

TEST_F(StackTest, FunctionRuntimeVpcAndEnvironment) {
  const Function* f = &g().functions[0];
  EXPECT_TRUE(f->runtime.is_literal_string());
  EXPECT_EQ(f->runtime.text, "nodejs20.x");
  ASSERT_EQ(f->architectures.kind, Kind::kList);
  ASSERT_EQ(f->architectures.items.size(), 1u);
  EXPECT_EQ(f->architectures.items[0].text, "arm64");
  EXPECT_TRUE(f->has_vpc);
  EXPECT_EQ(f->handler.text, "dist/handler.handler");
  EXPECT_EQ(f->environment.size(), 6u);

  // function env var -> database address
  const EnvVar* host = f->Env("DB_HOST");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(Target(host->value), kDb);
  EXPECT_EQ(host->value.references[0].attribute, "address");
  EXPECT_EQ(Source(host->name_origin), "DB_HOST");
  EXPECT_EQ(host->value.kind, Kind::kUnknown);
  const EnvVar* proxy_host = f->Env("DB_PROXY_HOST");
  ASSERT_NE(proxy_host, nullptr);
  EXPECT_EQ(Target(proxy_host->value), kProxy);
  EXPECT_EQ(proxy_host->value.references[0].attribute, "endpoint");
  const EnvVar* arn = f->Env("DB_SECRET_ARN");
  ASSERT_NE(arn, nullptr);
  EXPECT_EQ(Target(arn->value), kSecret);

  // Resolved values: variable defaults.
  const EnvVar* name = f->Env("DB_NAME");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->value.is_literal_string());
  EXPECT_EQ(name->value.text, "impulse_db");
  std::optional<Origin> at = name->value.OriginOf(0, 10);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(Source(*at), "impulse_db");
  ASSERT_EQ(name->value.via.size(), 1u);
  EXPECT_EQ(name->value.via[0], "var.db_name (default in testdata/iac-graph/terraform/main.tf:6)");

  const EnvVar* password = f->Env("DB_PASSWORD");
  ASSERT_NE(password, nullptr);
  EXPECT_TRUE(password->value.is_literal_string());
  EXPECT_EQ(password->value.text, "Pl4nted-tf-default");
  EXPECT_EQ(Source(password->value.origin), "var.db_password");
  at = password->value.OriginOf(0, static_cast<uint32_t>(password->value.text.size()));
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(Source(*at), password->value.text);
  // ... and is masked in every output.
  bool masked = false;
  for (const Origin& s : g().secret_spans) masked = masked || (s.file == at->file && s.range == at->range);
  EXPECT_TRUE(masked);

  const EnvVar* url = f->Env("DATABASE_URL");
  ASSERT_NE(url, nullptr);
  EXPECT_TRUE(url->value.deploy_time_secret);
  EXPECT_FALSE(url->value.holes.empty());
  EXPECT_EQ(url->value.text.rfind("postgresql://impulse_app:${", 0), 0u) << url->value.text;
  EXPECT_NE(url->value.text.find(":5432/impulse_db?sslmode=require"), std::string::npos) << url->value.text;
}

TEST_F(StackTest, FunctionRoleAndStatements) {
  const Function* f = &g().functions[0];
  EXPECT_EQ(Target(f->role), kRole);
  const Role* role = g().FindRole(kRole);
  ASSERT_NE(role, nullptr);
  bool get_secret = false, connect = false;
  for (const Statement& s : role->statements) {
    EXPECT_EQ(s.effect, "Allow");
    EXPECT_EQ(Source(s.origin).rfind("statement {", 0), 0u);
    for (const Value& a : s.actions) {
      if (a.text == "secretsmanager:GetSecretValue") {
        ASSERT_FALSE(s.resources.empty());
        EXPECT_EQ(Target(s.resources[0]), kSecret);
        get_secret = true;
      }
      if (a.text == "rds-db:connect") {
        connect = true;
        ASSERT_EQ(s.resources.size(), 1u);
        EXPECT_EQ(s.resources[0].kind, Kind::kString);
        EXPECT_NE(s.resources[0].text.find(":dbuser:impulse-db/impulse_app"), std::string::npos);
        // The identifier is the DB's configured one, and says so.
        EXPECT_TRUE(References(s.resources[0], kDb, "identifier"));
      }
    }
  }
  EXPECT_TRUE(get_secret);
  EXPECT_TRUE(connect);
  EXPECT_EQ(role->statements.size(), 2u);
}

TEST_F(StackTest, DatabaseAndParameterGroup) {
  const Database* db = g().FindDatabase(kDb);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Source(db->origin), "resource \"aws_db_instance\" \"impulse\"");
  EXPECT_TRUE(db->IsPostgres());
  EXPECT_FALSE(db->cluster);
  EXPECT_EQ(db->engine_version.text, "14.10");
  EXPECT_TRUE(db->iam_auth.is_false());
  EXPECT_TRUE(db->publicly_accessible.is_false());
  EXPECT_TRUE(db->password.deploy_time_secret);
  EXPECT_EQ(Target(db->password), kSecret);
  EXPECT_EQ(Target(db->parameter_group), kParameterGroup);
  EXPECT_EQ(db->parameter_group.text, "impulse");  // the group's configured name
  EXPECT_EQ(db->username.text, "impulse_app");
  EXPECT_EQ(Source(*db->username.OriginOf(0, 11)), "impulse_app");
  EXPECT_EQ(db->port.text, "5432");
  EXPECT_EQ(db->manage_master_password.kind, Kind::kNull);
  const ParameterGroup& pg = g().parameter_groups[0];
  EXPECT_EQ(pg.family.text, "postgres14");
  const Value* force = pg.Parameter("rds.force_ssl");
  ASSERT_NE(force, nullptr);
  EXPECT_EQ(force->text, "0");
  EXPECT_EQ(Source(force->origin), "\"0\"");
}

TEST_F(StackTest, ProxyFrontsTheDatabase) {
  const Proxy& x = g().proxies[0];
  EXPECT_EQ(x.id, kProxy);
  EXPECT_EQ(x.engine_family.text, "POSTGRESQL");
  EXPECT_TRUE(x.require_tls.is_false());
  ASSERT_EQ(x.auth.size(), 1u);
  EXPECT_EQ(x.auth[0].iam_auth.text, "DISABLED");
  EXPECT_EQ(x.auth[0].auth_scheme.text, "SECRETS");
  EXPECT_EQ(Target(x.auth[0].secret), kSecret);
  ASSERT_EQ(x.targets.size(), 1u);
  const Node* target = g().Resolve(x.targets[0]);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->id, kDb);
}

TEST_F(StackTest, SecretIsADbCredentialRotatedDaily) {
  const Secret* s = g().FindSecret(kSecret);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->generated);
  EXPECT_TRUE(s->is_db_credential);
  EXPECT_FALSE(s->managed_master_password);
  EXPECT_EQ(s->name.text, "prod/impulse/db");
  EXPECT_NE(s->secret_string_template.text.find("impulse_app"), std::string::npos);
  ASSERT_EQ(s->secret_string_template.encoded.size(), 1u);
  EXPECT_EQ(s->secret_string_template.encoded[0].Get("username")->text, "impulse_app");
  ASSERT_TRUE(s->rotation.has_value());
  const Rotation& r = *s->rotation;
  EXPECT_EQ(r.automatically_after_days.text, "1");
  EXPECT_EQ(Source(r.automatically_after_days.origin), "1");
  EXPECT_EQ(r.rotation_type.text, "PostgreSQLSingleUser");
  EXPECT_TRUE(References(r.rotation_lambda, "aws_serverlessapplicationrepository_cloudformation_stack.rotator",
                         "outputs"));
  ASSERT_EQ(s->databases.size(), 1u);
  EXPECT_EQ(g().Resolve(s->databases[0])->id, kDb);
}

TEST_F(StackTest, SecurityGroupOpenOnThePostgresPort) {
  int open = 0;
  for (const SecurityGroupRule& r : g().security_group_rules) {
    if (!r.ingress || r.cidr_blocks.empty()) continue;
    EXPECT_EQ(r.id, "aws_security_group.db.ingress[0]");
    EXPECT_EQ(r.cidr_blocks[0].text, "0.0.0.0/0");
    EXPECT_EQ(r.from_port.text, "5432");
    EXPECT_EQ(r.to_port.text, "5432");
    EXPECT_EQ(r.protocol.text, "tcp");
    ASSERT_FALSE(r.security_group.references.empty());
    EXPECT_EQ(r.security_group.references[0].node, "aws_security_group.db");
    ++open;
  }
  EXPECT_EQ(open, 1);
}

TEST_F(StackTest, TheProxyRoleReadsTheSecret) {
  const Role* role = g().FindRole("aws_iam_role.proxy");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->statements.size(), 1u);
  const Statement& s = role->statements[0];
  EXPECT_EQ(Texts(s.actions), "secretsmanager:GetSecretValue");
  EXPECT_EQ(Source(s.actions[0].origin), "\"secretsmanager:GetSecretValue\"");
  ASSERT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(Target(s.resources[0]), kSecret);
  EXPECT_EQ(Source(s.resources[0].origin), "aws_secretsmanager_secret.db.arn");
}

// ---- local modules and terraform.tfvars (testdata/iac-graph/terraform-modules) ---

class ModulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inputs_ = Testdata("iac-graph/terraform-modules");
    graph_ = BuildTerraformGraph(inputs_);
  }
  std::string Source(const Origin& o) const { return TextAt(inputs_, o); }
  std::vector<tf::Input> inputs_;
  Graph graph_;
};

TEST_F(ModulesTest, ValuesFlowThroughModulesAndTfvars) {
  for (const GraphProblem& p : graph_.problems) ADD_FAILURE() << p.origin.file << ": " << p.message;
  ASSERT_EQ(graph_.databases.size(), 1u);
  const Database& db = graph_.databases[0];
  EXPECT_EQ(db.id, "module.db.aws_db_instance.this");
  EXPECT_EQ(db.password.text, "Pl4nted-tfvars");
  std::optional<Origin> literal = db.password.OriginOf(0, static_cast<uint32_t>(db.password.text.size()));
  ASSERT_TRUE(literal);
  EXPECT_EQ(literal->file, "testdata/iac-graph/terraform-modules/terraform.tfvars");
  EXPECT_EQ(Source(*literal), "Pl4nted-tfvars");
  ASSERT_GE(db.password.via.size(), 2u);
  EXPECT_EQ(db.password.via[0], "var.db_password (testdata/iac-graph/terraform-modules/terraform.tfvars:2)");
  EXPECT_EQ(db.password.via[1], "var.password of module.db (testdata/iac-graph/terraform-modules/main.tf:11)");
  EXPECT_EQ(Source(db.password.origin), "var.password");
  EXPECT_TRUE(Masked(graph_, inputs_, "Pl4nted-tfvars"));
}

TEST_F(ModulesTest, OutputsComeBackIntoTheFunction) {
  ASSERT_EQ(graph_.functions.size(), 1u);
  const Function& fn = graph_.functions[0];
  EXPECT_EQ(fn.id, "module.api.aws_lambda_function.this");
  const EnvVar* url = fn.Env("DATABASE_URL");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->value.text, "postgresql://impulse_app:Pl4nted-tfvars@${module.db.address}:5432/impulse_prod");
  ASSERT_EQ(url->value.holes.size(), 1u);
  ASSERT_TRUE(url->value.holes[0].reference);
  EXPECT_EQ(url->value.holes[0].reference->node, "module.db.aws_db_instance.this");
  EXPECT_EQ(url->value.holes[0].reference->attribute, "address");
  EXPECT_NE(graph_.Resolve(*url->value.holes[0].reference), nullptr);
  const uint32_t at = static_cast<uint32_t>(url->value.text.find("Pl4nted"));
  std::optional<Origin> pw = url->value.OriginOf(at, at + 14);
  ASSERT_TRUE(pw);
  EXPECT_EQ(pw->file, "testdata/iac-graph/terraform-modules/terraform.tfvars");
  // The identifier came from local.name with the tfvars environment.
  EXPECT_EQ(fn.Env("DB_SECRET_ARN")->value.references.at(0).node, "module.db.aws_secretsmanager_secret.db");
}

TEST_F(ModulesTest, HeredocPolicyReachesTheRoleThroughItsAttachment) {
  const Role* role = graph_.FindRole("module.api.aws_iam_role.this");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->statements.size(), 1u);
  const Statement& s = role->statements[0];
  EXPECT_EQ(s.effect, "Allow");
  EXPECT_EQ(Texts(s.actions), "secretsmanager:GetSecretValue");
  EXPECT_EQ(Source(s.actions[0].origin), "\"secretsmanager:GetSecretValue\"");
  EXPECT_EQ(s.actions[0].origin.file, "testdata/iac-graph/terraform-modules/modules/api/main.tf");
  ASSERT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(s.resources[0].kind, Kind::kString);
  ASSERT_EQ(s.resources[0].holes.size(), 1u);
  EXPECT_EQ(s.resources[0].holes[0].reference->node, "module.db.aws_secretsmanager_secret.db");
  ASSERT_EQ(role->managed_policy_arns.size(), 1u);
  EXPECT_EQ(role->managed_policy_arns[0].text, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  ASSERT_EQ(graph_.policies.size(), 1u);
  ASSERT_EQ(graph_.policies[0].roles.size(), 1u);
  EXPECT_EQ(graph_.policies[0].roles[0].node, "module.api.aws_iam_role.this");
  const Function& fn = graph_.functions.at(0);
  EXPECT_TRUE(References(fn.role, "module.api.aws_iam_role.this", "arn"));
}

// ---- the demo project -------------------------------------------------------------

TEST(DemoTest, BuildsTheIncidentsGraph) {
  std::vector<tf::Input> inputs = Testdata("demo/infra");
  Graph g = BuildTerraformGraph(inputs);
  EXPECT_TRUE(g.problems.empty());
  ASSERT_EQ(g.databases.size(), 1u);
  const Database& db = g.databases[0];
  EXPECT_EQ(db.password.text, "Pl4nted-Impulse-2024");
  EXPECT_EQ(TextAt(inputs, *db.password.OriginOf(0, 20)), "Pl4nted-Impulse-2024");
  EXPECT_TRUE(db.publicly_accessible.is_true());
  EXPECT_TRUE(Masked(g, inputs, "Pl4nted-Impulse-2024"));
  ASSERT_EQ(g.secrets.size(), 1u);
  ASSERT_TRUE(g.secrets[0].rotation);
  EXPECT_EQ(g.secrets[0].rotation->automatically_after_days.text, "1");
  EXPECT_TRUE(g.secrets[0].is_db_credential);  // DB_SECRET_ARN names it
  ASSERT_EQ(g.functions.size(), 1u);
  const Value& url = g.functions[0].Env("DATABASE_URL")->value;
  EXPECT_EQ(url.text, "postgresql://impulse_app:Pl4nted-Impulse-2024@${aws_db_instance.impulse.address}:5432/impulse_db");
  EXPECT_TRUE(References(url, "aws_db_instance.impulse", "address"));
  const Role* role = g.FindRole("aws_iam_role.api");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->statements.size(), 1u);
  EXPECT_EQ(Texts(role->statements[0].actions), "secretsmanager:*");
  EXPECT_EQ(Texts(role->statements[0].resources), "*");
}

// ---- registry modules, policies, problems -------------------------------------

TEST(RegistryModulesTest, RdsAuroraAndLambdaMapTheirInputs) {
  Graph g = BuildTerraformGraph(Files({{"main.tf", R"(
module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.5"

  identifier                  = "impulse"
  engine                      = "postgres"
  engine_version              = "14"
  family                      = "postgres14"
  username                    = "impulse_app"
  password                    = "Pl4nted-module"
  manage_master_user_password = false
  parameters = [
    { name = "rds.force_ssl", value = "1" }
  ]
}

module "aurora" {
  source         = "terraform-aws-modules/rds-aurora/aws"
  name           = "impulse-aurora"
  engine         = "aurora-postgresql"
  master_username = "root"
  iam_database_authentication_enabled = true
}

module "api" {
  source        = "terraform-aws-modules/lambda/aws"
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  architectures = ["arm64"]
  environment_variables = {
    DB_HOST   = module.db.db_instance_address
    AURORA    = module.aurora.cluster_endpoint
    SECRET    = module.aurora.cluster_master_user_secret
  }
  vpc_subnet_ids           = ["subnet-1"]
  attach_policy_statements = true
  policy_statements = {
    secrets = {
      effect    = "Allow"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = ["*"]
    }
  }
}

module "off" {
  source = "terraform-aws-modules/rds/aws"
  create_db_instance = false
}
)"}}));
  ASSERT_EQ(g.databases.size(), 2u);
  const Database* db = g.FindDatabase("module.db.module.db_instance.aws_db_instance.this");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->password.text, "Pl4nted-module");
  EXPECT_TRUE(db->manage_master_password.is_false());
  EXPECT_TRUE(db->iam_auth.is_false());
  ASSERT_FALSE(db->iam_auth.via.empty());
  EXPECT_NE(db->iam_auth.via[0].find("default of terraform-aws-modules/rds/aws"), std::string::npos);
  ASSERT_EQ(g.parameter_groups.size(), 1u);
  EXPECT_EQ(g.parameter_groups[0].Parameter("rds.force_ssl")->text, "1");
  EXPECT_EQ(g.Resolve(db->parameter_group.references.at(0)), &g.parameter_groups[0]);

  const Database* aurora = g.FindDatabase("module.aurora.aws_rds_cluster.this");
  ASSERT_NE(aurora, nullptr);
  EXPECT_TRUE(aurora->cluster);
  EXPECT_TRUE(aurora->IsPostgres());
  EXPECT_TRUE(aurora->iam_auth.is_true());
  EXPECT_TRUE(aurora->manage_master_password.is_true());  // the module's default
  const Secret* managed = g.FindSecret("module.aurora.aws_rds_cluster.this.master_user_secret");
  ASSERT_NE(managed, nullptr);
  EXPECT_TRUE(managed->managed_master_password);

  ASSERT_EQ(g.functions.size(), 1u);
  const Function& fn = g.functions[0];
  EXPECT_EQ(fn.id, "module.api.aws_lambda_function.this");
  EXPECT_TRUE(fn.has_vpc);
  EXPECT_TRUE(References(fn.Env("DB_HOST")->value, "module.db.module.db_instance.aws_db_instance.this", "address"));
  EXPECT_TRUE(References(fn.Env("AURORA")->value, "module.aurora.aws_rds_cluster.this", "endpoint"));
  EXPECT_NE(g.Resolve(fn.Env("SECRET")->value.references.at(0)), nullptr);
  const Role* role = g.FindRole("module.api.aws_iam_role.lambda");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->statements.size(), 1u);
  EXPECT_EQ(Texts(role->statements[0].resources), "*");
  EXPECT_EQ(g.Resolve(fn.role.references.at(0)), role);
}

TEST(ManagedSecretsTest, RdsManagedPasswordsClustersAndTheirRotation) {
  std::vector<tf::Input> inputs = Files({{"db.tf", R"tf(
resource "aws_rds_cluster" "main" {
  cluster_identifier            = "impulse"
  engine                        = "aurora-postgresql"
  master_username               = "impulse_app"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.db.arn
  db_cluster_parameter_group_name = "impulse-pg"
}

resource "aws_rds_cluster_parameter_group" "pg" {
  name   = "impulse-pg"
  family = "aurora-postgresql15"
  parameter {
    name  = "rds.force_ssl"
    value = 1
  }
}

resource "aws_rds_cluster_instance" "one" {
  cluster_identifier  = aws_rds_cluster.main.id
  engine              = aws_rds_cluster.main.engine
  publicly_accessible = true
}

resource "aws_secretsmanager_secret_rotation" "master" {
  secret_id = aws_rds_cluster.main.master_user_secret[0].secret_arn
  rotation_rules {
    schedule_expression = "rate(4 hours)"
  }
}

resource "aws_lambda_function" "f" {
  role = "arn:aws:iam::123456789012:role/service/impulse-api"
  environment {
    variables = {
      DB_SECRET = aws_rds_cluster.main.master_user_secret[0].secret_arn
    }
  }
}

resource "aws_iam_role" "api" {
  name = "impulse-api"
  path = "/service/"
}
)tf"}});
  Graph g = BuildTerraformGraph(inputs);
  for (const GraphProblem& p : g.problems) ADD_FAILURE() << p.message;
  ASSERT_EQ(g.databases.size(), 2u);
  const Database* cluster = g.FindDatabase("aws_rds_cluster.main");
  ASSERT_NE(cluster, nullptr);
  EXPECT_TRUE(cluster->cluster);
  EXPECT_TRUE(cluster->IsPostgres());
  EXPECT_EQ(cluster->username.text, "impulse_app");
  EXPECT_EQ(cluster->password.kind, Kind::kNull);
  // A literal group name links to the group of that name.
  EXPECT_TRUE(References(cluster->parameter_group, "aws_rds_cluster_parameter_group.pg", "name"));
  EXPECT_TRUE(g.parameter_groups.at(0).cluster);
  EXPECT_EQ(g.parameter_groups.at(0).Parameter("rds.force_ssl")->text, "1");
  const Database* instance = g.FindDatabase("aws_rds_cluster_instance.one");
  ASSERT_NE(instance, nullptr);
  EXPECT_FALSE(instance->cluster);
  EXPECT_TRUE(References(instance->cluster_identifier, "aws_rds_cluster.main", "id"));
  EXPECT_EQ(instance->engine.text, "aurora-postgresql");  // read back from the cluster's argument
  EXPECT_TRUE(instance->publicly_accessible.is_true());

  ASSERT_EQ(g.secrets.size(), 1u);
  const Secret& s = g.secrets[0];
  EXPECT_EQ(s.id, "aws_rds_cluster.main.master_user_secret");
  EXPECT_TRUE(s.managed_master_password);
  EXPECT_TRUE(s.is_db_credential);
  EXPECT_TRUE(References(s.kms_key, "aws_kms_key.db", "arn"));
  ASSERT_EQ(s.databases.size(), 1u);
  EXPECT_EQ(g.Resolve(s.databases[0]), cluster);
  ASSERT_TRUE(s.rotation);
  EXPECT_EQ(s.rotation->schedule_expression.text, "rate(4 hours)");
  EXPECT_EQ(g.Resolve(g.functions.at(0).Env("DB_SECRET")->value.references.at(0)), &s);
  // A role named by its ARN (with a path) is the role of that name.
  EXPECT_TRUE(References(g.functions.at(0).role, "aws_iam_role.api", "arn"));
}

TEST(PoliciesTest, InvalidDocumentsArePolicyErrorsWhereTheyAreWritten) {
  std::vector<tf::Input> inputs = Files({{"iam.tf", R"(
resource "aws_iam_policy" "broken_json" {
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*" "Resource": "*"}]}
EOT
}

resource "aws_iam_policy" "bad_effect" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "allow", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "typo" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Actions = ["s3:*"], Resource = "*" }]
  })
}

resource "aws_iam_policy" "unknown_is_fine" {
  policy = var.policy
}

resource "aws_iam_policy" "hole_outside_quotes" {
  policy = "{\"Statement\": ${var.statements}}"
}

variable "policy" {}
variable "statements" {}
)"}});
  Graph g = BuildTerraformGraph(inputs);
  std::vector<std::string> found;
  for (const PolicyError& e : g.policy_errors) found.push_back(TextAt(inputs, e.origin) + " | " + e.message);
  ASSERT_EQ(found.size(), 4u) << ::testing::PrintToString(found);
  // The JSON error points at the property after the missing comma.
  const std::string& text = inputs[0].text;
  EXPECT_EQ(g.policy_errors[0].origin.range.begin, text.find("\"Resource\": \"*\"}]}")) << found[0];
  EXPECT_NE(found[1].find("\"allow\" | Invalid policy document: Effect must be"), std::string::npos) << found[1];
  EXPECT_NE(found[2].find("Actions"), std::string::npos) << found[2];
  EXPECT_NE(found[3].find("{ | Invalid policy document: the statement has neither Action nor NotAction"),
            std::string::npos)
      << found[3];
}

TEST(ProblemsTest, SyntaxErrorsOfEveryKindOfFileAndTheRestStillBuilds) {
  std::vector<tf::Input> inputs = Files({
      {"infra/broken.tf", "resource \"aws_db_instance\" \"x\" {\n  engine = \"postgres\n}\n"},
      {"infra/main.tf", "resource \"aws_lambda_function\" \"f\" {\n  runtime = \"nodejs20.x\"\n}\n"},
      {"infra/broken.tf.json", "{\"resource\": {"},
      {"infra/terraform.tfvars", "a = \n"},
      {"infra/b.auto.tfvars.json", "[1]"},
  });
  Graph g = BuildTerraformGraph(inputs);
  std::set<std::string> files;
  for (const GraphProblem& p : g.problems) files.insert(p.origin.file);
  EXPECT_EQ(files, (std::set<std::string>{"infra/broken.tf", "infra/broken.tf.json", "infra/terraform.tfvars",
                                          "infra/b.auto.tfvars.json"}));
  EXPECT_EQ(g.functions.size(), 1u);
  EXPECT_EQ(g.sources.size(), 5u);
}

TEST(ProblemsTest, SeveralRootsQualifyTheirIds) {
  Graph g = BuildTerraformGraph(Files({
      {"prod/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"app\"\n}\n"
                       "resource \"aws_iam_role_policy\" \"p\" {\n  role = \"app\"\n"
                       "  policy = jsonencode({Statement = [{Effect = \"Allow\", Action = \"s3:GetObject\", Resource = \"*\"}]})\n}\n"},
      {"dev/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"app\"\n}\n"},
  }));
  ASSERT_EQ(g.roles.size(), 2u);
  EXPECT_EQ(g.roles[0].id, "dev#aws_iam_role.r");
  EXPECT_EQ(g.roles[1].id, "prod#aws_iam_role.r");
  EXPECT_TRUE(g.roles[0].statements.empty());  // names link within a root only
  EXPECT_EQ(g.roles[1].statements.size(), 1u);
}

// Stacks that share no local module are built apart (memory holds the
// syntax trees of the stacks being built, not all); ids and links are those
// of one run over them all.
TEST(ProblemsTest, IndependentStacksAreNamedAsOneRunNamesThem) {
  const std::string call = "module \"db\" {\n  source = \"../../modules/db\"\n}\n";
  Graph g = BuildTerraformGraph(Files({
      {"envs/prod/main.tf", call},
      {"envs/staging/main.tf", call},
      {"modules/db/main.tf", "resource \"aws_db_instance\" \"this\" {\n  engine = \"postgres\"\n}\n"},
      {"other/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"app\"\n}\n"},
      {"vars/terraform.tfvars", "a = 1\n"},
  }));
  ASSERT_EQ(g.databases.size(), 2u);
  EXPECT_EQ(g.databases[0].id, "envs/prod#module.db.aws_db_instance.this");
  EXPECT_EQ(g.databases[1].id, "envs/staging#module.db.aws_db_instance.this");
  ASSERT_EQ(g.roles.size(), 1u);
  EXPECT_EQ(g.roles[0].id, "other#aws_iam_role.r");
  EXPECT_EQ(g.sources.size(), 5u);
  EXPECT_TRUE(g.problems.empty());

  // One stack and a folder of variables alone: one root, ids unqualified.
  Graph one = BuildTerraformGraph(Files({
      {"other/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"app\"\n}\n"},
      {"vars/terraform.tfvars", "a = 1\n"},
  }));
  ASSERT_EQ(one.roles.size(), 1u);
  EXPECT_EQ(one.roles[0].id, "aws_iam_role.r");
}

// Independent stacks are built on several threads and merged in order: the
// same graph, in the same order, for any number of threads.
TEST(ProblemsTest, StacksBuiltOnThreadsMakeTheSameGraph) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 24; ++i) {
    const std::string dir = "svc" + std::to_string(i) + "/infra/";
    files.insert({dir + "main.tf", "resource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n"
                                      "  password = \"Pl4nted-tf-" + std::to_string(i) + "\"\n}\n"
                                      "resource \"aws_iam_role\" \"r\" {\n  name = \"app" + std::to_string(i) + "\"\n}\n"});
    if (i % 5 == 0) files.insert({dir + "broken.tf", "locals {\n  x = \n}\n"});
  }
  auto summary = [](const Graph& g) {
    std::vector<std::string> out;
    for (const Database& d : g.databases) out.push_back("db " + d.id + " " + d.origin.file);
    for (const Role& r : g.roles) out.push_back("role " + r.id);
    for (const GraphProblem& p : g.problems) out.push_back("problem " + p.origin.file + " " + p.message);
    for (const GraphSource& s : g.sources) out.push_back("source " + s.file);
    for (const Origin& o : g.secret_spans) out.push_back("secret " + o.file + " " + std::to_string(o.range.begin));
    return out;
  };
  const std::vector<std::string> one = summary(BuildTerraformGraph(Files(files), 1));
  EXPECT_GE(one.size(), 24u * 3);
  for (int jobs : {2, 3, 8}) EXPECT_EQ(summary(BuildTerraformGraph(Files(files), jobs)), one) << jobs;
}

}  // namespace
}  // namespace rdslint::iac

namespace rdslint::iac::tf {
namespace {

TEST(CheckFileTest, SyntaxErrorsAndSecretsOfOneFileReadAlone) {
  const std::string tf = "variable \"db_password\" {\n  default = \"hunter2-x\"\n}\n"
                         "locals {\n  url = \"postgresql://app:s3cr3t@db.internal/app\"\n  bad = \n}\n";
  FileCheck c = CheckFile("infra/main.tf", tf);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].message.rfind("Invalid expression", 0), 0u) << c.errors[0].message;
  std::set<std::string> secrets;
  for (SourceRange r : c.secrets) secrets.insert(tf.substr(r.begin, r.size()));
  EXPECT_EQ(secrets, (std::set<std::string>{"hunter2-x", "s3cr3t"}));

  FileCheck hcl = CheckFile("terragrunt.hcl", "inputs = {\n");
  EXPECT_FALSE(hcl.errors.empty());
  FileCheck vars = CheckFile("prod.tfvars", "db_password = \"x-secret\"\nblock {}\n");
  ASSERT_EQ(vars.errors.size(), 1u);
  EXPECT_EQ(vars.errors[0].message, "Unexpected \"block\" block; Blocks are not allowed here.");
  ASSERT_EQ(vars.secrets.size(), 1u);
  const std::string json = "{\"db_password\": \"x\\\"y\", \"name\": \"n\"}";
  FileCheck vj = CheckFile("terraform.tfvars.json", json);
  EXPECT_TRUE(vj.errors.empty());
  ASSERT_FALSE(vj.secrets.empty());
  EXPECT_EQ(json.substr(vj.secrets.front().begin, vj.secrets.back().end - vj.secrets.front().begin), "x\\\"y");
  EXPECT_FALSE(CheckFile("b.tfvars.json", "[1]").errors.empty());
}

TEST(SecretNamesTest, PasswordsButNotSwitches) {
  for (const char* yes : {"password", "master_password", "DB_PASSWORD", "password_wo", "secret_string", "admin_pwd"}) {
    EXPECT_TRUE(IsPasswordName(yes)) << yes;
  }
  for (const char* no : {"manage_master_user_password", "password_length", "master_user_password_rotation_schedule",
                         "secret_id", "username"}) {
    EXPECT_FALSE(IsPasswordName(no)) << no;
  }
}

}  // namespace
}  // namespace rdslint::iac::tf
