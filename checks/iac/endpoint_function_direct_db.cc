// iac-endpoint-function-direct-db: a function whose environment points at a
// DB instance or cluster endpoint (by reference or literally) instead of an
// RDS Proxy endpoint.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

// A literal host name on its own (DB_HOST), through the shared analyser.
std::optional<url::HostKind> LiteralHostKind(const Value& v) {
  const std::optional<std::string> text = Literal(v);
  if (!text || text->empty() || text->find_first_of(" \t'\"=") != std::string::npos)
    return std::nullopt;
  std::optional<url::ConnectionString> c = url::Analyze("host=" + *text);
  if (!c || !c->IsRdsDirect()) return std::nullopt;
  return c->host_kind;
}

class IacEndpointFunctionDirectDbCheck : public Check {
 public:
  IacEndpointFunctionDirectDbCheck() : Check("iac-endpoint-function-direct-db") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    for (const Function& f : g.functions) {
      for (const iac::EnvVar& e : f.environment) {
        const std::vector<url::ConnectionString> urls = UrlsIn(e.value);
        for (const url::ConnectionString& c : urls) {
          if (c.scheme_kind != url::SchemeKind::kPostgres) continue;
          const Node* target = HostTarget(g, e.value, c);
          const Database* db = target ? g.FindDatabase(target->id) : nullptr;
          if (db) {
            out.Report(WherePart(e.value, c.host.range),
                       Message(ctx, f, e, "the endpoint of " + Describe(*db), db));
          } else if (!target && c.IsRdsDirect()) {
            out.Report(WherePart(e.value, c.host.range),
                       Message(ctx, f, e, std::string(url::HostKindPhrase(c.host_kind)), nullptr));
          }
        }
        if (!urls.empty()) continue;
        // A host on its own: a reference to a DB's address, or a literal name.
        if (e.value.kind == Value::Kind::kUnknown && e.value.references.size() == 1) {
          const iac::Reference& r = e.value.references.front();
          const Database* db = g.FindDatabase(r.node);
          if (db && IsHostAttribute(r.attribute)) {
            out.Report(r.origin.known() ? r.origin : e.value.origin,
                       Message(ctx, f, e, "the endpoint of " + Describe(*db), db));
          }
        } else if (std::optional<url::HostKind> kind = LiteralHostKind(e.value)) {
          out.Report(WhereWritten(e.value),
                     Message(ctx, f, e, std::string(url::HostKindPhrase(*kind)), nullptr));
        }
      }
    }
  }

 private:
  static std::string Describe(const Database& d) {
    return (d.cluster ? "the cluster " : "the DB instance ") + NodeName(d);
  }

  static std::string Message(CheckContext& ctx, const Function& f, const iac::EnvVar& e,
                             const std::string& target, const Database* db) {
    std::string m = EnvName(f, e) + " points at " + target +
                    ", not at an RDS Proxy: each warm function instance holds its own "
                    "connections and a burst of invocations exhausts max_connections, while the "
                    "proxy pools them, rides out failovers and holds the credentials (Secrets "
                    "Manager or IAM authentication)";
    const iac::Proxy* proxy = nullptr;
    if (db) {
      for (const iac::Proxy& p : ctx.project().graph.proxies) {
        if (ProxyFronts(ctx.project().graph, p, db->id, nullptr)) proxy = &p;
      }
    }
    if (proxy) {
      m += "; " + NodeName(*proxy) + " already fronts it: use its endpoint (" +
           (IsTerraform(*proxy) ? LogicalId(*proxy) + ".endpoint"
                                : "!GetAtt " + LogicalId(*proxy) + ".Endpoint") +
           ")";
    } else {
      m += std::string("; put an RDS Proxy in front of it (") +
           (IsTerraform(f) ? "aws_db_proxy" : "AWS::RDS::DBProxy") +
           ") and point the function at the proxy's endpoint";
    }
    if (ctx.project().uses_prisma) {
      m += "; with Prisma, prepared statements pin proxy sessions, so the proxy brings failover, "
           "IAM auth and credential handling more than multiplexing (do not add pgbouncer=true "
           "behind it)";
    }
    return m;
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacEndpointFunctionDirectDbCheck() {
  return std::make_unique<iacrules::IacEndpointFunctionDirectDbCheck>();
}

}  // namespace rdslint
