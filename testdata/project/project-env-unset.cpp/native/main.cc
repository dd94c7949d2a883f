#include <libpq-fe.h>

#include <cstdlib>
#include <string>

PGconn* Connect() {
  // ok: project-env-unset
  const char* host = std::getenv("DB_HOST");
  // ruleid: project-env-unset col 26
  const char* database = std::getenv("DB_NAME");
  const std::string conninfo = std::string("host=") + host + " dbname=" + database + " sslmode=require";
  return PQconnectdb(conninfo.c_str());
}
