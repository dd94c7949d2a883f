// prisma-endpoint-not-proxy: the schema's url is a literal RDS instance or
// cluster endpoint.
#include "checks/check.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

std::string_view EndpointName(url::HostKind kind) {
  switch (kind) {
    case url::HostKind::kAuroraCluster: return "Aurora cluster (writer)";
    case url::HostKind::kAuroraReader: return "Aurora reader";
    case url::HostKind::kAuroraCustom: return "Aurora custom";
    default: return "RDS instance";
  }
}

class PrismaEndpointNotProxyCheck : public Check {
 public:
  PrismaEndpointNotProxyCheck() : Check("prisma-endpoint-not-proxy") {}

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    // prisma.config.ts holds the URL the CLI migrates with: there the direct
    // endpoint is the right one. The runtime URL of Prisma 7 goes to the
    // driver adapter in code.
    if (file.source == PrismaFile::Source::kConfig) return;
    for (const PrismaDatasource& ds : file.datasources) {
      const PrismaUrl* u = ds.Find(PrismaUrl::Key::kUrl);
      if (!u || u->kind != PrismaUrl::Kind::kLiteral || !u->conn || !u->conn->IsRdsDirect()) continue;
      const url::ConnectionString& c = *u->conn;
      ctx.Report(u->ToSource(c.host.range),
                 SettingName(file, ds, *u) + " points at an " +
                     std::string(EndpointName(c.host_kind)) +
                     " endpoint, not RDS Proxy: every warm Lambda instance holds its own "
                     "connections and a burst exhausts max_connections, and a failover or a "
                     "rotated password reaches each function separately; connect through the "
                     "proxy endpoint (NAME.proxy-ID.REGION.rds.amazonaws.com) and keep this "
                     "one in directUrl for migrations. Prisma uses prepared statements, which "
                     "pin proxy sessions: the proxy brings failover, IAM auth and credential "
                     "handling more than multiplexing, so keep connection_limit low and do not "
                     "add pgbouncer=true behind RDS Proxy");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreatePrismaEndpointNotProxyCheck() {
  return std::make_unique<PrismaEndpointNotProxyCheck>();
}

}  // namespace rdslint
