// Literal RDS instance and Aurora cluster endpoints instead of RDS Proxy.
#include <libpq-fe.h>

#include <string>

namespace config {
// ruleid: cpp-endpoint-not-proxy col 36
constexpr const char* kInstance = "impulse-db.c9akciq32abc.us-east-1.rds.amazonaws.com";
}  // namespace config

PGconn* Instance() {
  return PQconnectdb((std::string("host=") + config::kInstance + " dbname=impulse_db sslmode=require").c_str());
}

PGconn* Writer() {
  return PQconnectdb(
      // ruleid: cpp-endpoint-not-proxy col 25
      "postgresql://app@impulse.cluster-c9akciq32abc.us-east-1.rds.amazonaws.com/impulse_db?sslmode=require");
}

PGconn* Reader() {
  // ruleid: cpp-endpoint-not-proxy col 24
  return PQsetdbLogin("impulse.cluster-ro-c9akciq32abc.us-east-1.rds.amazonaws.com", nullptr, nullptr, nullptr,
                      "impulse_db", "reporter", nullptr);
}

PGconn* Custom() {
  const char* const keywords[] = {"host", "dbname", "sslmode", nullptr};
  // ruleid: cpp-endpoint-not-proxy col 34
  const char* const values[] = {"analytics.cluster-custom-c9akciq32abc.eu-west-1.rds.amazonaws.com", "impulse_db",
                                "require", nullptr};
  return PQconnectdbParams(keywords, values, 0);
}
