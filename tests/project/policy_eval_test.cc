// Policy evaluation as a table: one role, one action, one resource, and the
// answer IAM would give as far as the project shows it (yes, no, unknown).
#include <gtest/gtest.h>

#include <functional>

#include "checks/project/policy_eval.h"

namespace rdslint::project {
namespace {

using iac::Value;

Value Str(std::string text) {
  Value v;
  v.kind = Value::Kind::kString;
  v.text = std::move(text);
  v.origin = iac::Origin{"main.tf", SourceRange{10, 20}};
  return v;
}

iac::Reference Ref(std::string node, std::string attribute) {
  iac::Reference r;
  r.node = std::move(node);
  r.attribute = std::move(attribute);
  r.text = r.node + "." + r.attribute;
  r.origin = iac::Origin{"main.tf", SourceRange{30, 40}};
  return r;
}

// An unknown value that is a reference (aws_secretsmanager_secret.db.arn).
Value RefValue(std::string node, std::string attribute) {
  Value v;
  v.kind = Value::Kind::kUnknown;
  v.references.push_back(Ref(std::move(node), std::move(attribute)));
  v.text = v.references[0].text;
  return v;
}

// A string with one hole: "arn:...:dbuser:${X}/impulse_app" where "${X}"
// stands for the reference.
Value Template(const std::string& before, const std::string& node, const std::string& attribute,
               const std::string& after) {
  Value v = Str(before + "${" + node + "." + attribute + "}" + after);
  iac::Hole h;
  h.begin = static_cast<uint32_t>(before.size());
  h.end = static_cast<uint32_t>(v.text.size() - after.size());
  if (!node.empty()) h.reference = Ref(node, attribute);
  v.holes.push_back(h);
  return v;
}

// A hole that references nothing of the graph (var.secret_arn).
Value VarTemplate(const std::string& before, const std::string& after) {
  return Template(before, "", "", after);
}

iac::Statement Stmt(std::string effect, std::vector<Value> actions, std::vector<Value> resources) {
  iac::Statement s;
  s.effect = std::move(effect);
  s.actions = std::move(actions);
  s.resources = std::move(resources);
  s.origin = iac::Origin{"iam.tf", SourceRange{0, 1}};
  return s;
}

iac::Statement Allow(std::string action, Value resource) {
  return Stmt("Allow", {Str(std::move(action))}, {std::move(resource)});
}

iac::Statement Deny(std::string action, Value resource) {
  return Stmt("Deny", {Str(std::move(action))}, {std::move(resource)});
}

iac::Statement WithCondition(iac::Statement s) {
  Value c;
  c.kind = Value::Kind::kMap;
  c.entries.emplace_back("StringEquals", Str("x"));
  c.origin = iac::Origin{"iam.tf", SourceRange{2, 3}};
  s.conditions = c;
  return s;
}

iac::Graph MakeGraph() {
  iac::Graph g;
  iac::Secret db;
  db.id = "aws_secretsmanager_secret.db";
  db.type = "aws_secretsmanager_secret";
  db.name = Str("prod/impulse/db");
  iac::Secret other;
  other.id = "aws_secretsmanager_secret.other";
  other.type = "aws_secretsmanager_secret";
  other.name = Str("prod/reports/db");
  g.secrets = {db, other};
  iac::Database impulse;
  impulse.id = "aws_db_instance.impulse";
  impulse.type = "aws_db_instance";
  iac::Database reports;
  reports.id = "aws_db_instance.reports";
  reports.type = "aws_db_instance";
  g.databases = {impulse, reports};
  return g;
}

const std::string kSecret = "aws_secretsmanager_secret.db";
const std::string kOtherSecret = "aws_secretsmanager_secret.other";
const std::string kDb = "aws_db_instance.impulse";
const std::string kOtherDb = "aws_db_instance.reports";
const std::string kDbArn = "arn:aws:rds-db:us-east-1:123456789012:dbuser:";

struct Case {
  std::string name;
  std::function<iac::Role()> role;
  std::string action;
  std::function<ResourceTarget(const iac::Graph&)> target;
  Tri expected;
};

iac::Role RoleWith(std::vector<iac::Statement> statements, std::vector<Value> managed = {}) {
  iac::Role r;
  r.id = "aws_iam_role.api";
  r.type = "aws_iam_role";
  r.statements = std::move(statements);
  r.managed_policy_arns = std::move(managed);
  return r;
}

ResourceTarget TheSecret(const iac::Graph& g) { return SecretTarget(g.FindSecret(kSecret), ""); }
ResourceTarget SecretByArn(const iac::Graph&) {
  return SecretTarget(nullptr, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf");
}
ResourceTarget SecretByName(const iac::Graph&) { return SecretTarget(nullptr, "prod/impulse/db"); }
ResourceTarget AppUser(const iac::Graph&) { return DbUserTarget({kDb}, "impulse_app"); }
ResourceTarget AnyUser(const iac::Graph&) { return DbUserTarget({kDb}, ""); }
ResourceTarget Key(const iac::Graph&) { return KeyTarget({"aws_kms_key.db"}, ""); }

const char* kGet = "secretsmanager:GetSecretValue";
const char* kConnect = "rds-db:connect";

std::vector<Case> Cases() {
  auto role = [](std::vector<iac::Statement> s) { return [s] { return RoleWith(s); }; };
  return {
      // Actions and wildcards.
      {"exact_action_star_resource", role({Allow(kGet, Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"service_wildcard", role({Allow("secretsmanager:*", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"full_wildcard", role({Allow("*", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"action_case_insensitive", role({Allow("SecretsManager:getsecretvalue", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"prefix_wildcard", role({Allow("secretsmanager:Get*", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"question_mark", role({Allow("secretsmanager:GetSecretValu?", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"other_action", role({Allow("secretsmanager:DescribeSecret", Str("*"))}), kGet, TheSecret, Tri::kNo},
      {"other_service", role({Allow("s3:GetObject", Str("*"))}), kGet, TheSecret, Tri::kNo},
      {"no_statements", role({}), kGet, TheSecret, Tri::kNo},
      {"unresolved_action", role({Stmt("Allow", {RefValue("var.action", "")}, {Str("*")})}), kGet, TheSecret, Tri::kUnknown},
      // Resources: references.
      {"reference_to_secret", role({Allow(kGet, RefValue(kSecret, "arn"))}), kGet, TheSecret, Tri::kYes},
      {"reference_to_other_secret", role({Allow(kGet, RefValue(kOtherSecret, "arn"))}), kGet, TheSecret, Tri::kNo},
      {"reference_to_variable", role({Allow(kGet, RefValue("var.secret_arn", ""))}), kGet, TheSecret, Tri::kUnknown},
      {"template_with_secret_hole", role({Allow(kGet, Template("", kSecret, "arn", "*"))}), kGet, TheSecret, Tri::kYes},
      {"two_resources_one_right", role({Stmt("Allow", {Str(kGet)}, {RefValue(kOtherSecret, "arn"), RefValue(kSecret, "id")})}), kGet, TheSecret, Tri::kYes},
      // Resources: literal ARNs against a secret known by name.
      {"literal_arn_name_wildcard", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-*"))}), kGet, TheSecret, Tri::kYes},
      {"literal_arn_other_name", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/reports/*"))}), kGet, TheSecret, Tri::kNo},
      {"literal_arn_exact_suffix_unknown", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf"))}), kGet, TheSecret, Tri::kUnknown},
      {"literal_arn_all_secrets", role({Allow(kGet, Str("arn:aws:secretsmanager:*:*:secret:*"))}), kGet, TheSecret, Tri::kYes},
      {"literal_arn_service_wildcard_tail", role({Allow(kGet, Str("arn:aws:secretsmanager:*"))}), kGet, TheSecret, Tri::kYes},
      {"literal_arn_wrong_service", role({Allow(kGet, Str("arn:aws:ssm:us-east-1:123456789012:parameter/*"))}), kGet, TheSecret, Tri::kNo},
      {"not_an_arn", role({Allow(kGet, Str("prod/impulse/db"))}), kGet, TheSecret, Tri::kNo},
      {"literal_arn_exact_match", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf"))}), kGet, SecretByArn, Tri::kYes},
      {"literal_arn_exact_mismatch", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-XyZxYz"))}), kGet, SecretByArn, Tri::kNo},
      {"name_target_wildcard", role({Allow(kGet, Str("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/*"))}), kGet, SecretByName, Tri::kYes},
      {"arn_with_variable_region", role({Allow(kGet, VarTemplate("arn:aws:secretsmanager:", ":123456789012:secret:prod/impulse/db-*"))}), kGet, TheSecret, Tri::kYes},
      {"arn_with_variable_name", role({Allow(kGet, VarTemplate("arn:aws:secretsmanager:us-east-1:123456789012:secret:", "-*"))}), kGet, TheSecret, Tri::kUnknown},
      {"arn_with_variable_wrong_service", role({Allow(kGet, VarTemplate("arn:aws:s3:::", "/*"))}), kGet, TheSecret, Tri::kNo},
      // NotAction and NotResource.
      {"not_action_excludes_other", role({[] { iac::Statement s = Stmt("Allow", {}, {Str("*")}); s.not_actions = {Str("iam:*")}; return s; }()}), kGet, TheSecret, Tri::kYes},
      {"not_action_excludes_it", role({[] { iac::Statement s = Stmt("Allow", {}, {Str("*")}); s.not_actions = {Str("secretsmanager:*")}; return s; }()}), kGet, TheSecret, Tri::kNo},
      {"not_resource_excludes_other", role({[] { iac::Statement s = Stmt("Allow", {Str(kGet)}, {}); s.not_resources = {RefValue(kOtherSecret, "arn")}; return s; }()}), kGet, TheSecret, Tri::kYes},
      {"not_resource_excludes_it", role({[] { iac::Statement s = Stmt("Allow", {Str(kGet)}, {}); s.not_resources = {RefValue(kSecret, "arn")}; return s; }()}), kGet, TheSecret, Tri::kNo},
      {"not_resource_unknown", role({[] { iac::Statement s = Stmt("Allow", {Str(kGet)}, {}); s.not_resources = {RefValue("var.x", "")}; return s; }()}), kGet, TheSecret, Tri::kUnknown},
      // Deny overrides Allow.
      {"deny_overrides_allow", role({Allow("*", Str("*")), Deny(kGet, RefValue(kSecret, "arn"))}), kGet, TheSecret, Tri::kNo},
      {"deny_other_secret", role({Allow(kGet, Str("*")), Deny(kGet, RefValue(kOtherSecret, "arn"))}), kGet, TheSecret, Tri::kYes},
      {"deny_wildcard_action", role({Allow(kGet, Str("*")), Deny("secretsmanager:*", Str("*"))}), kGet, TheSecret, Tri::kNo},
      {"deny_other_action", role({Allow(kGet, Str("*")), Deny("secretsmanager:DeleteSecret", Str("*"))}), kGet, TheSecret, Tri::kYes},
      {"deny_unresolved_resource", role({Allow(kGet, Str("*")), Deny(kGet, RefValue("var.x", ""))}), kGet, TheSecret, Tri::kUnknown},
      {"deny_effect_case", role({Allow(kGet, Str("*")), Stmt("deny", {Str(kGet)}, {Str("*")})}), kGet, TheSecret, Tri::kNo},
      {"effect_not_known", role({Allow(kGet, Str("*")), Stmt("", {Str(kGet)}, {Str("*")})}), kGet, TheSecret, Tri::kUnknown},
      // Conditions are left unknown.
      {"allow_with_condition", role({WithCondition(Allow(kGet, Str("*")))}), kGet, TheSecret, Tri::kUnknown},
      {"deny_with_condition", role({Allow(kGet, Str("*")), WithCondition(Deny(kGet, Str("*")))}), kGet, TheSecret, Tri::kUnknown},
      {"condition_on_other_action", role({WithCondition(Allow("s3:*", Str("*")))}), kGet, TheSecret, Tri::kNo},
      {"condition_plus_plain_allow", role({WithCondition(Allow(kGet, Str("*"))), Allow(kGet, RefValue(kSecret, "arn"))}), kGet, TheSecret, Tri::kYes},
      // Managed policies.
      {"managed_basic_execution", [] { return RoleWith({}, {Str("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")}); }, kGet, TheSecret, Tri::kNo},
      {"managed_admin", [] { return RoleWith({}, {Str("arn:aws:iam::aws:policy/AdministratorAccess")}); }, kGet, TheSecret, Tri::kYes},
      {"managed_unknown", [] { return RoleWith({}, {Str("arn:aws:iam::aws:policy/SomethingElse")}); }, kGet, TheSecret, Tri::kUnknown},
      {"managed_customer_outside", [] { return RoleWith({}, {Str("arn:aws:iam::123456789012:policy/app")}); }, kGet, TheSecret, Tri::kUnknown},
      {"managed_sam_name", [] { return RoleWith({}, {Str("AWSLambdaVPCAccessExecutionRole")}); }, kGet, TheSecret, Tri::kNo},
      {"managed_admin_denied", [] { return RoleWith({Deny("secretsmanager:*", Str("*"))}, {Str("arn:aws:iam::aws:policy/AdministratorAccess")}); }, kGet, TheSecret, Tri::kNo},
      // rds-db:connect.
      {"dbconnect_resource_id_and_user", role({Allow(kConnect, Template(kDbArn, kDb, "resource_id", "/impulse_app"))}), kConnect, AppUser, Tri::kYes},
      {"dbconnect_other_user", role({Allow(kConnect, Template(kDbArn, kDb, "resource_id", "/Impulse_App"))}), kConnect, AppUser, Tri::kNo},
      {"dbconnect_other_db", role({Allow(kConnect, Template(kDbArn, kOtherDb, "resource_id", "/impulse_app"))}), kConnect, AppUser, Tri::kNo},
      {"dbconnect_any_db", role({Allow(kConnect, Str(kDbArn + "*/impulse_app"))}), kConnect, AppUser, Tri::kYes},
      {"dbconnect_any_user", role({Allow(kConnect, Template(kDbArn, kDb, "resource_id", "/*"))}), kConnect, AppUser, Tri::kYes},
      {"dbconnect_literal_id", role({Allow(kConnect, Str(kDbArn + "db-ABCDEFGHIJ/impulse_app"))}), kConnect, AppUser, Tri::kUnknown},
      {"dbconnect_literal_id_wrong_user", role({Allow(kConnect, Str(kDbArn + "db-ABCDEFGHIJ/reports"))}), kConnect, AppUser, Tri::kNo},
      {"dbconnect_star", role({Allow("rds-db:*", Str("*"))}), kConnect, AppUser, Tri::kYes},
      {"dbconnect_rds_star_is_not_rds_db", role({Allow("rds:*", Str("*"))}), kConnect, AppUser, Tri::kNo},
      {"dbconnect_unknown_user", role({Allow(kConnect, Template(kDbArn, kDb, "resource_id", "/impulse_app"))}), kConnect, AnyUser, Tri::kUnknown},
      {"dbconnect_unknown_user_none", role({Allow("secretsmanager:*", Str("*"))}), kConnect, AnyUser, Tri::kNo},
      {"dbconnect_variable_id", role({Allow(kConnect, VarTemplate(kDbArn, "/impulse_app"))}), kConnect, AppUser, Tri::kUnknown},
      // kms:Decrypt on a customer-managed key.
      {"kms_reference", role({Allow("kms:Decrypt", RefValue("aws_kms_key.db", "arn"))}), "kms:Decrypt", Key, Tri::kYes},
      {"kms_missing", role({Allow(kGet, Str("*"))}), "kms:Decrypt", Key, Tri::kNo},
      {"kms_literal_key_arn", role({Allow("kms:Decrypt", Str("arn:aws:kms:us-east-1:123456789012:key/1234abcd"))}), "kms:Decrypt", Key, Tri::kUnknown},
      {"kms_alias_arn_wrong_kind", role({Allow("kms:Decrypt", Str("arn:aws:kms:us-east-1:123456789012:alias/app"))}), "kms:Decrypt", Key, Tri::kNo},
  };
}

class PolicyEvalTest : public testing::TestWithParam<Case> {};

TEST_P(PolicyEvalTest, Answers) {
  const Case& c = GetParam();
  const iac::Graph g = MakeGraph();
  const iac::Role r = c.role();
  const Decision d = Evaluate(g, r, c.action, c.target(g));
  EXPECT_EQ(TriName(d.allowed), TriName(c.expected)) << c.name << " (" << d.unknown_because << ")";
}

INSTANTIATE_TEST_SUITE_P(Table, PolicyEvalTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(PolicyEvalTableTest, HasEnoughCases) { EXPECT_GE(Cases().size(), 40u); }

TEST(GlobTest, UnknownTextIsNeitherMatchedNorRefused) {
  const std::string u(1, kUnknownText);
  EXPECT_EQ(Glob("secret:a-*", "secret:a-" + u, false), Tri::kYes);
  EXPECT_EQ(Glob("secret:a-XYZ", "secret:a-" + u, false), Tri::kUnknown);
  EXPECT_EQ(Glob("secret:b-*", "secret:a-" + u, false), Tri::kNo);
  EXPECT_EQ(Glob("S3:*", "s3:getobject", true), Tri::kYes);
  EXPECT_EQ(Glob("S3:*", "s3:getobject", false), Tri::kNo);
}

}  // namespace
}  // namespace rdslint::project
