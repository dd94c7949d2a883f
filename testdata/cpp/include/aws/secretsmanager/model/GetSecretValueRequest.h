// Test header: the SDK declares the request in its own header; here it lives
// with the client (aws/secretsmanager/SecretsManagerClient.h).
#pragma once

#include <aws/secretsmanager/SecretsManagerClient.h>
