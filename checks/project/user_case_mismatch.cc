// project-user-case-mismatch: the database user written in the IaC (a
// master username, a generated secret's template) and a user written
// elsewhere — a URL in a function's environment, a .env or compose file, a
// connection string or client configuration in code, the user an IAM token
// is signed for — that differ only in case. PostgreSQL folds unquoted SQL
// identifiers to lower case, but compares the user of a connection exactly:
// Impulse_App and impulse_app are two roles, and one of them does not exist
// ("password authentication failed for user \"impulse_app\"", the seeds'
// incident).
#include <re2/re2.h>

#include "checks/iac/iac_common.h"
#include "checks/project/project_checks.h"
#include "checks/project/project_common.h"
#include "frontend/url/connection_string.h"

namespace rdslint {
namespace project {
namespace {

using iacrules::IEquals;
using iacrules::NodeName;

struct IacUser {
  std::string user;
  iac::Origin where;
  std::string what;  // "the master username of aws_db_instance.impulse"
};

struct OtherUser {
  std::string user;
  std::string file;
  SourceRange range;
  std::string what;  // "the user of DATABASE_URL in the environment of ..."
};

bool Reaches(const url::ConnectionString& c) { return c.host.has_holes || c.IsRemote(); }

// The "username" of a secret's template ({"username": "Impulse_App"}).
std::optional<std::pair<std::string, SourceRange>> TemplateUser(const iac::Value& v) {
  if (v.kind != iac::Value::Kind::kString) return std::nullopt;
  static const RE2 re(R"re("username"\s*:\s*"([^"\\$]+)")re");
  re2::StringPiece input(v.text), user;
  if (!RE2::PartialMatch(input, re, &user)) return std::nullopt;
  const uint32_t begin = static_cast<uint32_t>(user.data() - v.text.data());
  return std::make_pair(std::string(user.data(), user.size()),
                        SourceRange{begin, begin + static_cast<uint32_t>(user.size())});
}

class UserCaseMismatch : public Check {
 public:
  UserCaseMismatch() : Check("project-user-case-mismatch") {}

  void CheckProject(CheckContext& ctx) override {
    const ProjectIndex index(ctx.project());
    const iac::Graph& g = index.graph();
    std::vector<IacUser> iac_users;
    for (const iac::Database& d : g.databases) {
      if (!d.IsPostgres()) continue;
      if (std::optional<std::string> u = iacrules::Literal(d.username); u && !u->empty()) {
        iac_users.push_back(IacUser{*u, iacrules::WhereWritten(d.username), "the master username of " + NodeName(d)});
      }
    }
    if (iac_users.empty()) return;
    std::vector<OtherUser> others;
    for (const iac::Secret& s : g.secrets) {
      if (auto u = TemplateUser(s.secret_string_template)) {
        const std::optional<iac::Origin> o = iacrules::MapRange(s.secret_string_template, u->second.begin, u->second.end);
        const iac::Origin where = o ? *o : iacrules::WhereWritten(s.secret_string_template);
        others.push_back(OtherUser{u->first, where.file, where.range, "the username of the secret " + NodeName(s) + "'s template"});
      }
    }
    for (const iac::Function& fn : g.functions) {
      for (const iac::EnvVar& e : fn.environment) {
        for (const url::ConnectionString& c : iacrules::UrlsIn(e.value)) {
          if (!c.user.present || c.user.has_holes || !Reaches(c)) continue;
          const iac::Origin where = iacrules::WherePart(e.value, c.user.range);
          others.push_back(OtherUser{c.user.value, where.file, where.range,
                                     "the user of " + iacrules::EnvName(fn, e)});
        }
      }
    }
    for (const auto& [name, defs] : index.facts().env_definitions) {
      for (const EnvDefinition& d : defs) {
        if (!d.value_exact) continue;
        for (const url::ConnectionString& c : url::FindAll(d.value)) {
          if (!c.user.present || c.user.has_holes || !Reaches(c)) continue;
          others.push_back(OtherUser{c.user.value, d.file,
                                     SourceRange{d.value_offset + c.user.range.begin, d.value_offset + c.user.range.end},
                                     "the user of " + name + " in " + d.file});
        }
      }
    }
    for (const ScriptFacts& s : index.facts().scripts) {
      for (const script::CodeUrl& u : s.facts.urls) {
        if (u.consumed || !u.conn.user.present || u.conn.user.has_holes || !u.Remote()) continue;
        others.push_back(OtherUser{u.conn.user.value, s.file, u.ToSource(u.conn.user.range),
                                   "the user of the connection string at " + index.Where(s, u.ToSource(u.conn.user.range).begin)});
      }
      for (const script::ClientConfig& c : s.facts.clients) {
        if (!c.user.present) continue;
        if (std::optional<std::string> lit = CodeLiteral(c.user.value)) {
          others.push_back(OtherUser{*lit, s.file, c.user.value->expr,
                                     "the user of the " + std::string(script::LibraryName(c.library)) + " client at " +
                                         index.Where(s, c.user.value->expr.begin)});
        }
      }
      for (const script::CredentialRead& r : s.facts.reads) {
        if (!r.iam_token || !r.id.present) continue;
        if (std::optional<std::string> lit = CodeLiteral(r.id.value)) {
          others.push_back(OtherUser{*lit, s.file, r.id.value->expr,
                                     "the user the IAM token at " + index.Where(s, r.callee.begin) + " is signed for"});
        }
      }
    }
    OnceReporter out(ctx);
    for (const OtherUser& o : others) {
      const IacUser* differs = nullptr;
      bool same = false;
      for (const IacUser& u : iac_users) {
        if (u.user == o.user) same = true;
        else if (IEquals(u.user, o.user) && !differs) differs = &u;
      }
      if (same || !differs) continue;
      Finding* f = out.Report(
          o.file, o.range,
          o.what + " is " + o.user + ", which differs only in case from " + differs->what + ", " + differs->user +
              " (" + index.Where(differs->where) +
              "). PostgreSQL folds only unquoted SQL identifiers to lower case and compares the user of a "
              "connection exactly, so one of the two names a role that does not exist: the connection fails "
              "with \"password authentication failed for user\". Write the same spelling everywhere (all "
              "lower case needs no quoting in SQL)");
      if (f) Relate(*f, differs->where, differs->what);
    }
  }
};

}  // namespace
}  // namespace project

std::unique_ptr<Check> CreateProjectUserCaseMismatchCheck() {
  return std::make_unique<project::UserCaseMismatch>();
}

}  // namespace rdslint
