// Serverless Framework services (serverless.yml, v3 and v4) into the project
// graph (graph.h): each function of functions: is a node
// SERVERLESS_PATH#functions.NAME, the role the framework generates from
// provider.iam.role.statements (or the older provider.iamRoleStatements)
// is SERVERLESS_PATH#IamRoleLambdaExecution, and resources: is read as
// CloudFormation (cloudformation_graph.h), with ids SERVERLESS_PATH#LogicalId.
// Variables are resolved where the file says enough: ${self:...},
// ${sls:stage}, ${param:...} (stages.*.params), ${file(...)} for local YAML
// and JSON files, fallbacks of ${env:X, 'x'} / ${opt:x, 'x'}; ${ssm:...}
// stays a hole, and ${ssm:/aws/reference/secretsmanager/...} is a
// deploy-time secret.
#ifndef RDSLINT_FRONTEND_IAC_SERVERLESS_GRAPH_H_
#define RDSLINT_FRONTEND_IAC_SERVERLESS_GRAPH_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/iac/graph.h"

namespace rdslint::iac {

// Reads a file named by ${file(relative)} from the service's folder: its
// path as reported and its text; false when it cannot (missing, too large,
// outside what the caller allows).
using ReadServiceFile =
    std::function<bool(std::string_view relative, std::string* path, std::string* text)>;

// Reads the serverless.yml at `path` (as reported) into `graph` when it is
// a Serverless Framework service for AWS, and returns whether it is a
// service at all (any provider). YAML errors, unknown intrinsic functions
// and malformed Fn::Sub strings in it (or in files it includes) are
// problems at their location. The service and every file it includes are
// listed in graph->sources. `read` may be empty: ${file(...)} then stays
// unresolved.
bool AddServerlessConfig(std::string_view path, std::string_view text, const ReadServiceFile& read,
                         Graph* graph, std::vector<GraphProblem>* problems);

// The logical id the framework gives a function's AWS::Lambda::Function:
// "get-user" -> "GetDashuserLambdaFunction".
std::string ServerlessFunctionLogicalId(std::string_view name);

}  // namespace rdslint::iac

#endif  // RDSLINT_FRONTEND_IAC_SERVERLESS_GRAPH_H_
