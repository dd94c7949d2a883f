// The function's code: its SecretId comes from the environment (linked to
// the function through its CodeUri); the reports secret is named literally.
#include <aws/secretsmanager/SecretsManagerClient.h>
#include <aws/secretsmanager/model/GetSecretValueRequest.h>

#include <cstdlib>

Aws::String DbPassword(const Aws::SecretsManager::SecretsManagerClient& client) {
  Aws::SecretsManager::Model::GetSecretValueRequest request;
  request.SetSecretId(std::getenv("DB_SECRET_ARN"));
  auto outcome = client.GetSecretValue(request);
  return outcome.IsSuccess() ? outcome.GetResult().GetSecretString() : Aws::String();
}

Aws::String ReportsPassword(const Aws::SecretsManager::SecretsManagerClient& client) {
  // ok: project-iam-missing-secret-access
  auto outcome = client.GetSecretValue(Aws::SecretsManager::Model::GetSecretValueRequest().WithSecretId("prod/reports/db"));
  return outcome.IsSuccess() ? outcome.GetResult().GetSecretString() : Aws::String();
}
