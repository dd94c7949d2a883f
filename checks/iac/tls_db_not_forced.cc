// iac-tls-db-not-forced: a PostgreSQL database that accepts plaintext
// connections, because its parameter group sets rds.force_ssl to 0 or
// because it relies on a default of 0 (RDS for PostgreSQL before 15, and
// Aurora PostgreSQL).
#include <cctype>

#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

// The major version at the start of "14.12", "9.6.22", "15"; or of a
// parameter group family, "postgres14", "aurora-postgresql15".
std::optional<int> MajorVersion(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return std::nullopt;
  int major = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    major = major * 10 + (text[i] - '0');
    if (major > 1000) return std::nullopt;
  }
  return major;
}

// The parameter group a database uses. `known` is false when it names a
// group the graph does not hold (another stack, a data source): then
// nothing can be said.
struct GroupChoice {
  const iac::ParameterGroup* group = nullptr;
  bool known = true;
};

GroupChoice GroupOf(const Graph& g, const Database& d) {
  if (IsAbsent(d.parameter_group)) return {};
  if (std::optional<std::string> name = Literal(d.parameter_group)) {
    if (Lower(*name).rfind("default.", 0) == 0) return {};  // the engine's default group
    for (const iac::ParameterGroup& pg : g.parameter_groups) {
      if (std::optional<std::string> n = Literal(pg.name); n && IEquals(*n, *name))
        return {&pg, true};
    }
    return {nullptr, false};
  }
  for (const iac::Reference& r : d.parameter_group.references) {
    for (const iac::ParameterGroup& pg : g.parameter_groups) {
      if (pg.id == r.node) return {&pg, true};
    }
  }
  return {nullptr, false};
}

class IacTlsDbNotForcedCheck : public Check {
 public:
  IacTlsDbNotForcedCheck() : Check("iac-tls-db-not-forced") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    for (const Database& d : g.databases) {
      if (!IsPostgres(d) || IsClusterMember(d)) continue;
      const GroupChoice choice = GroupOf(g, d);
      if (!choice.known) continue;
      const iac::ParameterGroup* group = choice.group;
      const std::string fix = FixText(d);
      if (group) {
        if (const Value* p = group->Parameter("rds.force_ssl")) {
          const std::optional<long> n = Number(*p);
          const std::optional<bool> b = Truth(*p);
          const bool off = (n && *n == 0) || (b && !*b);
          if (off) {
            const Origin where = WhereWritten(*p);
            out.Report(where, "the parameter group " + NodeName(*group) + " of " + NodeName(d) +
                                  " sets rds.force_ssl to 0" + Through(*p) +
                                  ": the database accepts plaintext connections, so a client "
                                  "that does not ask for TLS (libpq's default sslmode=prefer "
                                  "falls back silently) sends its password in the clear; " +
                                  fix);
          }
          continue;  // 1, or unknown
        }
      }
      // The engine's default decides.
      std::string why;
      Origin where = d.origin;
      if (IsAurora(d)) {
        why = "Aurora PostgreSQL's documented default for rds.force_ssl is 0";
      } else {
        std::optional<int> major;
        if (std::optional<std::string> v = Literal(d.engine_version)) {
          major = MajorVersion(*v);
          where = WhereWritten(d.engine_version);
        } else if (!IsAbsent(d.engine_version)) {
          continue;  // a version we cannot read
        } else if (group) {
          if (std::optional<std::string> family = Literal(group->family))
            major = MajorVersion(*family);
        }
        // No version at all: RDS creates the current default version, 15 or later.
        if (!major || *major >= 15) continue;
        why = "RDS for PostgreSQL " + std::to_string(*major) +
              " defaults rds.force_ssl to 0 (only 15 and later default to 1)";
      }
      if (group) {
        out.Report(group->origin, "the parameter group " + NodeName(*group) + " of " + NodeName(d) +
                                      " does not set rds.force_ssl, and " + why +
                                      ": the database accepts plaintext connections; " + fix);
      } else {
        out.Report(where, NodeName(d) + " uses the default parameter group, and " + why +
                              ": the database accepts plaintext connections, so a client that "
                              "does not ask for TLS sends its password in the clear; " +
                              fix);
      }
    }
  }

 private:
  static std::string FixText(const Database& d) {
    if (IsTerraform(d)) {
      return std::string("set parameter { name = \"rds.force_ssl\" value = \"1\" } in ") +
             (d.cluster ? "an aws_rds_cluster_parameter_group" : "an aws_db_parameter_group") +
             " and attach it";
    }
    return std::string("set rds.force_ssl: 1 in the Parameters of an ") +
           (d.cluster ? "AWS::RDS::DBClusterParameterGroup" : "AWS::RDS::DBParameterGroup") +
           " and attach it";
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacTlsDbNotForcedCheck() {
  return std::make_unique<iacrules::IacTlsDbNotForcedCheck>();
}

}  // namespace rdslint
