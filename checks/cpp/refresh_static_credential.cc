// cpp-refresh-static-credential: a Secrets Manager secret or an RDS IAM
// token kept in static storage by a store that runs once, and never
// refreshed.
#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"

namespace rdslint {
namespace {

std::string Storage(const CppCredentialStore& s) {
  std::string kind;
  switch (s.storage) {
    case CppCredentialStore::Storage::kGlobal: kind = "global"; break;
    case CppCredentialStore::Storage::kStaticMember: kind = "static member"; break;
    case CppCredentialStore::Storage::kFunctionStatic: kind = "function-local static"; break;
    case CppCredentialStore::Storage::kThreadLocal: kind = "thread_local"; break;
  }
  if (s.member_of_object) return "'" + s.variable + "', a member of a " + kind + " object";
  return "the " + kind + " '" + s.variable + "'";
}

class CppRefreshStaticCredentialCheck : public Check {
 public:
  CppRefreshStaticCredentialCheck() : Check("cpp-refresh-static-credential") {}

  void CheckCpp(const CppFile& file, CheckContext& ctx) override {
    for (const CppCredentialStore& s : file.credential_stores) {
      if (s.source == CppCredentialStore::Source::kSecretsManager) {
        ctx.Report(s.where,
                   "the secret from SecretsManagerClient::GetSecretValue is kept in " + Storage(s) +
                       " (" + s.how + ") and never fetched again: a rotation leaves open "
                       "connections alone, but every new connection made with the cached "
                       "password after it fails with 'FATAL: password authentication failed'; "
                       "fetch the secret again when a connection fails to authenticate, or "
                       "cache it for less time than the rotation schedule");
      } else {
        ctx.Report(s.where,
                   "the IAM token from RDSClient::GenerateConnectAuthToken is kept in " +
                       Storage(s) + " (" + s.how + ") and never generated again: a token is "
                       "valid for 15 minutes, and every new connection made with it after that "
                       "is refused with 'PAM authentication failed'; generate a token for each "
                       "new connection, or refresh it well within the 15 minutes");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCppRefreshStaticCredentialCheck() {
  return std::make_unique<CppRefreshStaticCredentialCheck>();
}

}  // namespace rdslint
