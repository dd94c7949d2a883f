// The CloudFormation and Serverless builders on small inputs: what is a
// template, problems and their locations, values, and the edges the stack
// tests do not reach.
#include <gtest/gtest.h>

#include <chrono>

#include "frontend/iac/cloudformation_graph.h"
#include "frontend/iac/serverless_graph.h"

namespace rdslint::iac {
namespace {

struct Built {
  bool is_template = false;
  Graph graph;
  std::vector<GraphProblem> problems;
};

Built Cfn(const std::string& text, const std::string& path = "t.yaml") {
  Built b;
  b.is_template = AddCloudFormationTemplate(path, text, Flavor::kCloudFormation, &b.graph, &b.problems);
  return b;
}

Built Sls(const std::string& text, std::map<std::string, std::string> files = {}) {
  Built b;
  ReadServiceFile read = [files](std::string_view rel, std::string* path, std::string* out) {
    auto it = files.find(std::string(rel));
    if (it == files.end()) return false;
    *path = it->first;
    *out = it->second;
    return true;
  };
  b.is_template = AddServerlessConfig("serverless.yml", text, read, &b.graph, &b.problems);
  return b;
}

std::string At(const std::string& text, const Origin& o) {
  return text.substr(o.range.begin, o.range.end - o.range.begin);
}

TEST(CfnGraphTest, OnlyTemplatesAreRead) {
  const char* not_templates[] = {
      "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n",
      "{\"name\": \"app\", \"dependencies\": {\"aws-cdk-lib\": \"^2\"}}",
      "{\n  // tsconfig\n  \"compilerOptions\": {\"strict\": true}\n}\n",
      // Mentions both words, is no template.
      "name: deploy\njobs:\n  deploy:\n    steps:\n      - run: echo 'Resources of type AWS::RDS::DBInstance'\n",
      "docs: AWSTemplateFormatVersion is the first key of a template\n",
      "",
  };
  for (const char* t : not_templates) {
    Built b = Cfn(t);
    EXPECT_FALSE(b.is_template) << t;
    EXPECT_TRUE(b.problems.empty()) << t;
    EXPECT_TRUE(b.graph.functions.empty());
  }
  EXPECT_FALSE(LooksLikeCloudFormation("kind: Deployment\n"));
  EXPECT_TRUE(LooksLikeCloudFormation("Transform: AWS::Serverless-2016-10-31\n"));
  // A k8s manifest with a tag CloudFormation does not know is still not a
  // template, and its tag is not a problem.
  Built k8s = Cfn("Resources:\n  x: !Secret AWS::foo\n");
  EXPECT_FALSE(k8s.is_template);
  EXPECT_TRUE(k8s.problems.empty());
}

TEST(CfnGraphTest, SyntaxErrorsInATemplateAreLocated) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n"
      "    Properties: {Engine: postgres\n";
  Built b = Cfn(t);
  EXPECT_TRUE(b.is_template);
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].origin.file, "t.yaml");
  EXPECT_NE(b.problems[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_TRUE(b.graph.databases.empty());

  const std::string j = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {,}}";
  Built jb = Cfn(j, "cdk.out/S.template.json");
  ASSERT_EQ(jb.problems.size(), 1u);
  EXPECT_EQ(jb.problems[0].origin.range.begin, j.find(",}"));
}

TEST(CfnGraphTest, BrokenTemplatesStillMaskTheirSecrets) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n"
      "    Properties:\n      MasterUserPassword: \"Pl4nted-broken\n      DbUrl: postgresql://u:Pl4nted-url@h/db\n"
      "      Engine: [postgres\n";
  Built b = Cfn(t);
  ASSERT_FALSE(b.problems.empty());
  std::vector<std::string> masked;
  for (const Origin& o : b.graph.secret_spans) masked.push_back(At(t, o));
  EXPECT_NE(std::find(masked.begin(), masked.end(), "Pl4nted-broken"), masked.end());
  EXPECT_NE(std::find(masked.begin(), masked.end(), "Pl4nted-url"), masked.end());
}

TEST(CfnGraphTest, UnknownIntrinsicsAndMalformedSubAreProblems) {
  const std::string t =
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
      "      Runtime: !Reff x\n      Handler: !Sub 'a-${'\n";
  Built b = Cfn(t);
  EXPECT_TRUE(b.is_template);
  ASSERT_EQ(b.problems.size(), 2u);
  EXPECT_EQ(At(t, b.problems[0].origin), "!Reff");
  EXPECT_EQ(At(t, b.problems[1].origin), "${");
  ASSERT_EQ(b.graph.functions.size(), 1u);  // the rest is read
}

TEST(CfnGraphTest, ParameterValues) {
  const std::string t =
      "Parameters:\n"
      "  Pw: {Type: String, NoEcho: true, Default: Pl4nted-param}\n"
      "  Host: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/db/host}\n"
      "  Port: {Type: Number, Default: 5432}\n"
      "  Name: {Type: String}\n"
      "Resources:\n"
      "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
      "      Engine: postgres\n      MasterUserPassword: !Ref Pw\n      Port: !Ref Port\n"
      "      DBName: !Ref Name\n      MasterUsername: !Ref Host\n";
  Built b = Cfn(t);
  ASSERT_EQ(b.graph.databases.size(), 1u);
  const Database& db = b.graph.databases[0];
  EXPECT_TRUE(db.password.is_literal_string());
  EXPECT_EQ(db.password.text, "Pl4nted-param");
  EXPECT_EQ(At(t, db.password.origin), "!Ref Pw");  // where it is used
  EXPECT_EQ(At(t, *db.password.OriginOf(0, 13)), "Pl4nted-param");  // where it is written
  EXPECT_EQ(db.password.via[0], "parameter Pw (Default, t.yaml:2)");
  EXPECT_EQ(db.port.kind, Value::Kind::kNumber);
  EXPECT_EQ(db.port.text, "5432");
  EXPECT_EQ(db.username.kind, Value::Kind::kUnknown);
  EXPECT_NE(db.username.via[0].find("SSM Parameter Store"), std::string::npos);
  EXPECT_EQ(db.parameter_group.kind, Value::Kind::kUnknown);
  EXPECT_FALSE(db.parameter_group.origin.known());  // absent
  bool masked = false;
  for (const Origin& o : b.graph.secret_spans) masked = masked || At(t, o) == "Pl4nted-param";
  EXPECT_TRUE(masked);
}

TEST(CfnGraphTest, AuroraClusterAndManagedMasterSecret) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
      "  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n"
      "      Engine: aurora-postgresql\n      ManageMasterUserPassword: true\n"
      "      DBClusterParameterGroupName: !Ref ClusterParams\n"
      "  ClusterParams:\n    Type: AWS::RDS::DBClusterParameterGroup\n    Properties:\n"
      "      Family: aurora-postgresql15\n      Parameters: {rds.force_ssl: 1}\n"
      "  Writer:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
      "      Engine: aurora-postgresql\n      DBClusterIdentifier: !Ref Cluster\n"
      "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n"
      "          SECRET: !GetAtt Cluster.MasterUserSecret.SecretArn\n";
  Built b = Cfn(t);
  ASSERT_EQ(b.graph.databases.size(), 2u);
  const Database* cluster = b.graph.FindDatabase("t.yaml#Cluster");
  ASSERT_NE(cluster, nullptr);
  EXPECT_TRUE(cluster->cluster);
  EXPECT_TRUE(cluster->IsPostgres());
  EXPECT_EQ(b.graph.Resolve(cluster->parameter_group.references[0])->id, "t.yaml#ClusterParams");
  EXPECT_TRUE(b.graph.parameter_groups[0].cluster);
  const Database* writer = b.graph.FindDatabase("t.yaml#Writer");
  EXPECT_EQ(b.graph.Resolve(writer->cluster_identifier.references[0])->id, "t.yaml#Cluster");
  const Secret* managed = b.graph.FindSecret("t.yaml#Cluster.MasterUserSecret");
  ASSERT_NE(managed, nullptr);
  EXPECT_TRUE(managed->managed_master_password);
  EXPECT_TRUE(managed->is_db_credential);
  EXPECT_EQ(At(t, managed->origin), "true");
  const Reference& ref = b.graph.functions[0].Env("SECRET")->value.references[0];
  EXPECT_EQ(ref.node, "t.yaml#Cluster.MasterUserSecret");
  EXPECT_EQ(ref.attribute, "SecretArn");
}

TEST(CfnGraphTest, PoliciesAttachedByNameReferenceAndManagedArn) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
      "  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: api-role\n"
      "      ManagedPolicyArns: [!Ref Managed]\n"
      "  Inline:\n    Type: AWS::IAM::Policy\n    Properties:\n      Roles: [api-role]\n"
      "      PolicyDocument: {Statement: [{Effect: Allow, Action: 'kms:*', Resource: '*'}]}\n"
      "  Managed:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n"
      "      PolicyDocument: '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"rds-db:connect\", \"Resource\": \"*\"}]}'\n"
      "  Broken:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n"
      "      PolicyDocument: '{\"Statement\": [}'\n"
      "  NoEffect:\n    Type: AWS::IAM::Policy\n    Properties:\n"
      "      PolicyDocument: {Statement: {Action: s3:GetObject, Resource: '*'}}\n";
  Built b = Cfn(t);
  const Role* role = b.graph.FindRole("t.yaml#Role");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->statements.size(), 2u);
  EXPECT_EQ(role->statements[0].actions[0].text, "kms:*");
  EXPECT_EQ(role->statements[1].actions[0].text, "rds-db:connect");
  // A statement read from a JSON string points into that string.
  EXPECT_EQ(At(t, role->statements[1].actions[0].origin), "\"rds-db:connect\"");
  ASSERT_EQ(b.graph.policy_errors.size(), 2u);
  EXPECT_EQ(b.graph.policy_errors[0].message, "the policy document is not valid JSON");
  EXPECT_EQ(At(t, b.graph.policy_errors[0].origin), "}");
  EXPECT_NE(b.graph.policy_errors[1].message.find("Effect"), std::string::npos);
}

TEST(CfnGraphTest, SecurityGroupRulesProxyTargetsByNameAndRotationApps) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
      "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n"
      "  Open:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n"
      "      GroupId: !GetAtt Sg.GroupId\n      IpProtocol: tcp\n      FromPort: 0\n      ToPort: 65535\n"
      "      CidrIpv6: ::/0\n"
      "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {DBInstanceIdentifier: Main-DB, Engine: postgres}\n"
      "  Proxy:\n    Type: AWS::RDS::DBProxy\n    Properties: {DBProxyName: p, EngineFamily: POSTGRESQL}\n"
      "  Targets:\n    Type: AWS::RDS::DBProxyTargetGroup\n    Properties:\n"
      "      DBProxyName: p\n      DBInstanceIdentifiers: [main-db, other-db]\n"
      "  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties: {Name: s}\n"
      "  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n"
      "        ApplicationId: arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationMultiUser\n"
      "        SemanticVersion: 1.1.0\n"
      "  Rotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n"
      "      SecretId: s\n      RotationLambdaARN: !GetAtt App.Outputs.RotationLambdaARN\n"
      "      RotationRules: {ScheduleExpression: rate(30 days)}\n";
  Built b = Cfn(t);
  ASSERT_EQ(b.graph.security_group_rules.size(), 1u);
  const SecurityGroupRule& r = b.graph.security_group_rules[0];
  EXPECT_EQ(r.id, "t.yaml#Open");
  EXPECT_EQ(r.ipv6_cidr_blocks[0].text, "::/0");
  EXPECT_EQ(r.to_port.text, "65535");
  // Security groups are not nodes; rules name theirs by id.
  ASSERT_EQ(r.security_group.references.size(), 1u);
  EXPECT_EQ(r.security_group.references[0].node, "t.yaml#Sg");
  const Proxy& x = b.graph.proxies[0];
  ASSERT_EQ(x.targets.size(), 2u);
  EXPECT_EQ(x.targets[0].node, "t.yaml#Db");  // identifiers compare case-insensitively
  EXPECT_EQ(b.graph.Resolve(x.targets[1]), nullptr);  // not in this project
  const Secret& s = b.graph.secrets[0];
  ASSERT_TRUE(s.rotation.has_value());
  EXPECT_EQ(s.rotation->rotation_type.text, "PostgreSQLMultiUser");
  EXPECT_EQ(s.rotation->schedule_expression.text, "rate(30 days)");
}

TEST(CfnGraphTest, StringFunctions) {
  const std::string t =
      "AWSTemplateFormatVersion: '2010-09-09'\n"
      "Mappings:\n  Env:\n    prod: {Host: db.prod.internal}\n"
      "Conditions:\n  IsProd: !Equals [!Ref AWS::Region, us-east-1]\n"
      "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n"
      "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n"
      "          A: !Select [1, [x, !GetAtt Db.Endpoint.Port]]\n"
      "          B: !FindInMap [Env, prod, Host]\n"
      "          C: !If [IsProd, !GetAtt Db.Endpoint.Address, localhost]\n"
      "          D: !ImportValue shared-db\n"
      "          E: !Join [':', [!GetAtt Db.Endpoint.Address, !Ref AWS::Region, 5432]]\n"
      "          F: \"{{resolve:ssm:/app/host}}\"\n"
      "          G: !Ref AWS::NoValue\n";
  Built b = Cfn(t);
  const Function& f = b.graph.functions[0];
  EXPECT_EQ(f.Env("A")->value.references[0].attribute, "Endpoint.Port");
  EXPECT_EQ(f.Env("B")->value.text, "db.prod.internal");
  EXPECT_EQ(At(t, *f.Env("B")->value.OriginOf(0, 16)), "db.prod.internal");
  EXPECT_EQ(f.Env("C")->value.kind, Value::Kind::kUnknown);
  EXPECT_EQ(f.Env("C")->value.references.size(), 1u);
  EXPECT_EQ(f.Env("D")->value.kind, Value::Kind::kUnknown);
  const Value& e = f.Env("E")->value;
  EXPECT_EQ(e.text, "${Db.Endpoint.Address}:${AWS::Region}:5432");
  ASSERT_EQ(e.holes.size(), 2u);
  EXPECT_EQ(e.holes[0].reference->node, "t.yaml#Db");
  EXPECT_FALSE(e.holes[1].reference.has_value());
  EXPECT_EQ(At(t, *e.OriginOf(e.text.size() - 4, e.text.size())), "5432");
  const Value& ssm = f.Env("F")->value;
  EXPECT_FALSE(ssm.deploy_time_secret);  // a plain parameter, not a secret
  ASSERT_EQ(ssm.holes.size(), 1u);
  EXPECT_EQ(f.Env("G")->value.kind, Value::Kind::kNull);
}

TEST(CfnGraphTest, AliasBombsAreBounded) {
  std::string t = "AWSTemplateFormatVersion: '2010-09-09'\nMappings:\n  a0: &a0 [x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    t += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 8; ++k) t += (k ? ", *a" : "*a") + std::to_string(i - 1);
    t += "]\n";
  }
  t += "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: *a11\n";
  const auto start = std::chrono::steady_clock::now();
  Built b = Cfn(t);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(s, 5.0);
  ASSERT_FALSE(b.problems.empty());
  EXPECT_NE(b.problems.back().message.find("too much data"), std::string::npos);
}

TEST(ServerlessGraphTest, NotAwsAndBrokenFiles) {
  Built google = Sls("service: x\nprovider:\n  name: google\nfunctions:\n  f: {handler: h}\n");
  EXPECT_TRUE(google.is_template);
  EXPECT_TRUE(google.graph.functions.empty());
  Built broken = Sls("service: x\nprovider: [aws\n");
  EXPECT_TRUE(broken.is_template);
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].origin.file, "serverless.yml");
  EXPECT_FALSE(Sls("just a string\n").is_template);
}

TEST(ServerlessGraphTest, RolesVariablesAndLogicalIds) {
  const std::string t =
      "service: x\n"
      "custom:\n  dev: {host: dev.internal}\n  loop: ${self:custom.loop}\n"
      "provider:\n  name: aws\n  runtime: python3.12\n  stage: ${opt:stage, 'dev'}\n"
      "  environment:\n    SHARED: one\n"
      "functions:\n"
      "  - get-user:\n      handler: h.get\n      role: ApiRole\n      vpc: ~\n"
      "      environment:\n        SHARED: two\n"
      "        HOST: ${self:custom.${sls:stage}.host}\n"
      "        LOOP: ${self:custom.loop}\n"
      "        PLAIN_SSM: ${ssm:/app/db/host}\n"
      "        FILE: ${file(./conf.json):db.user}\n"
      "        JS: ${file(./conf.js):db}\n"
      "  - other:\n      handler: h.other\n      role: arn:aws:iam::123456789012:role/external\n"
      "resources:\n  Resources:\n"
      "    ApiRole:\n      Type: AWS::IAM::Role\n"
      "    Perm:\n      Type: AWS::IAM::Policy\n      Properties:\n"
      "        Roles: [!Ref ApiRole]\n"
      "        PolicyDocument:\n          Statement:\n"
      "            - {Effect: Allow, Action: lambda:InvokeFunction, Resource: !GetAtt GetDashuserLambdaFunction.Arn}\n";
  Built b = Sls(t, {{"conf.json", "{\"db\": {\"user\": \"impulse_app\"}}"}});
  ASSERT_EQ(b.graph.functions.size(), 2u);
  const Function& f = b.graph.functions[0];
  EXPECT_EQ(f.id, "serverless.yml#functions.get-user");
  EXPECT_EQ(f.runtime.text, "python3.12");
  EXPECT_FALSE(f.has_vpc);
  EXPECT_EQ(f.Env("SHARED")->value.text, "two");
  EXPECT_EQ(f.Env("HOST")->value.text, "dev.internal");
  EXPECT_EQ(f.Env("LOOP")->value.holes.size(), 1u);  // refers to itself: unresolved, no hang
  EXPECT_FALSE(f.Env("PLAIN_SSM")->value.deploy_time_secret);
  EXPECT_EQ(f.Env("FILE")->value.text, "impulse_app");
  EXPECT_EQ(f.Env("FILE")->value.OriginOf(0, 11)->file, "conf.json");
  EXPECT_EQ(f.Env("JS")->value.holes.size(), 1u);
  EXPECT_EQ(b.graph.Resolve(f.role.references[0])->id, "serverless.yml#ApiRole");
  const Function& other = b.graph.functions[1];
  EXPECT_TRUE(other.role.is_literal_string());
  // No function uses the generated role: there is none.
  EXPECT_EQ(b.graph.FindRole("serverless.yml#IamRoleLambdaExecution"), nullptr);
  // A resource's reference to the function's logical id finds it.
  const Role* role = b.graph.FindRole("serverless.yml#ApiRole");
  ASSERT_EQ(role->statements.size(), 1u);
  EXPECT_EQ(b.graph.Resolve(role->statements[0].resources[0].references[0])->id,
            "serverless.yml#functions.get-user");
  EXPECT_EQ(ServerlessFunctionLogicalId("get_user-v2"), "GetUnderscoreuserDashv2LambdaFunction");
}

}  // namespace
}  // namespace rdslint::iac
