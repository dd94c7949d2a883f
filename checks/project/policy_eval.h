// Policy evaluation for the project rules: does a role's set of statements
// allow an action on a resource? IAM's identity-policy logic, as far as the
// project shows it: wildcards (* and ?) in actions and resources, NotAction
// and NotResource, an explicit Deny overriding any Allow, policies attached
// in the project (already folded into the role by the graph builders), SAM
// policy templates (expanded by the SAM builder), and a few AWS-managed
// policies whose content is fixed. Whatever the project cannot tell — a
// resource built from an unresolved variable, a Condition, a managed policy
// that is not in the table — makes the answer "unknown", and a rule reports
// nothing on an unknown answer.
#ifndef RDSLINT_CHECKS_PROJECT_POLICY_EVAL_H_
#define RDSLINT_CHECKS_PROJECT_POLICY_EVAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/iac/graph.h"

namespace rdslint::project {

enum class Tri { kNo, kUnknown, kYes };
std::string_view TriName(Tri t);  // "no", "unknown", "yes"

// The kind of resource an action is asked on: a reference in a policy to
// another node of the same kind names a different resource.
enum class ResourceKind { kSecret, kKey, kDatabase };
// Whether a graph node (by its type) is of that kind.
bool IsKind(const iac::Node& node, ResourceKind kind);

// What an action is asked on.
struct ResourceTarget {
  ResourceKind kind = ResourceKind::kSecret;
  std::string service;  // the ARN's service: "secretsmanager", "kms", "rds-db"
  // Graph nodes whose references in a policy name this resource (the
  // secret; the key; the database, the cluster it belongs to and the
  // proxies in front of it).
  std::vector<std::string> nodes;
  // The resource part of its ARN (after "arn:PARTITION:SERVICE:REGION:ACCOUNT:"),
  // with kUnknownText standing for a part that is not known statically
  // (a secret's random suffix, a database's resource id); nullopt when
  // nothing is known of it.
  std::optional<std::string> resource;
};
inline constexpr char kUnknownText = '\x01';

// A secret: by graph node (its name, when literal, gives the ARN's
// resource), by a literal ARN, or by a literal name (SecretId accepts both).
ResourceTarget SecretTarget(const iac::Secret* secret, std::string_view literal_id);
// A KMS key by graph node or literal ARN.
ResourceTarget KeyTarget(const std::vector<std::string>& nodes, std::string_view literal_arn);
// rds-db:connect on dbuser:RESOURCE_ID/USER: the database nodes (the
// instance, its cluster, the proxies fronting it) and the user ("" when not
// known).
ResourceTarget DbUserTarget(std::vector<std::string> nodes, std::string_view user);

// Whether one Resource / NotResource element names the target.
Tri ResourceMatches(const iac::Graph& g, const iac::Value& pattern, const ResourceTarget& target);
// Whether one Action element names the action (IAM: case-insensitive, * and ?).
Tri ActionElementMatches(const iac::Value& pattern, std::string_view action);
// Whether a statement applies to the action on the target, whatever its
// effect: Yes, No, or Unknown (a Condition, an unresolved element).
Tri StatementApplies(const iac::Graph& g, const iac::Statement& s, std::string_view action,
                     const ResourceTarget& target);

// A glob (* and ?) against a text in which kUnknownText stands for some
// unknown string: Yes when it matches whatever that string is, No when it
// matches for none, else Unknown. `fold_case` for actions and services.
Tri Glob(std::string_view pattern, std::string_view text, bool fold_case);

struct Decision {
  Tri allowed = Tri::kNo;
  std::vector<const iac::Statement*> allowing;  // statements that allow it (Yes or Unknown)
  std::vector<const iac::Statement*> denying;   // Deny statements that apply (Yes or Unknown)
  // Why the answer is unknown, for notes and tests: "a Condition", "the
  // managed policy arn:...", "a resource built from var.x".
  std::string unknown_because;
};

// Whether the role allows the action on the target.
Decision Evaluate(const iac::Graph& g, const iac::Role& role, std::string_view action,
                  const ResourceTarget& target);

// Every reference a value makes: its own and its holes'.
std::vector<const iac::Reference*> ReferencesOf(const iac::Value& v);

// The role a function runs as, when it is a node of the graph.
const iac::Role* RoleOf(const iac::Graph& g, const iac::Function& fn);

}  // namespace rdslint::project

#endif  // RDSLINT_CHECKS_PROJECT_POLICY_EVAL_H_
