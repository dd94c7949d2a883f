// Encoded, quoted, or passed where no quoting is needed.
#include <aws/core/Aws.h>
#include <libpq-fe.h>

#include <string>

std::string UrlEncode(const std::string& s);

PGconn* Encoded(const std::string& password) {
  // ok: cpp-url-unencoded-password
  return PQconnectdb(("postgresql://report:" + UrlEncode(password) + "@db.example.com/app?sslmode=require").c_str());
}

PGconn* EncodedBySdk(const std::string& password) {
  const std::string url = "postgresql://report:" + Aws::Utils::StringUtils::URLEncode(password.c_str()) +
                          "@db.example.com/app?sslmode=require";
  // ok: cpp-url-unencoded-password
  return PQconnectdb(url.c_str());
}

PGconn* Quoted(const std::string& escaped_password) {
  // ok: cpp-url-unencoded-password
  return PQconnectdb(("host=db.example.com sslmode=require password='" + escaped_password + "'").c_str());
}

PGconn* Params(const std::string& password) {
  const char* const keywords[] = {"host", "password", "sslmode", nullptr};
  const char* const values[] = {"db.example.com", password.c_str(), "require", nullptr};
  // ok: cpp-url-unencoded-password
  return PQconnectdbParams(keywords, values, 0);
}

PGconn* UserOnly(const std::string& user) {
  // ok: cpp-url-unencoded-password
  return PQconnectdb(("postgresql://" + user + "@db.example.com/app?sslmode=require").c_str());
}
