// cpp-endpoint-not-proxy: a literal RDS instance or cluster endpoint
// reaching libpq or libpqxx instead of an RDS Proxy endpoint.
#include <set>

#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"
#include "checks/cpp/cpp_messages.h"

namespace rdslint {
namespace {

class CppEndpointNotProxyCheck : public Check {
 public:
  CppEndpointNotProxyCheck() : Check("cpp-endpoint-not-proxy") {}

  void CheckCpp(const CppFile& file, CheckContext& ctx) override {
    std::set<uint32_t> reported;
    for (const CppConnection& c : file.connections) {
      if (!c.conn || !c.conn->IsRdsDirect()) continue;
      const SourceRange where = c.Locate(Unquoted(c.conn->host));
      if (!reported.insert(where.begin).second) continue;
      ctx.Report(where, "the host in " + ConnectionPhrase(c) + " is " +
                            std::string(url::HostKindPhrase(c.conn->host_kind)) +
                            ", not an RDS Proxy: each process and each warm Lambda keeps its own "
                            "connections, a burst exhausts max_connections, and failovers and "
                            "password rotations reach every client separately; connect through "
                            "the proxy endpoint (NAME.proxy-ID.REGION.rds.amazonaws.com)");
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCppEndpointNotProxyCheck() {
  return std::make_unique<CppEndpointNotProxyCheck>();
}

}  // namespace rdslint
