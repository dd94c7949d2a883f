// Remote connections that do not require TLS. The finding stands on the
// host; a fix-it appends sslmode=require where the string ends in a literal.
#include <libpq-fe.h>

#include <pqxx/pqxx>
#include <string>

PGconn* NoSslmode() {
  // ruleid: cpp-tls-missing-sslmode col 28
  return PQconnectdb("host=db.example.com dbname=app user=app");
}

PGconn* Prefer() {
  // ruleid: cpp-tls-missing-sslmode col 65
  return PQconnectStart("host=db.example.com dbname=app sslmode=prefer");
}

PGconn* Disable() {
  // ruleid: cpp-tls-missing-sslmode col 67
  return PQconnectdb("postgresql://app@db.example.com/app?sslmode=disable");
}

PGconn* HostFromConfiguration(const std::string& host) {
  // A host computed at run time may be anything, an RDS endpoint included.
  // ruleid: cpp-tls-missing-sslmode col 44
  return PQconnectdb(("dbname=app host=" + host + " user=app").c_str());
}

PGconn* SetdbLogin() {
  // ruleid: cpp-tls-missing-sslmode col 24
  return PQsetdbLogin("reports.example.com", "5432", nullptr, nullptr, "reports", "reporter", nullptr);
}

void Pqxx() {
  // ruleid: cpp-tls-missing-sslmode col 40
  pqxx::connection c{"postgresql://app@db.example.com:5432/app?application_name=report"};
}
