// TLS required, or no network in between: nothing to report.
#include <libpq-fe.h>

#include <string>

PGconn* Required() {
  // ok: cpp-tls-missing-sslmode
  return PQconnectdb("host=db.example.com dbname=app sslmode=require");
}

PGconn* VerifyFull() {
  // ok: cpp-tls-missing-sslmode
  return PQconnectdb("postgresql://app@db.example.com/app?sslmode=verify-full&sslrootcert=/opt/rds/global-bundle.pem");
}

PGconn* Local() {
  // ok: cpp-tls-missing-sslmode
  PGconn* loopback = PQconnectdb("host=localhost dbname=app");
  // ok: cpp-tls-missing-sslmode
  PGconn* socket = PQconnectdb("host=/var/run/postgresql dbname=app");
  // No host: libpq connects through the local socket.
  // ok: cpp-tls-missing-sslmode
  PGconn* default_host = PQconnectdb("dbname=app");
  return loopback && socket ? default_host : nullptr;
}

PGconn* ModeFromConfiguration(const std::string& mode) {
  // ok: cpp-tls-missing-sslmode
  return PQconnectdb(("host=db.example.com sslmode=" + mode).c_str());
}

PGconn* Params() {
  const char* const keywords[] = {"host", "dbname", "sslmode", nullptr};
  const char* const values[] = {"db.example.com", "app", "verify-full", nullptr};
  // ok: cpp-tls-missing-sslmode
  return PQconnectdbParams(keywords, values, 0);
}

PGconn* Start() {
  // ok: cpp-tls-missing-sslmode
  return PQconnectStart("host=db.example.com dbname=app sslmode=require");
}
