// Internal to the CloudFormation and Serverless builders: IAM policy
// documents as graph Statements, and SAM's Policies property (managed
// policy names, inline documents, policy templates).
#ifndef RDSLINT_FRONTEND_IAC_IAM_POLICIES_H_
#define RDSLINT_FRONTEND_IAC_IAM_POLICIES_H_

#include <vector>

#include "frontend/iac/cfn_values.h"
#include "frontend/iac/graph.h"

namespace rdslint::iac::internal {

// A policy document: a map with Statement (a list or one statement), or a
// JSON string. What is not a valid document goes to `errors`.
void ReadPolicyDocument(ValueBuilder& b, At doc, std::vector<Statement>* out,
                        std::vector<PolicyError>* errors);

// Statements written directly (Serverless iam.role.statements): a list.
void ReadStatements(ValueBuilder& b, At list, std::vector<Statement>* out,
                    std::vector<PolicyError>* errors);

// A SAM function's Policies: a managed policy name or ARN, an inline
// document, or a policy template such as AWSSecretsManagerGetSecretValuePolicy
// expanded to the statements SAM generates for it.
void ReadSamPolicies(ValueBuilder& b, At policies, Role* role, std::vector<PolicyError>* errors);

}  // namespace rdslint::iac::internal

#endif  // RDSLINT_FRONTEND_IAC_IAM_POLICIES_H_
