// Test header: Aws::RDS::RDSClient with the SDK's real names and signatures
// (aws-cpp-sdk-rds); see aws/core/Aws.h.
#pragma once

#include <aws/core/Aws.h>

namespace Aws {
namespace RDS {

class RDSClient {
 public:
  RDSClient(const Aws::Client::ClientConfiguration& clientConfiguration =
                Aws::Client::ClientConfiguration());
  virtual ~RDSClient();
  // Generates an auth token for connecting to an rds instance.
  Aws::String GenerateConnectAuthToken(const char* dbHostName, const char* dbRegion, unsigned port,
                                       const char* dbUserName) const;
};

}  // namespace RDS
}  // namespace Aws
