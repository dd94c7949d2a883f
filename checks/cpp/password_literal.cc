// cpp-password-literal: a literal password reaching libpq or libpqxx.
#include <set>

#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"
#include "checks/cpp/cpp_messages.h"

namespace rdslint {
namespace {

class CppPasswordLiteralCheck : public Check {
 public:
  CppPasswordLiteralCheck() : Check("cpp-password-literal") {}

  void CheckCpp(const CppFile& file, CheckContext& ctx) override {
    std::set<uint32_t> reported;  // one literal may reach several calls
    for (const CppConnection& c : file.connections) {
      if (!c.conn || !c.conn->password.present) continue;
      const SourceRange where = c.Locate(Unquoted(c.conn->password));
      if (!reported.insert(where.begin).second) continue;
      switch (c.conn->password_kind) {
        case url::PasswordKind::kLiteral:
          ctx.Report(where, "a literal password is written into " + ConnectionPhrase(c) +
                                ": it is in every copy of the source "
                                "and the binary, and after Secrets Manager rotates it every new "
                                "connection fails with 'FATAL: password authentication failed'; "
                                "fetch it at run time from Secrets Manager (again after an "
                                "authentication failure) or connect with an IAM token from "
                                "RDSClient::GenerateConnectAuthToken");
          break;
        case url::PasswordKind::kPlaceholder:
          ctx.Report(where,
                     "a placeholder password is written into " + ConnectionPhrase(c) +
                         "; make sure the real one is fetched at run time, never written here",
                     Severity::kNote);
          break;
        case url::PasswordKind::kAbsent:
        case url::PasswordKind::kInterpolated:
          break;  // comes from elsewhere: cpp-url-unencoded-password looks at how
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCppPasswordLiteralCheck() {
  return std::make_unique<CppPasswordLiteralCheck>();
}

}  // namespace rdslint
