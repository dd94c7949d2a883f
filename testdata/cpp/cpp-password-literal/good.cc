// Passwords that come from outside the source: nothing to report.
#include <libpq-fe.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <string>

std::string FetchPassword();

PGconn* FromEnvironment() {
  const std::string conninfo =
      std::string("host=db.example.com user=app sslmode=require password='") + std::getenv("DB_PASSWORD") + "'";
  // ok: cpp-password-literal
  return PQconnectdb(conninfo.c_str());
}

PGconn* FromSecretsManager() {
  const std::string password = FetchPassword();
  const char* const keywords[] = {"host", "user", "password", "sslmode", nullptr};
  const char* const values[] = {"db.example.com", "app", password.c_str(), "require", nullptr};
  // ok: cpp-password-literal
  return PQconnectdbParams(keywords, values, 0);
}

void Pqxx(const std::string& password) {
  // ok: cpp-password-literal
  pqxx::connection c{"host=db.example.com user=app sslmode=require password='" + password + "'"};
  // No password at all: libpq reads ~/.pgpass or PGPASSWORD.
  // ok: cpp-password-literal
  pqxx::connection passwordless{"host=db.example.com user=app sslmode=require"};
}
