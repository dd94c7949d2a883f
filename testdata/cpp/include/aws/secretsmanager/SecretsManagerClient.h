// Test header: Aws::SecretsManager::SecretsManagerClient with the SDK's real
// names and signatures (aws-cpp-sdk-secretsmanager); see aws/core/Aws.h.
#pragma once

#include <aws/core/Aws.h>

namespace Aws {
namespace SecretsManager {

enum class SecretsManagerErrors { RESOURCE_NOT_FOUND, DECRYPTION_FAILURE };
using SecretsManagerError = Aws::Client::AWSError<SecretsManagerErrors>;

namespace Model {

class GetSecretValueRequest {
 public:
  GetSecretValueRequest();
  const Aws::String& GetSecretId() const;
  void SetSecretId(const Aws::String& value);
  GetSecretValueRequest& WithSecretId(const Aws::String& value);
};

class GetSecretValueResult {
 public:
  const Aws::String& GetSecretString() const;
  const Aws::String& GetVersionId() const;
};

typedef Aws::Utils::Outcome<GetSecretValueResult, SecretsManagerError> GetSecretValueOutcome;

}  // namespace Model

class SecretsManagerClient {
 public:
  SecretsManagerClient(const Aws::Client::ClientConfiguration& clientConfiguration =
                           Aws::Client::ClientConfiguration());
  virtual ~SecretsManagerClient();
  virtual Model::GetSecretValueOutcome GetSecretValue(const Model::GetSecretValueRequest& request) const;
};

}  // namespace SecretsManager
}  // namespace Aws
