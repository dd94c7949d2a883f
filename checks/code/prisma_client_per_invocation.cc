// code-prisma-client-per-invocation: new PrismaClient() (or $disconnect())
// on every invocation of a Lambda handler.
#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

class CodePrismaClientPerInvocationCheck : public Check {
 public:
  CodePrismaClientPerInvocationCheck() : Check("code-prisma-client-per-invocation") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    for (const script::PrismaLifecycle& p : file.facts.prisma) {
      if (!p.per_invocation) continue;
      const std::string path = p.path.empty() ? "" : " (" + p.path + ")";
      const bool py = file.python();
      if (p.disconnect) {
        ReportAt(ctx, file, p.where,
                   std::string(py ? "disconnect()" : "$disconnect()") + " runs on every invocation" + path +
                       ": the next invocation of this warm function reconnects from scratch, "
                       "paying the connect and TLS handshake each time and churning the "
                       "database's connections; keep the client connected between invocations "
                       "(Prisma's serverless guidance) and let Lambda end the container");
      } else {
        ReportAt(ctx, file, p.where,
                   std::string(py ? "Prisma()" : "new PrismaClient()") + " runs on every invocation" + path +
                       ": each one opens its own connection pool, so a warm function piles up "
                       "pools and a burst of invocations exhausts max_connections; create the "
                       "client once, outside the handler (a module-level singleton), and reuse it");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodePrismaClientPerInvocationCheck() {
  return std::make_unique<CodePrismaClientPerInvocationCheck>();
}

}  // namespace rdslint
