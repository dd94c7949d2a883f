#include "checks/cpp/cpp_checks.h"

#include "checks/cpp/cpp_messages.h"

namespace rdslint {

std::string ConnectionPhrase(const CppConnection& c) {
  if (c.api == "PQconnectdbParams" || c.api == "PQconnectStartParams") {
    return c.synthesized ? "the keyword/value arrays passed to " + c.api
                         : "the connection URL in the dbname value passed to " + c.api;
  }
  if (c.api == "PQsetdbLogin") {
    return c.synthesized ? "the parameters of PQsetdbLogin"
                         : "the connection URL passed to PQsetdbLogin";
  }
  const std::string kind =
      c.conn && c.conn->syntax == url::Syntax::kUrl ? "connection URL" : "connection string";
  if (c.api == "pqxx::connection") return "the " + kind + " of a pqxx::connection";
  return "the " + kind + " passed to " + c.api;
}

SourceRange Unquoted(const url::Part& part) {
  SourceRange r = part.range;
  if (part.raw.size() >= 2 && part.raw.front() == '\'' && part.raw.back() == '\'') {
    ++r.begin;
    --r.end;
  }
  return r;
}

SourceRange Unquoted(const url::Param& param) {
  SourceRange r = param.value_range;
  if (r.size() == param.value.size() + 2) {  // 'value' without escapes inside
    ++r.begin;
    --r.end;
  }
  return r;
}

std::vector<std::unique_ptr<Check>> CreateCppChecks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(CreateCppPasswordLiteralCheck());
  checks.push_back(CreateCppTlsMissingSslmodeCheck());
  checks.push_back(CreateCppEndpointNotProxyCheck());
  checks.push_back(CreateCppUrlUnencodedPasswordCheck());
  checks.push_back(CreateCppRefreshStaticCredentialCheck());
  return checks;
}

}  // namespace rdslint
