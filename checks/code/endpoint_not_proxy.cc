// code-endpoint-not-proxy: a literal host in code that is an RDS instance or
// Aurora cluster endpoint rather than an RDS Proxy endpoint.
#include <set>

#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

std::string Why(bool prisma) {
  std::string s =
      ", not an RDS Proxy: every warm function keeps its own connections, a burst of "
      "invocations exhausts max_connections, and failover and credential rotation reach each "
      "function separately; connect through the proxy endpoint "
      "(NAME.proxy-ID.REGION.rds.amazonaws.com)";
  if (prisma) {
    s += "; with Prisma, prepared statements pin proxy sessions, so the proxy brings failover, "
         "IAM auth and credential handling more than multiplexing (do not add pgbouncer=true "
         "behind RDS Proxy)";
  }
  return s;
}

class CodeEndpointNotProxyCheck : public Check {
 public:
  CodeEndpointNotProxyCheck() : Check("code-endpoint-not-proxy") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    std::set<uint32_t> seen;
    for (const script::CodeUrl& u : file.facts.urls) {
      if (u.consumed || !u.conn.IsRdsDirect()) continue;
      const SourceRange where = u.ToSource(u.conn.host.range);
      if (!seen.insert(where.begin).second) continue;
      ReportAt(ctx, file, where, UrlName(u) + " points at " + std::string(url::HostKindPhrase(u.conn.host_kind)) +
                            Why(u.prisma || file.facts.imports_prisma));
    }
    for (const script::ClientConfig& c : file.facts.clients) {
      if (!c.host.present || !c.host.value || !c.host.value->is_literal_string()) continue;
      const script::Value& host = *c.host.value;
      std::optional<url::ConnectionString> conn = url::Analyze("postgresql://" + host.text + "/");
      if (!conn || !conn->IsRdsDirect()) continue;
      const SourceRange where = host.ToSource(SourceRange{0, static_cast<uint32_t>(host.text.size())});
      if (!seen.insert(where.begin).second) continue;
      ReportAt(ctx, file, where, "the host given to " + ClientName(c) + " is " +
                            std::string(url::HostKindPhrase(conn->host_kind)) + Why(file.facts.imports_prisma));
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeEndpointNotProxyCheck() {
  return std::make_unique<CodeEndpointNotProxyCheck>();
}

}  // namespace rdslint
