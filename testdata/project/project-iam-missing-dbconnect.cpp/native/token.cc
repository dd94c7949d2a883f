#include <aws/rds/RDSClient.h>

#include <cstdlib>

Aws::String AppToken(const Aws::RDS::RDSClient& rds) {
  // ruleid: project-iam-missing-dbconnect col 10
  return rds.GenerateConnectAuthToken(std::getenv("DB_HOST"), "us-east-1", 5432, "impulse_app");
}

Aws::String ReportsToken(const Aws::RDS::RDSClient& rds) {
  // ok: project-iam-missing-dbconnect
  return rds.GenerateConnectAuthToken(std::getenv("DB_HOST"), "us-east-1", 5432, "reports_app");
}
