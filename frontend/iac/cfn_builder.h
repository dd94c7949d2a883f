// Internal to the CloudFormation and Serverless builders: the resources of a
// template (or of a serverless.yml's resources section) as graph nodes, and
// the edges between them.
#ifndef RDSLINT_FRONTEND_IAC_CFN_BUILDER_H_
#define RDSLINT_FRONTEND_IAC_CFN_BUILDER_H_

#include <map>
#include <string>
#include <vector>

#include "frontend/iac/cfn_values.h"
#include "frontend/iac/graph.h"

namespace rdslint::iac::internal {

// Whether a parsed root is a CloudFormation template: AWSTemplateFormatVersion,
// the SAM transform, or Resources with AWS:: types.
bool IsTemplateRoot(At root);
bool HasServerlessTransform(At root);

// A file that does not parse still must not show its secrets: the values of
// password-like keys ("MasterUserPassword: x", "\"DB_PASSWORD\": \"x\"") and
// literal URL passwords, found line by line.
void MarkLikelySecrets(std::string_view path, std::string_view text, std::vector<Origin>* spans);

// Adds the Parameters, Mappings and Resources of `root` to `scope`, and the
// roles SAM generates for functions without a Role.
void DeclareTemplate(At root, TemplateScope* scope);

class CfnBuilder {
 public:
  CfnBuilder(const TemplateScope& scope, ValueBuilder& values, Graph* graph)
      : scope_(scope), values_(values), graph_(graph) {}

  // SAM Globals.Function: defaults for every AWS::Serverless::Function.
  void set_sam_globals(At globals) { globals_ = globals; }

  // A node for every resource the graph models.
  void Build();
  // Edges across nodes, once every node of the graph exists: rotation
  // schedules to secrets, target groups to proxies, attachments, standalone
  // policies to roles, secrets used by DBs and proxies as DB credentials.
  void Link();

  // Literal secret values (passwords, secret strings, URL passwords in
  // function environments) of a function's environment.
  static void MarkEnvironmentSecrets(const Function& f, std::vector<Origin>* spans);

 private:
  void FillNode(Node* n, const Resource& r) const;
  At Prop(const Resource& r, std::string_view key, bool sam) const;
  void AddDatabase(const Resource& r, bool cluster);
  void AddParameterGroup(const Resource& r, bool cluster);
  void AddProxy(const Resource& r);
  void AddSecret(const Resource& r);
  void AddFunction(const Resource& r, bool sam);
  void AddRole(const Resource& r);
  void AddPolicy(const Resource& r);
  void AddSecurityGroup(const Resource& r);
  void AddSecurityGroupRule(const Resource& r, bool ingress);
  SecurityGroupRule RuleFrom(At rule, bool ingress) const;
  // The node ids a value points at: its references, else a literal name
  // looked up in `names` (identifiers, secret names, role names).
  std::vector<Reference> Targets(const Value& v, const std::map<std::string, std::string>& names) const;

  const TemplateScope& scope_;
  ValueBuilder& values_;
  Graph* graph_;
  At globals_;

  // Literal names of nodes, for references by name.
  std::map<std::string, std::string> db_identifiers_, proxy_names_, secret_names_, role_names_;

  struct TargetGroup {
    Value proxy;
    std::vector<Value> targets;
  };
  struct PendingRotation {
    Value secret;
    Rotation rotation;
  };
  struct Attachment {
    Value secret;
    Value target;
  };
  struct PolicyRoles {
    std::string policy_id;
    std::vector<Value> roles;
  };
  std::vector<TargetGroup> target_groups_;
  std::vector<PendingRotation> rotations_;
  std::vector<Attachment> attachments_;
  std::vector<PolicyRoles> policy_roles_;
};

}  // namespace rdslint::iac::internal

#endif  // RDSLINT_FRONTEND_IAC_CFN_BUILDER_H_
