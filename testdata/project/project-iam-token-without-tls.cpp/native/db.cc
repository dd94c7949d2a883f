#include <aws/rds/RDSClient.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

PGconn* ConnectWeak(const Aws::RDS::RDSClient& rds) {
  const Aws::String token = rds.GenerateConnectAuthToken(std::getenv("DB_HOST"), "us-east-1", 5432, "impulse_app");
  const char* keys[] = {"host", "user", "password", "sslmode", nullptr};
  // ruleid: project-iam-token-without-tls col 66
  const char* values[] = {std::getenv("DB_HOST"), "impulse_app", token.c_str(), "prefer", nullptr};
  return PQconnectdbParams(keys, values, 0);
}

PGconn* ConnectStrong(const Aws::RDS::RDSClient& rds) {
  const Aws::String token = rds.GenerateConnectAuthToken(std::getenv("DB_HOST"), "us-east-1", 5432, "impulse_app");
  const std::string conninfo = std::string("host=") + std::getenv("DB_HOST") +
                               // ok: project-iam-token-without-tls
                               " user=impulse_app sslmode=verify-full password=" + token;
  return PQconnectdb(conninfo.c_str());
}
