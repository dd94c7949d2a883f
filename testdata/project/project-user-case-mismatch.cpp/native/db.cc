#include <aws/rds/RDSClient.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

PGconn* Connect(const Aws::RDS::RDSClient& rds) {
  // ruleid: project-user-case-mismatch col 101
  const Aws::String token = rds.GenerateConnectAuthToken(std::getenv("DB_HOST"), "us-east-1", 5432, "impulse_app");
  const std::string conninfo = std::string("host=") + std::getenv("DB_HOST") +
                               // ok: project-user-case-mismatch
                               " user=Impulse_App sslmode=verify-full password=" + token;
  return PQconnectdb(conninfo.c_str());
}
