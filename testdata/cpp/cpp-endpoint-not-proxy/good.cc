// RDS Proxy endpoints, other hosts, hosts from configuration.
#include <libpq-fe.h>

#include <string>

PGconn* Proxy() {
  // ok: cpp-endpoint-not-proxy
  return PQconnectdb("host=impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com dbname=impulse_db sslmode=require");
}

PGconn* ProxyEndpoint() {
  // ok: cpp-endpoint-not-proxy
  return PQconnectStart("postgresql://app@reports.endpoint.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/impulse_db?sslmode=require");
}

PGconn* Other(const std::string& host) {
  // ok: cpp-endpoint-not-proxy
  PGconn* self_hosted = PQconnectdb("host=db.example.com dbname=app sslmode=require");
  // ok: cpp-endpoint-not-proxy
  PGconn* configured = PQconnectdb(("host=" + host + " dbname=app sslmode=require").c_str());
  return self_hosted ? self_hosted : configured;
}
