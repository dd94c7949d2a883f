// project-iam-missing-secret-access: a function whose environment or code
// names a secret, and whose role grants no secretsmanager:GetSecretValue on
// it — or, for a secret encrypted with a customer-managed KMS key, no
// kms:Decrypt on that key. The secret is named by an environment variable
// that references it (DB_SECRET_ARN = aws_secretsmanager_secret.db.arn,
// !Ref DbSecret), by a literal ARN or name there, or by a literal SecretId
// in the code the function runs. Unknown answers (a Condition, a managed
// policy outside the project, an unresolved resource) report nothing.
#include "checks/iac/iac_common.h"
#include "checks/project/policy_eval.h"
#include "checks/project/project_checks.h"
#include "checks/project/project_common.h"

namespace rdslint {
namespace project {
namespace {

using iacrules::NodeName;

// A secret a function needs, and where the project says so.
struct Need {
  const iac::Secret* secret = nullptr;  // when it is a node of the graph
  std::string literal;                  // a literal ARN or name
  std::string what;                     // "the secret aws_secretsmanager_secret.db"
  std::string how;                      // "through DB_SECRET_ARN (infra/main.tf:70)"
  std::string report_file;
  SourceRange report_range;
  std::vector<RelatedLocation> related;
};

const iac::Secret* SecretByLiteral(const iac::Graph& g, std::string_view id) {
  for (const iac::Secret& s : g.secrets) {
    if (!s.name.is_literal_string() || s.name.text.empty()) continue;
    if (id == s.name.text) return &s;
    // arn:...:secret:NAME-XXXXXX
    const std::string marker = ":secret:" + s.name.text + "-";
    const size_t at = id.find(marker);
    if (at != std::string_view::npos && id.size() == at + marker.size() + 6) return &s;
  }
  return nullptr;
}

const iac::Secret* SecretReferenced(const iac::Graph& g, const iac::Value& v) {
  for (const iac::Reference* r : ReferencesOf(v)) {
    if (const iac::Secret* s = g.FindSecret(r->node)) return s;
  }
  return nullptr;
}

std::string SecretWhat(const iac::Secret* s, const std::string& literal) {
  if (s) return "the secret " + NodeName(*s);
  return "the secret " + literal;
}

// A customer-managed key: a reference to a key of the project, or a literal
// that is not the AWS-managed alias/aws/secretsmanager.
bool CustomerKey(const iac::Value& key, ResourceTarget* target) {
  if (iacrules::IsAbsent(key)) return false;
  if (key.is_literal_string()) {
    if (key.text.empty() || key.text.find("alias/aws/") != std::string::npos) return false;
    *target = KeyTarget({}, key.text);
    return true;
  }
  std::vector<std::string> nodes;
  for (const iac::Reference* r : ReferencesOf(key)) nodes.push_back(r->node);
  if (nodes.empty()) return false;
  *target = KeyTarget(nodes, "");
  return true;
}

std::string StatementsText(const ProjectIndex& index, const iac::Role& role) {
  if (role.statements.empty()) return "it has no policy statement in the project";
  std::string out = "its statements are at ";
  size_t n = 0;
  for (const iac::Statement& s : role.statements) {
    if (n == 3) {
      out += " and " + std::to_string(role.statements.size() - 3) + " more";
      break;
    }
    out += (n ? ", " : "") + index.Where(s.origin);
    ++n;
  }
  return out;
}

class IamMissingSecretAccess : public Check {
 public:
  IamMissingSecretAccess() : Check("project-iam-missing-secret-access") {}

  void CheckProject(CheckContext& ctx) override {
    const ProjectIndex index(ctx.project());
    const iac::Graph& g = index.graph();
    OnceReporter out(ctx);
    for (const iac::Function& fn : g.functions) {
      const iac::Role* role = RoleOf(g, fn);
      if (!role) continue;  // a role outside the project: its policies are unknown
      for (const Need& need : Needs(index, fn)) Judge(index, fn, *role, need, out);
    }
    // Code not linked to any function, naming a secret literally: judged
    // against every function, reported only when none may read it.
    for (const ScriptFacts& s : index.facts().scripts) {
      if (!index.LinksOf(s).empty() || g.functions.empty()) continue;
      for (const script::CredentialRead& r : s.facts.reads) {
        const std::optional<std::string> id = r.iam_token ? std::nullopt : CodeLiteral(r.id.value);
        if (!id || id->empty()) continue;
        const iac::Secret* secret = SecretByLiteral(g, *id);
        const ResourceTarget t = SecretTarget(secret, *id);
        bool all_denied = true;
        for (const iac::Function& fn : g.functions) {
          const iac::Role* role = RoleOf(g, fn);
          all_denied &= role && Evaluate(g, *role, "secretsmanager:GetSecretValue", t).allowed == Tri::kNo;
        }
        if (!all_denied) continue;
        Finding* f = out.Report(
            s.file, r.id.value ? r.id.value->expr : r.callee,
            "this code reads " + SecretWhat(secret, *id) +
                ", and no function's role grants secretsmanager:GetSecretValue on it (" +
                std::string(kFallbackNote) +
                "); the call fails with AccessDeniedException. Grant it on the secret's ARN in the "
                "role of the function that runs this file");
        if (f) {
          for (const iac::Function& fn : g.functions) Relate(*f, fn.origin, "function " + NodeName(fn));
        }
      }
    }
  }

 private:
  std::vector<Need> Needs(const ProjectIndex& index, const iac::Function& fn) {
    const iac::Graph& g = index.graph();
    std::vector<Need> needs;
    const std::vector<const ScriptFacts*> scripts = index.ScriptsOf(fn);
    // Where the code fetches a secret with the variable `name`.
    auto code_use = [&](const std::string& name, Need* need) {
      for (const ScriptFacts* s : scripts) {
        for (const script::CredentialRead& r : s->facts.reads) {
          if (r.iam_token || EnvVarOf(r.id.value) != name) continue;
          need->how += ", fetched at " + index.Where(*s, r.callee.begin);
          RelatedLocation rel;
          rel.location.file = s->file;
          rel.location.range = r.callee;
          rel.message = "the code fetches the secret named by " + name;
          need->related.push_back(std::move(rel));
          return;
        }
      }
    };
    for (const iac::EnvVar& e : fn.environment) {
      if (e.value.deploy_time_secret) continue;  // resolved by the deployment, not by the role
      Need need;
      need.secret = SecretReferenced(g, e.value);
      if (!need.secret) {
        const std::optional<std::string> lit = iacrules::Literal(e.value);
        if (!lit || lit->rfind("arn:aws:secretsmanager:", 0) != 0) {
          // A literal name is a secret only when code fetches with it.
          bool fetched = false;
          for (const ScriptFacts* s : scripts) {
            for (const script::CredentialRead& r : s->facts.reads) {
              fetched |= !r.iam_token && EnvVarOf(r.id.value) == e.name;
            }
          }
          if (!lit || lit->empty() || !fetched) continue;
        }
        need.literal = *lit;
        need.secret = SecretByLiteral(g, *lit);
      }
      need.what = SecretWhat(need.secret, need.literal);
      need.how = "through " + e.name + " (" + index.Where(e.name_origin) + ")";
      need.report_file = e.name_origin.file;
      need.report_range = e.name_origin.range;
      code_use(e.name, &need);
      needs.push_back(std::move(need));
    }
    // Literal SecretIds in the code it runs.
    for (const ScriptFacts* s : scripts) {
      for (const script::CredentialRead& r : s->facts.reads) {
        const std::optional<std::string> id = r.iam_token ? std::nullopt : CodeLiteral(r.id.value);
        if (!id || id->empty()) continue;
        Need need;
        need.literal = *id;
        need.secret = SecretByLiteral(g, *id);
        need.what = SecretWhat(need.secret, need.literal);
        need.how = "in its code (" + index.Where(*s, r.id.value->expr.begin) + ")";
        need.report_file = s->file;
        need.report_range = r.id.value->expr;
        needs.push_back(std::move(need));
      }
    }
    return needs;
  }

  void Judge(const ProjectIndex& index, const iac::Function& fn, const iac::Role& role, const Need& need,
             OnceReporter& out) {
    const iac::Graph& g = index.graph();
    const ResourceTarget secret = SecretTarget(need.secret, need.literal);
    const Decision read = Evaluate(g, role, "secretsmanager:GetSecretValue", secret);
    std::string message;
    const Decision* decision = &read;
    Decision decrypt;
    if (read.allowed == Tri::kNo) {
      message = FunctionText(index, fn) + " names " + need.what + " " + need.how + ", but " +
                RoleText(index, role) + " grants no secretsmanager:GetSecretValue on it" +
                (read.denying.empty() ? "" : " (a Deny statement at " + index.Where(read.denying[0]->origin) +
                                                 " overrides any Allow)") +
                " — " + StatementsText(index, role) +
                ". GetSecretValue fails with AccessDeniedException, and the function never gets its "
                "database credentials; grant secretsmanager:GetSecretValue on exactly this secret's ARN";
    } else if (read.allowed == Tri::kYes && need.secret) {
      ResourceTarget key;
      if (!CustomerKey(need.secret->kms_key, &key)) return;
      decrypt = Evaluate(g, role, "kms:Decrypt", key);
      if (decrypt.allowed != Tri::kNo) return;
      decision = &decrypt;
      message = FunctionText(index, fn) + " names " + need.what + " " + need.how +
                ", which is encrypted with a customer-managed KMS key (" + index.Where(need.secret->kms_key.origin) +
                "), but " + RoleText(index, role) +
                " grants no kms:Decrypt on that key. GetSecretValue fails with AccessDeniedException "
                "although secretsmanager:GetSecretValue is allowed; grant kms:Decrypt on the key's ARN";
    } else {
      return;
    }
    Finding* f = out.Report(need.report_file, need.report_range, std::move(message));
    if (!f) return;
    Relate(*f, fn.origin, "the function " + NodeName(fn));
    Relate(*f, role.origin, "its role " + NodeName(role));
    for (const iac::Statement* s : decision->denying) Relate(*f, s->origin, "a Deny statement that applies");
    size_t n = 0;
    for (const iac::Statement& s : role.statements) {
      if (n++ == 3) break;
      Relate(*f, s.origin, "a statement of the role");
    }
    for (const RelatedLocation& r : need.related) f->related.push_back(r);
    if (need.secret) Relate(*f, need.secret->origin, "the secret " + NodeName(*need.secret));
  }
};

}  // namespace
}  // namespace project

std::unique_ptr<Check> CreateProjectIamMissingSecretAccessCheck() {
  return std::make_unique<project::IamMissingSecretAccess>();
}

}  // namespace rdslint
