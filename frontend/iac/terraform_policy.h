// IAM policy documents written in Terraform, normalised into graph
// Statements with the source range of each element: jsonencode({...}),
// heredoc or quoted JSON, file("policy.json"), and aws_iam_policy_document
// data sources (referenced by their .json attribute). A document that is
// not valid becomes a PolicyError where it is written.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_POLICY_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_POLICY_H_

#include <functional>
#include <string>
#include <vector>

#include "frontend/iac/graph.h"

namespace rdslint::iac::tf {

// The statements of the aws_iam_policy_document data source with this node
// id, or nullptr when there is none.
using DocumentLookup = std::function<const std::vector<Statement>*(const std::string& node_id)>;

// Appends the statements of an identity policy (the value of a `policy`
// argument). Values that are not known add nothing: a statement is never
// made up.
void ReadPolicy(const Value& policy, const DocumentLookup& documents, std::vector<Statement>* out,
                std::vector<PolicyError>* errors);

// The statements of an aws_iam_policy_document data source, from its body
// (Evaluator::Body): `statement` blocks, then source_policy_documents and
// override_policy_documents.
void ReadPolicyDocumentDataSource(const Value& body, const DocumentLookup& documents,
                                  std::vector<Statement>* out, std::vector<PolicyError>* errors);

// terraform-aws-modules/lambda's policy_statements: a map (or list) of
// objects with effect, actions, not_actions, resources, not_resources and
// condition blocks.
void ReadModuleStatements(const Value& statements, std::vector<Statement>* out);

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_POLICY_H_
