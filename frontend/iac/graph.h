// The project graph (DESIGN.md, "Project graph"): Terraform, CloudFormation,
// SAM, Serverless Framework and CDK output normalised into one model of the
// few things the rules care about — databases, parameter groups, proxies,
// secrets, functions, roles and their policy statements, security group
// rules — so that each iac and project rule is written once.
//
// Builders live beside this file (terraform_graph.cc, cloudformation_graph.cc,
// serverless_graph.cc); checks read the graph and never the syntax trees.
#ifndef RDSLINT_FRONTEND_IAC_GRAPH_H_
#define RDSLINT_FRONTEND_IAC_GRAPH_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/source.h"

namespace rdslint::iac {

enum class Flavor { kTerraform, kCloudFormation, kSam, kServerless, kCdk };
std::string_view FlavorName(Flavor f);

// Where something is written: a file (path as reported) and a byte range.
struct Origin {
  std::string file;
  SourceRange range;
  bool known() const { return !file.empty(); }
};

// A reference to an attribute of another node: aws_db_instance.main.address,
// !GetAtt Db.Endpoint.Address, !Ref DbSecret.
struct Reference {
  std::string node;       // the referenced node's id (see Node::id)
  std::string attribute;  // "address", "Endpoint.Address", "arn", "" for !Ref
  Origin origin;          // where the reference is written
  std::string text;       // as written, for messages: "aws_db_instance.main.address"
};

// Where the bytes [begin, end) of a string value came from. A value built
// from several places (a template with a variable's default substituted)
// has several segments; a finding on a part of the value maps to the exact
// literal through them.
struct Segment {
  uint32_t begin = 0;  // in Value::text
  uint32_t end = 0;
  Origin origin;       // origin.range.begin is the source of text[begin]
  bool verbatim = true;  // byte-for-byte copy; else the whole range maps to origin.range
};

// A part of a string that could not be resolved statically; in Value::text
// it stands as "${...}" (its source text), so connection-string analysis
// sees a hole there.
struct Hole {
  uint32_t begin = 0;  // in Value::text, covering the whole "${...}"
  uint32_t end = 0;
  std::optional<Reference> reference;  // when the hole is a reference
};

struct Value {
  enum class Kind { kUnknown, kNull, kBool, kNumber, kString, kList, kMap };
  Kind kind = Kind::kUnknown;

  std::string text;  // kString (holes as "${...}"), kNumber as written, kUnknown: source text
  bool boolean = false;
  std::vector<Value> items;                            // kList
  std::vector<std::pair<std::string, Value>> entries;  // kMap, in source order

  Origin origin;                  // the expression as written where it is used
  std::vector<Segment> segments;  // kString
  std::vector<Hole> holes;        // kString
  // What the value referenced, also when it stayed unknown: a reference
  // never becomes a guess.
  std::vector<Reference> references;
  // How the value travelled, for messages: "var.db_password (default in
  // variables.tf:4)", "parameter DbPassword (Default)".
  std::vector<std::string> via;
  // Resolved when the stack is deployed and frozen into the resource's
  // configuration: {{resolve:secretsmanager:...}}, {{resolve:ssm-secure:...}},
  // data.aws_secretsmanager_secret_version.x.secret_string,
  // ${ssm:/aws/reference/secretsmanager/...}.
  bool deploy_time_secret = false;
  // A string made by jsonencode (Terraform): the value it encodes (one
  // item), so a policy or secret written as jsonencode({...}) keeps the
  // origin of each element.
  std::vector<Value> encoded;

  bool is_literal_string() const { return kind == Kind::kString && holes.empty(); }
  bool is_true() const { return kind == Kind::kBool && boolean; }
  bool is_false() const { return kind == Kind::kBool && !boolean; }
  const Value* Get(std::string_view key) const;  // kMap entry or nullptr
  // The source range of text[begin, end) when it comes from one segment.
  std::optional<Origin> OriginOf(uint32_t begin, uint32_t end) const;
};

// Common to every node.
struct Node {
  std::string id;    // Terraform address (module.db.aws_db_instance.this) or
                     // TEMPLATE_PATH#LogicalId for CloudFormation/SAM/CDK,
                     // serverless.yml#functions.api for Serverless
  std::string type;  // aws_db_instance, AWS::RDS::DBInstance, ...
  Flavor flavor = Flavor::kTerraform;
  Origin origin;     // the resource block / logical id
  // CDK output: the construct that made it (Metadata aws:cdk:path,
  // "App/Stack/Database/Resource"), so messages can name it.
  std::string construct_path;
};

struct Database : Node {
  bool cluster = false;       // aws_rds_cluster, AWS::RDS::DBCluster
  Value engine;               // postgres, aurora-postgresql
  Value engine_version;
  Value username;
  Value password;             // password / master_password / MasterUserPassword
  Value manage_master_password;  // RDS-managed master secret
  Value iam_auth;             // iam_database_authentication_enabled
  Value publicly_accessible;
  Value port;
  Value parameter_group;      // name or reference
  Value cluster_identifier;   // for an instance that belongs to a cluster
  bool IsPostgres() const;    // engine is postgres or aurora-postgresql (or unknown but a PG family)
};

struct ParameterGroup : Node {
  bool cluster = false;
  Value name;
  Value family;  // postgres14, aurora-postgresql15
  std::vector<std::pair<std::string, Value>> parameters;  // name -> value
  const Value* Parameter(std::string_view name) const;
};

struct ProxyAuth {
  Value auth_scheme;  // SECRETS
  Value iam_auth;     // DISABLED, REQUIRED, OPTIONAL
  Value secret;       // secret ARN or reference
  Origin origin;
};

struct Proxy : Node {
  Value engine_family;  // POSTGRESQL
  Value require_tls;    // default false
  std::vector<ProxyAuth> auth;
  std::vector<Reference> targets;  // databases/clusters it fronts (via target groups)
};

struct Rotation {
  Value automatically_after_days;
  Value schedule_expression;  // rate(1 day), cron(...)
  Value rotation_lambda;
  // PostgreSQLSingleUser / PostgreSQLMultiUser (HostedRotationLambda, or the
  // Serverless Application Repository rotation app), when known.
  Value rotation_type;
  Origin origin;
};

struct Secret : Node {
  Value name;
  Value kms_key;                    // customer-managed key, if any
  bool generated = false;           // GenerateSecretString
  Value secret_string_template;     // {"username": "..."} for user-case checks
  bool managed_master_password = false;  // created by RDS (manage_master_user_password)
  std::optional<Rotation> rotation;
  bool is_db_credential = false;    // attached to a DB, referenced by a proxy, or shaped like one
  Value secret_string;              // SecretString as written (a literal one holds the credential)
  std::vector<Reference> databases; // DBs it is attached to (SecretTargetAttachment)
};

struct EnvVar {
  std::string name;
  Origin name_origin;
  Value value;
};

struct Function : Node {
  Value runtime;        // nodejs20.x, python3.12
  Value architectures;  // list: x86_64 / arm64
  Value handler;        // dist/handler.handler
  Value code_path;      // filename / source_dir / CodeUri
  std::vector<EnvVar> environment;
  Value vpc_config;     // kUnknown/kNull when absent (check `present`)
  bool has_vpc = false;
  Value role;           // reference to a Role, or an ARN
  const EnvVar* Env(std::string_view name) const;
};

struct Statement {
  std::string effect;  // Allow / Deny
  std::vector<Value> actions, not_actions;
  std::vector<Value> resources, not_resources;
  Value conditions;
  Origin origin;
};

struct Role : Node {
  std::vector<Statement> statements;      // inline and attached policies found in the project
  std::vector<Value> managed_policy_arns; // attached AWS-managed or external policies
};

struct Policy : Node {  // a standalone policy (aws_iam_policy, AWS::IAM::ManagedPolicy)
  std::vector<Statement> statements;
  std::vector<Reference> roles;  // roles it is attached to
};

struct SecurityGroupRule : Node {
  bool ingress = true;
  Value from_port, to_port, protocol;
  std::vector<Value> cidr_blocks;       // IPv4
  std::vector<Value> ipv6_cidr_blocks;
  Value security_group;                 // the group the rule belongs to
};

// A policy document that does not parse (iac-policy-parse-error).
struct PolicyError {
  Origin origin;
  std::string message;
};

// A problem a builder met in a file (YAML/JSON syntax, an unknown intrinsic
// function, a malformed Fn::Sub): reported as parse-error where it is.
struct GraphProblem {
  Origin origin;
  std::string message;  // never quotes a value
};

// A file a builder read, with a fingerprint of the text it read
// (TextFingerprint): the per-file linter reports the builder's problems and
// masks its secret spans only for the text the builder saw (an editor may
// send unsaved text).
struct GraphSource {
  std::string file;  // as reported
  uint64_t fingerprint = 0;
};
uint64_t TextFingerprint(std::string_view text);  // 64-bit FNV-1a

struct Graph {
  std::vector<Database> databases;
  std::vector<ParameterGroup> parameter_groups;
  std::vector<Proxy> proxies;
  std::vector<Secret> secrets;
  std::vector<Function> functions;
  std::vector<Role> roles;
  std::vector<Policy> policies;
  std::vector<SecurityGroupRule> security_group_rules;
  std::vector<PolicyError> policy_errors;
  // Literal secret values the builders saw (passwords, NoEcho parameter
  // defaults, secret strings): masked in every output line of those files.
  std::vector<Origin> secret_spans;
  // Problems builders met where they read (Terraform syntax errors, module
  // cycles): reported as parse-error in those files.
  std::vector<GraphProblem> problems;
  std::vector<GraphSource> sources;

  // Any node by id, or nullptr.
  const Node* Find(std::string_view id) const;
  const Database* FindDatabase(std::string_view id) const;
  const Role* FindRole(std::string_view id) const;
  const Secret* FindSecret(std::string_view id) const;
  // The node a reference points at, or nullptr.
  const Node* Resolve(const Reference& ref) const;

  bool IsLambdaProject() const { return !functions.empty(); }
  // Appends another builder's graph (one repository, several flavours).
  void Merge(Graph other);

  // Makes the Find functions look nodes up by id instead of scanning every
  // node (the project checks resolve references by the thousand in a
  // monorepo). Call after the last change: a graph changed, copied or moved
  // since scans again, so the answer is always the same.
  void BuildIndex();

 private:
  struct Indexed {
    const Node* any = nullptr;  // the first node of any kind, in Find's order
    const Database* database = nullptr;
    const Role* role = nullptr;
    const Secret* secret = nullptr;
  };
  const Indexed* Lookup(std::string_view id, bool* indexed) const;
  size_t NodeCount() const;
  std::unordered_map<std::string_view, Indexed> index_;
  const Graph* indexed_for_ = nullptr;  // `this` when the index was built
  size_t indexed_nodes_ = 0;
};

}  // namespace rdslint::iac

#endif  // RDSLINT_FRONTEND_IAC_GRAPH_H_
