// Literal passwords reaching libpq and libpqxx, however the string is built.
// A finding stands where the password is spelled.
#include <libpq-fe.h>

#include <memory>
#include <pqxx/pqxx>
#include <string>

// ruleid: cpp-password-literal col 74
#define ARCHIVE_CONNINFO "host=archive.example.com user=archive password=Pl4nted-Macro sslmode=require"

namespace {

// ruleid: cpp-password-literal col 37
constexpr char kReportPassword[] = "Pl4nted-Const";
const std::string kHost = "reports.example.com";

}  // namespace

PGconn* Direct() {
  // ruleid: cpp-password-literal col 61
  return PQconnectdb("host=db.example.com user=app password=Pl4nted-Direct sslmode=require");
}

PGconn* AdjacentLiterals() {
  return PQconnectStart("host=db.example.com user=app "
                        // ruleid: cpp-password-literal col 35
                        "password=Pl4nted-Adjacent sslmode=require");
}

PGconn* BuiltUp() {
  std::string conninfo = "host=" + kHost + " user=report";
  conninfo += " sslmode=require";
  conninfo.append(" password=").append(kReportPassword);
  return PQconnectdb(conninfo.c_str());
}

PGconn* Concatenated() {
  return PQconnectdb((std::string("host=") + kHost + " password=" + kReportPassword).c_str());
}

PGconn* Params() {
  const char* const keywords[] = {"host", "dbname", "user", "password", "sslmode", nullptr};
  // ruleid: cpp-password-literal col 66
  const char* const values[] = {"db.example.com", "app", "app", "Pl4nted-Params", "require", nullptr};
  return PQconnectdbParams(keywords, values, 0);
}

PGconn* SetdbLogin() {
  // ruleid: cpp-password-literal col 82
  return PQsetdbLogin("db.example.com", "5432", nullptr, nullptr, "app", "app", "Pl4nted-Setdb");
}

PGconn* FromMacro() {
  return PQconnectdb(ARCHIVE_CONNINFO);
}

std::unique_ptr<pqxx::connection> Pqxx() {
  // ruleid: cpp-password-literal col 45
  pqxx::connection direct{"postgresql://app:Pl4nted-Url@db.example.com/app?sslmode=require"};
  // ruleid: cpp-password-literal col 75
  return std::make_unique<pqxx::connection>("host=db.example.com password=Pl4nted-Make sslmode=require");
}

PGconn* Placeholder() {
  // A placeholder is a note: the real password must come from elsewhere.
  // ruleid: cpp-password-literal col 61
  return PQconnectdb("host=db.example.com user=app password=changeme sslmode=require");
}
