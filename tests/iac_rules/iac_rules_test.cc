// The iac checks over graphs built by hand: what each rule makes of values
// that are literal, travelled from another file, unknown or deploy-time,
// independent of the Terraform and CloudFormation builders (the fixtures
// under testdata/iac/ cover the rules end to end through them).
#include <gtest/gtest.h>

#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"
#include "core/rule_registry.h"

namespace rdslint {
namespace {

using iac::Graph;
using iac::Origin;
using iac::Value;

// A string literal written at [begin, begin + size) of `file`.
Value Str(std::string text, std::string file = "main.tf", uint32_t begin = 100) {
  Value v;
  v.kind = Value::Kind::kString;
  const uint32_t n = static_cast<uint32_t>(text.size());
  v.text = std::move(text);
  v.origin = Origin{file, SourceRange{begin - 1, begin + n + 1}};  // with its quotes
  v.segments.push_back(iac::Segment{0, n, Origin{file, SourceRange{begin, begin + n}}, true});
  return v;
}

Value Bool(bool b, std::string file = "main.tf", uint32_t begin = 100) {
  Value v;
  v.kind = Value::Kind::kBool;
  v.boolean = b;
  v.text = b ? "true" : "false";
  v.origin = Origin{file, SourceRange{begin, begin + static_cast<uint32_t>(v.text.size())}};
  return v;
}

Value Num(long n, std::string file = "main.tf", uint32_t begin = 100) {
  Value v;
  v.kind = Value::Kind::kNumber;
  v.text = std::to_string(n);
  v.origin = Origin{file, SourceRange{begin, begin + static_cast<uint32_t>(v.text.size())}};
  return v;
}

iac::Reference Ref(std::string node, std::string attribute, uint32_t begin = 300) {
  iac::Reference r;
  r.node = node;
  r.attribute = attribute;
  r.text = node + (attribute.empty() ? "" : "." + attribute);
  r.origin = Origin{"main.tf", SourceRange{begin, begin + static_cast<uint32_t>(r.text.size())}};
  return r;
}

// An unknown value that is a reference.
Value RefValue(std::string node, std::string attribute, uint32_t begin = 300) {
  Value v;
  v.kind = Value::Kind::kUnknown;
  v.references.push_back(Ref(node, attribute, begin));
  v.text = v.references[0].text;
  v.origin = v.references[0].origin;
  return v;
}

// A template "prefix${ref}suffix" written at `begin` (the ${...} verbatim).
Value Template(const std::string& prefix, const iac::Reference& ref, const std::string& suffix,
               uint32_t begin = 500) {
  Value v;
  v.kind = Value::Kind::kString;
  const std::string hole = "${" + ref.text + "}";
  v.text = prefix + hole + suffix;
  v.origin =
      Origin{"main.tf", SourceRange{begin - 1, begin + static_cast<uint32_t>(v.text.size()) + 1}};
  v.segments.push_back(iac::Segment{
      0, static_cast<uint32_t>(v.text.size()),
      Origin{"main.tf", SourceRange{begin, begin + static_cast<uint32_t>(v.text.size())}}, true});
  iac::Hole h;
  h.begin = static_cast<uint32_t>(prefix.size());
  h.end = h.begin + static_cast<uint32_t>(hole.size());
  h.reference = ref;
  h.reference->origin = Origin{"main.tf", SourceRange{begin + h.begin + 2, begin + h.end - 1}};
  v.holes.push_back(h);
  v.references.push_back(*h.reference);
  return v;
}

template <typename T>
T Node(std::string id, std::string type) {
  T n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.flavor = iac::Flavor::kTerraform;
  n.origin = Origin{"main.tf", SourceRange{10, 20}};
  return n;
}

iac::Database Postgres(std::string id = "aws_db_instance.main") {
  iac::Database d = Node<iac::Database>(std::move(id), "aws_db_instance");
  d.engine = Str("postgres", "main.tf", 40);
  return d;
}

// Runs one check over `graph` and returns its findings.
std::vector<Finding> RunCheck(std::unique_ptr<Check> check, Graph graph, Config config = {}) {
  ProjectFacts facts;
  facts.graph = std::move(graph);
  const RuleInfo* rule = RuleRegistry::Embedded().Find(check->id());
  EXPECT_NE(rule, nullptr) << check->id();
  std::vector<Finding> out;
  if (!rule) return out;
  const std::string path;
  CheckContext ctx(path, *rule, config, facts, &out);
  check->CheckProject(ctx);
  return out;
}

// ---- helpers -----------------------------------------------------------------

TEST(IacCommon, MapRangeFollowsSegmentsAcrossFiles) {
  // "postgresql://app:" from main.tf, the password from variables.tf.
  Value v;
  v.kind = Value::Kind::kString;
  v.text = "postgresql://app:Pl4nted-x@h/db";
  v.origin = Origin{"main.tf", SourceRange{99, 132}};
  v.segments.push_back(iac::Segment{0, 17, Origin{"main.tf", SourceRange{100, 117}}, true});
  v.segments.push_back(iac::Segment{17, 26, Origin{"variables.tf", SourceRange{50, 59}}, true});
  v.segments.push_back(iac::Segment{26, 31, Origin{"main.tf", SourceRange{129, 134}}, true});
  std::optional<Origin> pw = iacrules::MapRange(v, 17, 26);
  ASSERT_TRUE(pw);
  EXPECT_EQ(pw->file, "variables.tf");
  EXPECT_EQ(pw->range.begin, 50u);
  EXPECT_EQ(pw->range.end, 59u);
  EXPECT_FALSE(iacrules::MapRange(v, 10, 20));  // spans two files
  std::optional<Origin> at_end = iacrules::MapRange(v, 31, 31);
  ASSERT_TRUE(at_end);
  EXPECT_EQ(at_end->range.begin, 134u);
  EXPECT_TRUE(iacrules::Elsewhere(v, *pw));
}

TEST(IacCommon, ActionPatternsAreCaseInsensitiveGlobs) {
  EXPECT_TRUE(iacrules::ActionMatches("rds-db:*", "rds-db:connect"));
  EXPECT_TRUE(iacrules::ActionMatches("SecretsManager:Get*", "secretsmanager:GetSecretValue"));
  EXPECT_TRUE(iacrules::ActionMatches("*", "kms:Decrypt"));
  EXPECT_TRUE(iacrules::ActionMatches("kms:De?rypt", "kms:Decrypt"));
  EXPECT_FALSE(iacrules::ActionMatches("secretsmanager:List*", "secretsmanager:GetSecretValue"));
  EXPECT_FALSE(iacrules::ActionMatches("rds:*", "rds-db:connect"));
}

TEST(IacCommon, SplitArnKeepsColonsInsideHoles) {
  Value v = Str("arn:aws:rds-db:${AWS::Region}:123456789012:dbuser:db-ABC/app");
  v.holes.push_back(iac::Hole{15, 29, std::nullopt});
  std::optional<iacrules::ArnParts> a = iacrules::SplitArn(v);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->Text(v, 2), "rds-db");
  EXPECT_EQ(a->Text(v, 3), "${AWS::Region}");
  EXPECT_EQ(a->Text(v, 5), "dbuser:db-ABC/app");
  EXPECT_FALSE(iacrules::SplitArn(Str("impulse-db")));
}

// ---- iac-password-literal ------------------------------------------------------

TEST(IacPasswordLiteral, PointsAtTheVariableDefaultAndNamesTheUse) {
  Graph g;
  iac::Database d = Postgres();
  d.password = Str("Pl4nted-default", "variables.tf", 77);
  d.password.origin = Origin{"main.tf", SourceRange{200, 215}};  // var.db_password
  d.password.via.push_back("var.db_password (default in variables.tf:4)");
  g.databases.push_back(d);
  std::vector<Finding> f = RunCheck(CreateIacPasswordLiteralCheck(), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "variables.tf");
  EXPECT_EQ(f[0].location.range.begin, 77u);
  EXPECT_NE(f[0].message.find("aws_db_instance.main"), std::string::npos);
  EXPECT_NE(f[0].message.find("var.db_password"), std::string::npos);
  EXPECT_EQ(f[0].message.find("Pl4nted"), std::string::npos);
}

TEST(IacPasswordLiteral, UnknownAndDeployTimeValuesAreNotFindings) {
  Graph g;
  iac::Database a = Postgres("aws_db_instance.a");
  a.password = RefValue("random_password.db", "result");
  iac::Database b = Postgres("aws_db_instance.b");
  b.password = Str("{{resolve:secretsmanager:db:SecretString:password}}");
  b.password.holes.push_back(
      iac::Hole{0, static_cast<uint32_t>(b.password.text.size()), std::nullopt});
  b.password.deploy_time_secret = true;
  g.databases.push_back(a);
  g.databases.push_back(b);
  EXPECT_TRUE(RunCheck(CreateIacPasswordLiteralCheck(), g).empty());
}

// ---- iac-password-in-function-env / iac-tls-url-missing-sslmode ----------------

TEST(IacFunctionEnv, UrlPasswordFromAnotherFileIsReportedThere) {
  Graph g;
  iac::Function f = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  Value url;
  url.kind = Value::Kind::kString;
  url.text = "postgresql://app:Pl4nted-x@db.example.com/app";
  url.origin = Origin{"main.tf", SourceRange{99, 150}};
  url.segments.push_back(iac::Segment{0, 17, Origin{"main.tf", SourceRange{100, 117}}, true});
  url.segments.push_back(iac::Segment{17, 26, Origin{"prod.tfvars", SourceRange{8, 17}}, true});
  url.segments.push_back(iac::Segment{26, 45, Origin{"main.tf", SourceRange{130, 149}}, true});
  f.environment.push_back(iac::EnvVar{"DATABASE_URL", {}, url});
  g.functions.push_back(f);
  std::vector<Finding> pw = RunCheck(CreateIacPasswordInFunctionEnvCheck(), g);
  ASSERT_EQ(pw.size(), 1u);
  EXPECT_EQ(pw[0].location.file, "prod.tfvars");
  EXPECT_EQ(pw[0].location.range.begin, 8u);
  EXPECT_NE(pw[0].message.find("DATABASE_URL"), std::string::npos);

  std::vector<Finding> tls = RunCheck(CreateIacTlsUrlMissingSslmodeCheck(), g);
  ASSERT_EQ(tls.size(), 1u);
  EXPECT_EQ(tls[0].location.range.begin, 131u);  // the host
  ASSERT_EQ(tls[0].fixes.size(), 1u);
  EXPECT_EQ(tls[0].fixes[0].replacements[0].offset, 149u);  // after "/app"
  EXPECT_EQ(tls[0].fixes[0].replacements[0].text, "?sslmode=require");
}

TEST(IacFunctionEnv, HostReferenceToTheDatabaseIsRemoteAndDirect) {
  Graph g;
  g.databases.push_back(Postgres());
  iac::Function f = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  f.environment.push_back(iac::EnvVar{
      "DATABASE_URL",
      {},
      Template("postgresql://app@", Ref("aws_db_instance.main", "address"), ":5432/app")});
  f.environment.push_back(
      iac::EnvVar{"DB_HOST", {}, RefValue("aws_db_instance.main", "address", 700)});
  f.environment.push_back(
      iac::EnvVar{"DB_SECRET_ARN", {}, RefValue("aws_db_instance.main", "arn", 800)});
  g.functions.push_back(f);

  std::vector<Finding> tls = RunCheck(CreateIacTlsUrlMissingSslmodeCheck(), g);
  ASSERT_EQ(tls.size(), 1u);
  EXPECT_EQ(tls[0].location.range.begin, 500u + 17 + 2);  // the reference inside ${...}
  ASSERT_EQ(tls[0].fixes.size(), 1u);

  std::vector<Finding> direct = RunCheck(CreateIacEndpointFunctionDirectDbCheck(), g);
  ASSERT_EQ(direct.size(), 2u);  // the URL's host and DB_HOST, not the ARN
  EXPECT_EQ(direct[1].location.range.begin, 700u);
}

TEST(IacFunctionEnv, UnknownHostIsNotRemote) {
  Graph g;
  iac::Function f = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  f.environment.push_back(iac::EnvVar{
      "DATABASE_URL", {}, Template("postgresql://app@", Ref("var.db_host", ""), "/app")});
  g.functions.push_back(f);
  EXPECT_TRUE(RunCheck(CreateIacTlsUrlMissingSslmodeCheck(), g).empty());
  EXPECT_TRUE(RunCheck(CreateIacEndpointFunctionDirectDbCheck(), g).empty());
}

TEST(IacFunctionEnv, NoFixIntoAValueThatCameFromElsewhere) {
  Graph g;
  iac::Function f = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  Value url = Str("postgresql://app@db.example.com/app", "variables.tf", 40);
  url.origin = Origin{"main.tf", SourceRange{300, 312}};  // var.db_url
  url.via.push_back("var.db_url (default in variables.tf:3)");
  f.environment.push_back(iac::EnvVar{"DATABASE_URL", {}, url});
  g.functions.push_back(f);
  std::vector<Finding> tls = RunCheck(CreateIacTlsUrlMissingSslmodeCheck(), g);
  ASSERT_EQ(tls.size(), 1u);
  EXPECT_EQ(tls[0].location.file, "variables.tf");
  EXPECT_TRUE(tls[0].fixes.empty());
}

// ---- iac-tls-db-not-forced ---------------------------------------------------------

TEST(IacTlsDbNotForced, DefaultsByEngineAndVersion) {
  Graph g;
  iac::Database pg14 = Postgres("aws_db_instance.old");
  pg14.engine_version = Str("14.12", "main.tf", 60);
  iac::Database pg16 = Postgres("aws_db_instance.new");
  pg16.engine_version = Str("16.3", "main.tf", 160);
  iac::Database aurora = Node<iac::Database>("aws_rds_cluster.main", "aws_rds_cluster");
  aurora.cluster = true;
  aurora.engine = Str("aurora-postgresql", "main.tf", 260);
  aurora.origin = Origin{"main.tf", SourceRange{250, 255}};
  iac::Database member = Postgres("aws_rds_cluster_instance.one");
  member.engine = Str("aurora-postgresql", "main.tf", 360);
  member.cluster_identifier = RefValue("aws_rds_cluster.main", "id");
  g.databases = {pg14, pg16, aurora, member};
  std::vector<Finding> f = RunCheck(CreateIacTlsDbNotForcedCheck(), g);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.range.begin, 60u);  // at "14.12"
  EXPECT_NE(f[0].message.find("PostgreSQL 14"), std::string::npos);
  EXPECT_EQ(f[1].location.range.begin, 250u);  // the cluster
  EXPECT_NE(f[1].message.find("Aurora"), std::string::npos);
}

TEST(IacTlsDbNotForced, ParameterGroupDecides) {
  Graph g;
  iac::ParameterGroup off =
      Node<iac::ParameterGroup>("aws_db_parameter_group.off", "aws_db_parameter_group");
  off.parameters.emplace_back("rds.force_ssl", Str("0", "main.tf", 90));
  iac::ParameterGroup on =
      Node<iac::ParameterGroup>("aws_db_parameter_group.on", "aws_db_parameter_group");
  on.parameters.emplace_back("rds.force_ssl", Str("1", "main.tf", 190));
  g.parameter_groups = {off, on};
  iac::Database a = Postgres("aws_db_instance.a");
  a.engine_version = Str("16.3");
  a.parameter_group = RefValue("aws_db_parameter_group.off", "name");
  iac::Database b = Postgres("aws_db_instance.b");
  b.engine_version = Str("13.4");
  b.parameter_group = RefValue("aws_db_parameter_group.on", "name");
  iac::Database c = Postgres("aws_db_instance.c");
  c.engine_version = Str("13.4");
  c.parameter_group = RefValue("data.aws_db_parameter_group.shared", "name");  // not in the graph
  g.databases = {a, b, c};
  std::vector<Finding> f = RunCheck(CreateIacTlsDbNotForcedCheck(), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.range.begin, 90u);
}

// ---- iac-refresh-rotation-too-frequent ----------------------------------------------

std::vector<Finding> Rotation(Value days, Value schedule, std::string type, Config config = {}) {
  Graph g;
  g.databases.push_back(Postgres());
  iac::Secret s = Node<iac::Secret>("aws_secretsmanager_secret.db", "aws_secretsmanager_secret");
  s.is_db_credential = true;
  iac::Rotation r;
  r.automatically_after_days = std::move(days);
  r.schedule_expression = std::move(schedule);
  if (!type.empty()) r.rotation_type = Str(type);
  s.rotation = r;
  g.secrets.push_back(s);
  return RunCheck(CreateIacRefreshRotationTooFrequentCheck(), g, config);
}

TEST(IacRotationTooFrequent, Intervals) {
  EXPECT_EQ(Rotation(Num(1), {}, "PostgreSQLSingleUser").size(), 1u);
  EXPECT_EQ(Rotation(Num(6), {}, "").size(), 1u);
  EXPECT_TRUE(Rotation(Num(7), {}, "").empty());
  EXPECT_TRUE(Rotation(Num(1), {}, "PostgreSQLMultiUser").empty());
  EXPECT_EQ(Rotation({}, Str("rate(12 hours)"), "").size(), 1u);
  EXPECT_EQ(Rotation({}, Str("rate(2 days)"), "").size(), 1u);
  EXPECT_TRUE(Rotation({}, Str("rate(30 days)"), "").empty());
  EXPECT_EQ(Rotation({}, Str("cron(0 3 * * ? *)"), "").size(), 1u);        // daily
  EXPECT_EQ(Rotation({}, Str("cron(0 */4 * * ? *)"), "").size(), 1u);      // every 4 hours
  EXPECT_EQ(Rotation({}, Str("cron(0 3 ? * MON,THU *)"), "").size(), 1u);  // 3 days apart
  EXPECT_TRUE(Rotation({}, Str("cron(0 3 ? * SUN *)"), "").empty());       // weekly
  EXPECT_TRUE(Rotation({}, Str("cron(0 3 1,15 * ? *)"), "").empty());      // twice a month
  EXPECT_EQ(Rotation({}, Str("cron(0 3 */2 * ? *)"), "").size(), 1u);      // every other day
  EXPECT_TRUE(Rotation({}, RefValue("var.schedule", ""), "").empty());     // unknown
}

TEST(IacRotationTooFrequent, MinRotationDaysOption) {
  Config config;
  config.check_options["iac-refresh-rotation-too-frequent.MinRotationDays"] = "30";
  EXPECT_EQ(Rotation(Num(14), {}, "", config).size(), 1u);
  EXPECT_TRUE(Rotation(Num(30), {}, "", config).empty());
}

// ---- iac-iam-dbconnect-bad-arn --------------------------------------------------------

std::vector<Finding> DbConnect(Value resource, Graph g = {}) {
  iac::Role role = Node<iac::Role>("aws_iam_role.api", "aws_iam_role");
  iac::Statement s;
  s.effect = "Allow";
  s.actions.push_back(Str("rds-db:connect", "main.tf", 900));
  s.resources.push_back(std::move(resource));
  s.origin = Origin{"main.tf", SourceRange{880, 990}};
  role.statements.push_back(s);
  g.roles.push_back(role);
  return RunCheck(CreateIacIamDbconnectBadArnCheck(), g);
}

TEST(IacDbconnectBadArn, ChecksEachPart) {
  EXPECT_TRUE(
      DbConnect(Str("arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJ/app")).empty());
  EXPECT_TRUE(
      DbConnect(Str("arn:aws:rds-db:us-east-1:123456789012:dbuser:prx-0a1b2c3d/app")).empty());
  EXPECT_TRUE(DbConnect(Str("arn:aws:rds-db:*:*:dbuser:cluster-ABCDEF/app")).empty());
  EXPECT_TRUE(DbConnect(Str("*")).empty());  // iac-iam-wildcard-resource's

  const std::string id = "arn:aws:rds-db:us-east-1:123456789012:dbuser:impulse-db/app";
  std::vector<Finding> f = DbConnect(Str(id, "main.tf", 1000));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.range.begin, 1000u + id.find("impulse-db"));
  EXPECT_EQ(f[0].location.range.size(), 10u);

  const std::string rds = "arn:aws:rds:us-east-1:123456789012:db:impulse-db";
  f = DbConnect(Str(rds, "main.tf", 1000));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.range.begin, 1008u);  // "rds"

  const std::string no_user = "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJ";
  EXPECT_EQ(DbConnect(Str(no_user)).size(), 1u);
  EXPECT_EQ(DbConnect(Str(no_user + "/")).size(), 1u);
}

TEST(IacDbconnectBadArn, ReferencesAreJudgedByAttribute) {
  Graph g;
  g.databases.push_back(Postgres());
  iac::Proxy p = Node<iac::Proxy>("aws_db_proxy.main", "aws_db_proxy");
  g.proxies.push_back(p);
  const std::string prefix = "arn:aws:rds-db:us-east-1:123456789012:dbuser:";
  EXPECT_TRUE(
      DbConnect(Template(prefix, Ref("aws_db_instance.main", "resource_id"), "/app"), g).empty());
  std::vector<Finding> f =
      DbConnect(Template(prefix, Ref("aws_db_instance.main", "identifier"), "/app"), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("resource_id"), std::string::npos);
  EXPECT_EQ(DbConnect(Template(prefix, Ref("aws_db_proxy.main", "id"), "/app"), g).size(), 1u);
  // A reference the graph does not hold is not a finding.
  EXPECT_TRUE(
      DbConnect(Template(prefix, Ref("data.aws_db_instance.x", "identifier"), "/app"), g).empty());
  // The whole resource a DB's ARN.
  f = DbConnect(RefValue("aws_db_instance.main", "arn"), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("arn:aws:rds:"), std::string::npos);
}

// ---- iac-iam-wildcard-resource / iac-iam-wildcard-action ----------------------------

TEST(IacIamWildcards, ResourcesCoveringEverything) {
  auto run = [](std::string action, std::string resource, bool condition = false) {
    Graph g;
    iac::Policy p = Node<iac::Policy>("aws_iam_policy.db", "aws_iam_policy");
    iac::Statement s;
    s.effect = "Allow";
    s.actions.push_back(Str(action, "main.tf", 50));
    s.resources.push_back(Str(resource, "main.tf", 90));
    if (condition) {
      s.conditions.kind = Value::Kind::kMap;
      s.conditions.entries.emplace_back("StringEquals", Str("x"));
    }
    p.statements.push_back(s);
    // The same statement reached through the role it is attached to: one finding.
    iac::Role r = Node<iac::Role>("aws_iam_role.api", "aws_iam_role");
    r.statements.push_back(s);
    g.policies.push_back(p);
    g.roles.push_back(r);
    return RunCheck(CreateIacIamWildcardResourceCheck(), g).size();
  };
  EXPECT_EQ(run("secretsmanager:GetSecretValue", "*"), 1u);
  EXPECT_EQ(run("secretsmanager:Get*", "arn:aws:secretsmanager:us-east-1:123456789012:secret:*"),
            1u);
  EXPECT_EQ(run("secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/*"),
            0u);
  EXPECT_EQ(run("rds-db:connect", "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABC/*"), 1u);
  EXPECT_EQ(run("rds-db:connect", "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABC/app"), 0u);
  EXPECT_EQ(run("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/*"), 1u);
  EXPECT_EQ(run("kms:Decrypt", "*", /*condition=*/true), 0u);
  EXPECT_EQ(run("s3:GetObject", "*"), 0u);
}

TEST(IacIamWildcards, Actions) {
  Graph g;
  iac::Role r = Node<iac::Role>("aws_iam_role.api", "aws_iam_role");
  iac::Statement allow;
  allow.effect = "Allow";
  allow.actions = {Str("secretsmanager:*", "main.tf", 10), Str("RDS:*", "main.tf", 40),
                   Str("secretsmanager:GetSecretValue", "main.tf", 60),
                   Str("logs:*", "main.tf", 99)};
  iac::Statement deny = allow;
  deny.effect = "Deny";
  deny.origin = Origin{"main.tf", SourceRange{500, 600}};
  r.statements = {allow, deny};
  g.roles.push_back(r);
  std::vector<Finding> f = RunCheck(CreateIacIamWildcardActionCheck(), g);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.range.begin, 10u);
  EXPECT_EQ(f[1].location.range.begin, 40u);
}

// ---- proxies, databases, network -------------------------------------------------

TEST(IacProxy, TlsAndIamAuth) {
  Graph g;
  iac::Proxy absent = Node<iac::Proxy>("aws_db_proxy.a", "aws_db_proxy");
  absent.engine_family = Str("POSTGRESQL");
  iac::Proxy off = Node<iac::Proxy>("aws_db_proxy.b", "aws_db_proxy");
  off.origin = Origin{"main.tf", SourceRange{30, 40}};
  off.require_tls = Bool(false, "main.tf", 120);
  iac::ProxyAuth auth;
  auth.iam_auth = Str("DISABLED", "main.tf", 140);
  off.auth.push_back(auth);
  iac::Proxy unknown = Node<iac::Proxy>("aws_db_proxy.c", "aws_db_proxy");
  unknown.require_tls = RefValue("var.require_tls", "");
  iac::Proxy mysql = Node<iac::Proxy>("aws_db_proxy.d", "aws_db_proxy");
  mysql.engine_family = Str("MYSQL");
  g.proxies = {absent, off, unknown, mysql};
  std::vector<Finding> tls = RunCheck(CreateIacTlsProxyNotRequiredCheck(), g);
  ASSERT_EQ(tls.size(), 2u);
  EXPECT_TRUE(tls[0].fixes.empty());
  EXPECT_EQ(tls[1].location.range.begin, 120u);
  ASSERT_EQ(tls[1].fixes.size(), 1u);
  EXPECT_EQ(tls[1].fixes[0].replacements[0].text, "true");
  std::vector<Finding> iam = RunCheck(CreateIacIamProxyAuthDisabledCheck(), g);
  ASSERT_EQ(iam.size(), 1u);
  EXPECT_EQ(iam[0].location.range.begin, 140u);
}

TEST(IacNetwork, PublicDatabaseGetsAFixOnlyInPlace) {
  Graph g;
  iac::Database here = Postgres("aws_db_instance.here");
  here.publicly_accessible = Bool(true, "main.tf", 70);
  iac::Database there = Postgres("aws_db_instance.there");
  there.publicly_accessible = Str("true", "variables.tf", 12);
  there.publicly_accessible.origin = Origin{"main.tf", SourceRange{170, 180}};
  there.publicly_accessible.via.push_back("var.public (default in variables.tf:2)");
  g.databases = {here, there};
  std::vector<Finding> f = RunCheck(CreateIacNetworkDbPublicCheck(), g);
  ASSERT_EQ(f.size(), 2u);
  ASSERT_EQ(f[0].fixes.size(), 1u);
  EXPECT_EQ(f[0].fixes[0].replacements[0].text, "false");
  EXPECT_EQ(f[1].location.file, "variables.tf");
  EXPECT_TRUE(f[1].fixes.empty());
}

TEST(IacNetwork, OpenPorts) {
  auto run = [](Value proto, long from, long to, std::string cidr, Config config = {}) {
    Graph g;
    iac::SecurityGroupRule r =
        Node<iac::SecurityGroupRule>("aws_security_group.db", "aws_security_group");
    r.protocol = std::move(proto);
    r.from_port = Num(from);
    r.to_port = Num(to);
    r.cidr_blocks.push_back(Str(cidr, "main.tf", 400));
    g.security_group_rules.push_back(r);
    return RunCheck(CreateIacNetworkDbPortOpenCheck(), g, config).size();
  };
  EXPECT_EQ(run(Str("tcp"), 5432, 5432, "0.0.0.0/0"), 1u);
  EXPECT_EQ(run(Str("tcp"), 0, 65535, "0.0.0.0/0"), 1u);
  EXPECT_EQ(run(Str("-1"), 0, 0, "0.0.0.0/0"), 1u);
  EXPECT_EQ(run(Str("tcp"), 443, 443, "0.0.0.0/0"), 0u);
  EXPECT_EQ(run(Str("tcp"), 5432, 5432, "10.0.0.0/16"), 0u);
  EXPECT_EQ(run(Str("udp"), 5432, 5432, "0.0.0.0/0"), 0u);
  Config config;
  config.check_options["iac-network-db-port-open.DbPorts"] = "[6432, 5433]";
  EXPECT_EQ(run(Str("tcp"), 6432, 6432, "0.0.0.0/0", config), 1u);
  EXPECT_EQ(run(Str("tcp"), 5432, 5432, "0.0.0.0/0", config), 0u);
}

TEST(IacNetwork, FunctionWithoutVpcThatConnects) {
  Graph g;
  g.databases.push_back(Postgres());
  iac::Function connects = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  connects.environment.push_back(
      iac::EnvVar{"DB_HOST", {}, RefValue("aws_db_instance.main", "address")});
  iac::Function in_vpc = connects;
  in_vpc.id = "aws_lambda_function.in_vpc";
  in_vpc.has_vpc = true;
  iac::Function unknown_vpc = connects;
  unknown_vpc.id = "aws_lambda_function.unknown_vpc";
  unknown_vpc.vpc_config = RefValue("var.vpc", "");
  iac::Function unrelated = Node<iac::Function>("aws_lambda_function.cron", "aws_lambda_function");
  unrelated.origin = Origin{"main.tf", SourceRange{600, 610}};
  g.functions = {connects, in_vpc, unknown_vpc, unrelated};
  std::vector<Finding> f = RunCheck(CreateIacNetworkFunctionNoVpcCheck(), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("aws_db_instance.main"), std::string::npos);
}

TEST(IacEndpointNoProxy, ProxiesAndUnresolvedTargets) {
  Graph g;
  g.databases.push_back(Postgres());
  g.functions.push_back(Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function"));
  EXPECT_EQ(RunCheck(CreateIacEndpointNoProxyCheck(), g).size(), 1u);
  iac::Proxy p = Node<iac::Proxy>("aws_db_proxy.main", "aws_db_proxy");
  p.targets.push_back(Ref("aws_db_instance.main", "identifier"));
  g.proxies.push_back(p);
  EXPECT_TRUE(RunCheck(CreateIacEndpointNoProxyCheck(), g).empty());
  g.proxies[0].targets[0] = Ref("module.other.aws_db_instance.x", "identifier");
  EXPECT_TRUE(RunCheck(CreateIacEndpointNoProxyCheck(), g).empty());  // may be ours
  g.proxies.clear();
  g.functions.clear();
  EXPECT_TRUE(RunCheck(CreateIacEndpointNoProxyCheck(), g).empty());  // not a Lambda project
}

TEST(IacSecrets, DeployTimeAndRotation) {
  Graph g;
  iac::Function f = Node<iac::Function>("aws_lambda_function.api", "aws_lambda_function");
  Value dts = RefValue("data.aws_secretsmanager_secret_version.db", "secret_string", 450);
  dts.deploy_time_secret = true;
  f.environment.push_back(iac::EnvVar{"DB_PASSWORD", {}, dts});
  f.environment.push_back(
      iac::EnvVar{"DB_SECRET_ARN", {}, RefValue("aws_secretsmanager_secret.db", "arn")});
  g.functions.push_back(f);
  std::vector<Finding> d = RunCheck(CreateIacRefreshDeployTimeSecretCheck(), g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.range.begin, 450u);
  EXPECT_TRUE(RunCheck(CreateIacPasswordInFunctionEnvCheck(), g).empty());

  iac::Secret plain =
      Node<iac::Secret>("aws_secretsmanager_secret.db", "aws_secretsmanager_secret");
  plain.is_db_credential = true;
  iac::Secret managed = plain;
  managed.id = "aws_db_instance.main.master_user_secret";
  managed.managed_master_password = true;
  iac::Secret other = plain;
  other.id = "aws_secretsmanager_secret.api_key";
  other.is_db_credential = false;
  g.secrets = {plain, managed, other};
  EXPECT_EQ(RunCheck(CreateIacRefreshNoRotationCheck(), g).size(), 1u);
}

TEST(IacPolicyParseError, ReportsWhereTheBuilderSaw) {
  Graph g;
  g.policy_errors.push_back(
      iac::PolicyError{Origin{"iam.tf", SourceRange{5, 9}}, "Statement is missing"});
  std::vector<Finding> f = RunCheck(CreateIacPolicyParseErrorCheck(), g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "iam.tf");
  EXPECT_NE(f[0].message.find("Statement is missing"), std::string::npos);
}

TEST(IacDbAuth, DisabledOrAbsent) {
  Graph g;
  iac::Database absent = Postgres("aws_db_instance.a");
  iac::Database off = Postgres("aws_db_instance.b");
  off.iam_auth = Bool(false, "main.tf", 222);
  iac::Database on = Postgres("aws_db_instance.c");
  on.iam_auth = Bool(true);
  iac::Database unknown = Postgres("aws_db_instance.d");
  unknown.iam_auth = RefValue("var.iam", "");
  g.databases = {absent, off, on, unknown};
  std::vector<Finding> f = RunCheck(CreateIacIamDbAuthDisabledCheck(), g);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].location.range.begin, 222u);
}

}  // namespace
}  // namespace rdslint
