// Credentials fetched once into static storage and never refreshed: the
// cached password outlives the next rotation, the IAM token its 15 minutes.
#include <aws/rds/RDSClient.h>
#include <aws/secretsmanager/SecretsManagerClient.h>
#include <aws/secretsmanager/model/GetSecretValueRequest.h>

#include <mutex>

namespace {

Aws::String FetchSecret(const char* secret_id) {
  Aws::SecretsManager::SecretsManagerClient client;
  Aws::SecretsManager::Model::GetSecretValueRequest request;
  request.SetSecretId(secret_id);
  auto outcome = client.GetSecretValue(request);
  return outcome.GetResult().GetSecretString();
}

Aws::String MakeToken() {
  Aws::RDS::RDSClient rds;
  return rds.GenerateConnectAuthToken("impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com", "us-east-1",
                                      5432, "report");
}

// A global initialised at start-up.
// ruleid: cpp-refresh-static-credential col 13
Aws::String g_report_token = MakeToken();

struct DbCredentials {
  Aws::String user;
  Aws::String password;
};
DbCredentials g_credentials;

std::once_flag g_audit_once;
Aws::String g_audit_password;

}  // namespace

// A function-local static: fetched on first use, then forever.
const Aws::String& ReportPassword() {
  // ruleid: cpp-refresh-static-credential col 28
  static const Aws::String password = FetchSecret("impulse/report");
  return password;
}

// Filled once behind a check of its own state.
const Aws::String& BillingPassword() {
  static Aws::String cached;
  if (cached.empty()) {
    Aws::SecretsManager::SecretsManagerClient client;
    Aws::SecretsManager::Model::GetSecretValueRequest request;
    request.SetSecretId("impulse/billing");
    const auto outcome = client.GetSecretValue(request);
    // ruleid: cpp-refresh-static-credential col 5
    cached = outcome.GetResult().GetSecretString();
  }
  return cached;
}

// The early-return form of the same.
class TokenCache {
 public:
  static const Aws::String& Token() {
    if (!token_.empty()) return token_;
    // ruleid: cpp-refresh-static-credential col 5
    token_ = MakeToken();
    return token_;
  }

 private:
  static Aws::String token_;
};
Aws::String TokenCache::token_;

const Aws::String& AuditPassword() {
  // ruleid: cpp-refresh-static-credential col 37
  std::call_once(g_audit_once, [] { g_audit_password = FetchSecret("impulse/audit"); });
  return g_audit_password;
}

// Cold start: a member of a static object, filled in main().
void Init() {
  g_credentials.user = "report";
  // ruleid: cpp-refresh-static-credential col 3
  g_credentials.password = FetchSecret("impulse/report");
}

int main() {
  Init();
  return g_credentials.password.empty() || ReportPassword().empty() || BillingPassword().empty() ||
         TokenCache::Token().empty() || AuditPassword().empty() || g_report_token.empty();
}
