// Nightly report job: reads usage figures straight from the database.
#include <libpq-fe.h>

#include <cstdio>
#include <string>

namespace {

constexpr const char* kHost = "impulse-db.c9akciq32abc.us-east-1.rds.amazonaws.com";

}  // namespace

int main() {
  const std::string conninfo = std::string("host=") + kHost +
                               " port=5432 dbname=impulse_db user=report password=Pl4nted-Report99";
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::fprintf(stderr, "connection failed: %s", PQerrorMessage(conn));
    PQfinish(conn);
    return 1;
  }
  PGresult* res = PQexec(conn, "SELECT count(*) FROM \"User\"");
  std::printf("users: %s\n", PQgetvalue(res, 0, 0));
  PQclear(res);
  PQfinish(conn);
  return 0;
}
