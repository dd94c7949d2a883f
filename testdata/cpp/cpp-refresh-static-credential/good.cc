// Credentials that are fetched again: per connection, after an
// authentication failure, or when they expire.
#include <aws/rds/RDSClient.h>
#include <aws/secretsmanager/SecretsManagerClient.h>

#include <chrono>

namespace {

Aws::String FetchSecret(const char* secret_id) {
  Aws::SecretsManager::SecretsManagerClient client;
  Aws::SecretsManager::Model::GetSecretValueRequest request;
  request.SetSecretId(secret_id);
  return client.GetSecretValue(request).GetResult().GetSecretString();
}

Aws::String g_password;
std::chrono::steady_clock::time_point g_token_expiry;

}  // namespace

// Kept, but dropped when the database refuses it.
const Aws::String& Password() {
  if (g_password.empty()) {
    // ok: cpp-refresh-static-credential
    g_password = FetchSecret("impulse/report");
  }
  return g_password;
}
void OnAuthenticationFailure() { g_password.clear(); }

// Kept with an expiry well within the token's 15 minutes.
const Aws::String& Token(const Aws::RDS::RDSClient& rds) {
  static Aws::String token;
  const auto now = std::chrono::steady_clock::now();
  if (token.empty() || now > g_token_expiry) {
    // ok: cpp-refresh-static-credential
    token = rds.GenerateConnectAuthToken("impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com",
                                         "us-east-1", 5432, "report");
    g_token_expiry = now + std::chrono::minutes(10);
  }
  return token;
}

// A token for each connection, nothing kept.
Aws::String FreshToken(const Aws::RDS::RDSClient& rds) {
  // ok: cpp-refresh-static-credential
  const Aws::String token = rds.GenerateConnectAuthToken(
      "impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com", "us-east-1", 5432, "report");
  return token;
}

// Fetched on every call.
const Aws::String& Latest() {
  static Aws::String latest;
  // ok: cpp-refresh-static-credential
  latest = FetchSecret("impulse/report");
  return latest;
}
