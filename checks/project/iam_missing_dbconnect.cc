// project-iam-missing-dbconnect: code that signs an RDS IAM authentication
// token (Signer#getAuthToken, generate_db_auth_token), run by a function
// whose role grants no rds-db:connect on the database user the token is
// for. The user comes from the signing call (a literal, or a variable the
// function's environment sets); the database from its hostname variable
// (the instance, its cluster, or the proxy it references), else any
// database of the project.
#include "checks/iac/iac_common.h"
#include "checks/project/policy_eval.h"
#include "checks/project/project_checks.h"
#include "checks/project/project_common.h"

namespace rdslint {
namespace project {
namespace {

using iacrules::NodeName;

// A code value as the function sees it: a literal, or a variable of its
// environment holding a literal. "" when unknown.
std::string Resolved(const script::ValuePtr& v, const iac::Function& fn) {
  if (std::optional<std::string> lit = CodeLiteral(v)) return *lit;
  const std::string env = EnvVarOf(v);
  if (env.empty()) return "";
  if (const iac::EnvVar* e = fn.Env(env)) {
    if (std::optional<std::string> lit = iacrules::Literal(e->value)) return *lit;
  }
  return "";
}

// The database nodes a token's host names: through the variable the
// function's environment sets to a database's or proxy's address. Every
// database and proxy of the project when that cannot be told.
std::vector<std::string> DatabaseNodes(const iac::Graph& g, const script::ValuePtr& host,
                                       const iac::Function& fn) {
  std::vector<std::string> nodes;
  const std::string env = EnvVarOf(host);
  if (const iac::EnvVar* e = env.empty() ? nullptr : fn.Env(env)) {
    for (const iac::Reference* r : ReferencesOf(e->value)) {
      const iac::Node* n = g.Find(r->node);
      if (!n || !IsKind(*n, ResourceKind::kDatabase)) continue;
      nodes.push_back(n->id);
      if (const iac::Database* db = g.FindDatabase(n->id)) {
        for (const iac::Reference& c : db->cluster_identifier.references) nodes.push_back(c.node);
        for (const iac::Proxy& p : g.proxies) {
          if (iacrules::ProxyFronts(g, p, db->id, nullptr)) nodes.push_back(p.id);
        }
      }
      for (const iac::Proxy& p : g.proxies) {
        if (p.id != n->id) continue;
        for (const iac::Reference& t : p.targets) nodes.push_back(t.node);
      }
    }
  }
  if (!nodes.empty()) return nodes;
  for (const iac::Database& d : g.databases) nodes.push_back(d.id);
  for (const iac::Proxy& p : g.proxies) nodes.push_back(p.id);
  return nodes;
}

class IamMissingDbconnect : public Check {
 public:
  IamMissingDbconnect() : Check("project-iam-missing-dbconnect") {}

  void CheckProject(CheckContext& ctx) override {
    const ProjectIndex index(ctx.project());
    const iac::Graph& g = index.graph();
    if (g.functions.empty()) return;
    OnceReporter out(ctx);
    for (const ScriptFacts& s : index.facts().scripts) {
      for (const script::CredentialRead& r : s.facts.reads) {
        if (!r.iam_token) continue;
        bool fallback = false;
        std::vector<const iac::Function*> lacking;
        std::vector<const iac::Role*> roles;
        std::string user;
        bool all = true;
        for (const FunctionLink& link : index.FunctionsFor(s, &fallback)) {
          const iac::Function& fn = *link.function;
          const iac::Role* role = RoleOf(g, fn);
          if (!role) {
            all = false;
            continue;
          }
          const std::string u = Resolved(r.id.value, fn);
          const Decision d = Evaluate(g, *role, "rds-db:connect",
                                      DbUserTarget(DatabaseNodes(g, r.host.value, fn), u));
          if (d.allowed != Tri::kNo) {
            all = false;
            continue;
          }
          if (user.empty()) user = u;
          lacking.push_back(&fn);
          roles.push_back(role);
        }
        if (lacking.empty() || (fallback && !all)) continue;
        // "aws_lambda_function.api (main.tf:28), linked through its handler
        // ..., runs as the role aws_iam_role.api (main.tf:12)"
        std::string who;
        for (size_t i = 0; i < lacking.size(); ++i) {
          std::string link_text;
          for (const FunctionLink& l : index.LinksOf(s)) {
            if (l.function == lacking[i]) link_text = LinkText(l, false);
          }
          who += (i ? "; " : "") + FunctionText(index, *lacking[i]) + link_text + ", runs as " +
                 RoleText(index, *roles[i]);
        }
        const std::string as = user.empty() ? "the database user" : "the database user " + user;
        Finding* f = out.Report(
            s.file, r.callee,
            "this code signs an RDS IAM authentication token to connect as " + as + ": " + who +
                (fallback ? " (" + std::string(kFallbackNote) + ")" : "") +
                ", and no statement of " + (lacking.size() > 1 ? "these roles" : "that role") +
                " grants rds-db:connect on it. The database refuses the token "
                "(\"PAM authentication failed for user\"); grant rds-db:connect on "
                "arn:aws:rds-db:REGION:ACCOUNT:dbuser:RESOURCE_ID/" + (user.empty() ? "USER" : user) +
                ", where RESOURCE_ID is the DbiResourceId, cluster resource id or proxy id");
        if (!f) continue;
        for (size_t i = 0; i < lacking.size(); ++i) {
          Relate(*f, lacking[i]->origin, "the function " + NodeName(*lacking[i]));
          Relate(*f, roles[i]->origin, "its role " + NodeName(*roles[i]));
          size_t n = 0;
          for (const iac::Statement& st : roles[i]->statements) {
            if (n++ == 3) break;
            Relate(*f, st.origin, "a statement of the role");
          }
        }
      }
    }
  }
};

}  // namespace
}  // namespace project

std::unique_ptr<Check> CreateProjectIamMissingDbconnectCheck() {
  return std::make_unique<project::IamMissingDbconnect>();
}

}  // namespace rdslint
