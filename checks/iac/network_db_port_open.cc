// iac-network-db-port-open: a security group ingress rule open to the whole
// internet (0.0.0.0/0, ::/0) on a port range that covers the database port.
#include <cctype>
#include <set>

#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

// "[5432, 5433]", "5432,6432", "5432": every number in the option.
std::set<long> ParsePorts(std::string_view text) {
  std::set<long> ports;
  long n = -1;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      n = (n < 0 ? 0 : n * 10) + (c - '0');
      if (n > 65535) n = 65536;
    } else {
      if (n >= 0 && n <= 65535) ports.insert(n);
      n = -1;
    }
  }
  if (n >= 0 && n <= 65535) ports.insert(n);
  return ports;
}

bool IsEverywhere(const Value& cidr) {
  const std::optional<std::string> c = Literal(cidr);
  return c && (*c == "0.0.0.0/0" || *c == "::/0" || *c == "::0/0");
}

// The first port of `ports` the rule admits, and how the rule's range reads.
std::optional<long> AdmittedPort(const iac::SecurityGroupRule& r, const std::set<long>& ports,
                                 std::string* range) {
  const std::optional<std::string> proto = Literal(r.protocol);
  const std::optional<long> proto_number = Number(r.protocol);
  const bool all = (proto && (*proto == "-1" || IEquals(*proto, "all"))) ||
                   (proto_number && *proto_number == -1);
  const bool tcp =
      (proto && (IEquals(*proto, "tcp") || *proto == "6")) || (proto_number && *proto_number == 6);
  if (all) {
    *range = "every port";
    return *ports.begin();
  }
  if (!tcp) return std::nullopt;
  const std::optional<long> from = Number(r.from_port);
  const std::optional<long> to = Number(r.to_port);
  if (!from || !to) return std::nullopt;
  *range = *from == *to ? "port " + std::to_string(*from)
                        : "ports " + std::to_string(*from) + "-" + std::to_string(*to);
  for (long p : ports) {
    if ((*from <= p && p <= *to) || (*from == -1 && *to == -1)) return p;
  }
  return std::nullopt;
}

class IacNetworkDbPortOpenCheck : public Check {
 public:
  IacNetworkDbPortOpenCheck() : Check("iac-network-db-port-open") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    // A database of the project listening on another port.
    std::set<long> db_ports;
    for (const Database& d : g.databases) {
      if (!IsPostgres(d)) continue;
      if (std::optional<long> p = Number(d.port); p && *p > 0 && *p <= 65535) db_ports.insert(*p);
    }
    for (const iac::SecurityGroupRule& r : g.security_group_rules) {
      if (!r.ingress) continue;
      for (const std::vector<Value>* cidrs : {&r.cidr_blocks, &r.ipv6_cidr_blocks}) {
        for (const Value& c : *cidrs) {
          if (!IsEverywhere(c)) continue;
          const Origin where = WhereWritten(c);
          // DbPorts as configured where the finding would land.
          std::set<long> ports = ParsePorts(ctx.OptionAt(where.file, "DbPorts"));
          if (ports.empty()) ports.insert(5432);
          ports.insert(db_ports.begin(), db_ports.end());
          std::string range;
          const std::optional<long> port = AdmittedPort(r, ports, &range);
          if (!port) continue;
          out.Report(where,
                     "the ingress rule " + NodeName(r) + " admits " + c.text +
                         " (the whole internet) on " + range + ", which covers the database port " +
                         std::to_string(*port) + Through(c) +
                         ": anyone can reach the server and try passwords (or wait for an "
                         "unpatched flaw); admit only the security group of the functions or of "
                         "the RDS Proxy (" +
                         (IsTerraform(r) ? "source_security_group_id / security_groups"
                                         : "SourceSecurityGroupId") +
                         ")");
        }
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacNetworkDbPortOpenCheck() {
  return std::make_unique<iacrules::IacNetworkDbPortOpenCheck>();
}

}  // namespace rdslint
