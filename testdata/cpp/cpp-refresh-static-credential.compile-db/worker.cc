// Parsed with this folder's compile_commands.json (a relative "directory"
// is taken relative to the database): the cache exists only with its
// -DCACHE_TOKEN_FOREVER, so this finding proves the database's flags were used.
#include <aws/rds/RDSClient.h>

Aws::String NewToken() {
  const Aws::RDS::RDSClient rds;
  return rds.GenerateConnectAuthToken("impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com",
                                      "us-east-1", 5432, "worker");
}

#ifdef CACHE_TOKEN_FOREVER
const Aws::String& Token() {
  // ruleid: cpp-refresh-static-credential col 28
  static const Aws::String token = NewToken();
  return token;
}
#else
Aws::String Token() { return NewToken(); }
#endif
