// Passwords concatenated into URLs without percent-encoding, and into
// conninfo password= without quotes.
#include <aws/rds/RDSClient.h>
#include <libpq-fe.h>

#include <string>

PGconn* Url(const std::string& password, const std::string& host) {
  // ruleid: cpp-url-unencoded-password col 52
  const std::string url = "postgresql://report:" + password + "@" + host + "/impulse_db?sslmode=require";
  return PQconnectdb(url.c_str());
}

PGconn* IamToken(const Aws::RDS::RDSClient& rds) {
  const char* host = "impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com";
  const Aws::String token = rds.GenerateConnectAuthToken(host, "us-east-1", 5432, "report");
  std::string url = "postgresql://report:";
  // An IAM token is full of '&', '=' and '%'.
  // ruleid: cpp-url-unencoded-password col 10
  url += token;
  url += std::string("@") + host + "/impulse_db?sslmode=require";
  return PQconnectdb(url.c_str());
}

PGconn* Conninfo(const char* password) {
  // ruleid: cpp-url-unencoded-password col 95
  return PQconnectdb((std::string("host=db.example.com user=app sslmode=require password=") + password).c_str());
}

PGconn* LiteralWithReservedCharacters() {
  // ruleid: cpp-url-unencoded-password col 49
  return PQconnectdb("postgresql://app:Pl4nted-a@b@db.example.com/app?sslmode=require");
}
