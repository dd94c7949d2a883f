// What the iac checks share: how a graph value is read (literal, absent,
// unknown), where a finding on it goes (the literal, possibly in another
// file), how nodes and attributes are named in each flavour's words, the
// policy statements of the project once each, and the connection strings of
// function environments.
#ifndef RDSLINT_CHECKS_IAC_IAC_COMMON_H_
#define RDSLINT_CHECKS_IAC_IAC_COMMON_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "checks/check.h"
#include "frontend/iac/graph.h"
#include "frontend/url/connection_string.h"

namespace rdslint::iacrules {

using iac::Database;
using iac::Function;
using iac::Graph;
using iac::Node;
using iac::Origin;
using iac::Value;

// ---- values ----------------------------------------------------------------

// Not written at all (Terraform null, a CloudFormation key that is missing).
bool IsAbsent(const Value& v);
// A boolean as the flavour reads it: true/false, or the strings "true"/"false"
// (CloudFormation and Terraform convert them). nullopt when not a known one.
std::optional<bool> Truth(const Value& v);
// A literal string (no holes): its text; else nullopt.
std::optional<std::string> Literal(const Value& v);
// A whole number written literally (5432, "5432"); else nullopt.
std::optional<long> Number(const Value& v);
std::string Lower(std::string_view s);
bool IEquals(std::string_view a, std::string_view b);

// Where text[begin, end) of a string value was written: the literal it came
// from, when its first and last byte come from the same file. Else nullopt.
std::optional<Origin> MapRange(const Value& v, uint32_t begin, uint32_t end);
// Where a finding about the whole value goes: the literal it came from
// (which may be a variable default, a .tfvars value or a parameter Default
// in another file), else the expression where it is used.
Origin WhereWritten(const Value& v);
// Whether the literal is written where the value is used, so that an edit
// there changes this use only.
bool WrittenInPlace(const Value& v);
// ", set through var.db_password (default in variables.tf:5)", or "" for a
// value written where it is used.
std::string Through(const Value& v);
// Whether `where` lies outside the expression of `v` (a literal that
// travelled from a variable default, a .tfvars file, a parameter Default).
bool Elsewhere(const Value& v, const Origin& where);

// The hole of a string value that overlaps text[begin, end), or nullptr.
const iac::Hole* HoleIn(const Value& v, uint32_t begin, uint32_t end);
// The node a hole's reference points at, or nullptr.
const Node* HoleTarget(const Graph& g, const iac::Hole& h);

// ---- names -----------------------------------------------------------------

// How users name a node: the Terraform address, the logical id of a
// template, the CDK construct path, functions.NAME of a serverless.yml.
std::string NodeName(const Node& n);
// The logical id of a template's node (after '#'), the address in Terraform.
std::string LogicalId(const Node& n);
bool IsTerraform(const Node& n);
bool IsServerlessFunction(const Node& n);
// An attribute in the node's flavour: `tf` for Terraform, else `cfn`.
std::string_view AttrName(const Node& n, std::string_view tf, std::string_view cfn);
// "DATABASE_URL in the environment of aws_lambda_function.api"
std::string EnvName(const Function& f, const iac::EnvVar& e);

// ---- databases ---------------------------------------------------------------

bool IsPostgres(const Database& d);  // engine written as postgres / aurora-postgresql
bool IsAurora(const Database& d);
// An instance that belongs to a cluster: TLS, IAM auth and the parameter
// group that matters are the cluster's.
bool IsClusterMember(const Database& d);
// A proxy for PostgreSQL, or one whose engine family is not known.
bool MaybePostgresProxy(const iac::Proxy& p);
// The databases a proxy fronts (resolved targets); `unresolved` is set when
// a target points at nothing in the graph.
bool ProxyFronts(const Graph& g, const iac::Proxy& p, std::string_view db_id, bool* unresolved);
// Whether an attribute of a DB or proxy node is a host name.
bool IsHostAttribute(std::string_view attribute);

// ---- policy statements -------------------------------------------------------

struct OwnedStatement {
  const iac::Statement* statement;
  const Node* owner;  // the policy or role it is written in
};
// Every statement of every role and standalone policy, once each (a policy
// attached to a role appears in both).
std::vector<OwnedStatement> AllStatements(const Graph& g);
bool IsAllow(const iac::Statement& s);
// IAM's case-insensitive matching of an action pattern (with * and ?)
// against an action name.
bool ActionMatches(std::string_view pattern, std::string_view action);
// "the policy api_secrets", "the role ApiFunctionRole"
std::string OwnerName(const Node& owner);

// The six parts of an ARN written as a string value (holes allowed, a ':'
// inside a hole does not split): arn, partition, service, region, account,
// resource. nullopt when the text does not start with "arn:".
struct ArnParts {
  SourceRange part[6];  // in Value::text
  std::string_view Text(const Value& v, int i) const {
    return std::string_view(v.text).substr(part[i].begin, part[i].size());
  }
};
std::optional<ArnParts> SplitArn(const Value& v);
// Whether text[begin, end) of a value is all literal (no hole in it).
bool IsLiteralPart(const Value& v, SourceRange r);

// ---- connection strings --------------------------------------------------------

// Every connection string in a string value, its holes marked.
std::vector<url::ConnectionString> UrlsIn(const Value& v);
// The database or proxy node a URL's host hole points at, or nullptr.
const Node* HostTarget(const Graph& g, const Value& v, const url::ConnectionString& c);
// Where a part of a URL goes: the literal bytes, or the reference written in
// the hole, or the whole value.
Origin WherePart(const Value& v, SourceRange part);

// ---- reporting -----------------------------------------------------------------

// Reports each place once: one literal used by two resources (a variable
// default, a shared parameter group) is one finding.
class Reporter {
 public:
  explicit Reporter(CheckContext& ctx) : ctx_(ctx) {}
  // nullptr when the place was already reported or is unknown; the pointer
  // is good until the next report (for AddFix).
  Finding* Report(const Origin& where, std::string message);
  Finding* Report(const Origin& where, std::string message, Severity severity);
  CheckContext& ctx() { return ctx_; }

 private:
  CheckContext& ctx_;
  std::set<std::tuple<std::string, uint32_t, uint32_t>> seen_;
};

}  // namespace rdslint::iacrules

#endif  // RDSLINT_CHECKS_IAC_IAC_COMMON_H_
