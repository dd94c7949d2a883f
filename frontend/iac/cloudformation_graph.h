// CloudFormation, SAM and CDK output (cdk.out/*.template.json) into the
// project graph (graph.h). Node ids are TEMPLATE_PATH#LogicalId; references
// (!Ref, !GetAtt, ${X} in Fn::Sub) carry the id of the node they point at,
// so graph.Resolve(ref) finds it. Parameters feed their Default into the
// values that use them.
//
//   std::vector<iac::GraphProblem> problems;
//   iac::AddCloudFormationTemplate("infra/template.yaml", text,
//                                  iac::Flavor::kCloudFormation, &graph, &problems);
#ifndef RDSLINT_FRONTEND_IAC_CLOUDFORMATION_GRAPH_H_
#define RDSLINT_FRONTEND_IAC_CLOUDFORMATION_GRAPH_H_

#include <string_view>
#include <vector>

#include "frontend/iac/graph.h"

namespace rdslint::iac {

// The cheap test run on every YAML/JSON file before it is parsed: does the
// text mention what a template must (AWSTemplateFormatVersion, the SAM
// transform, or Resources with AWS:: types)? Most YAML and JSON in a
// repository is not a template and stops here.
bool LooksLikeCloudFormation(std::string_view text);

// Reads `text`, the file at `path` (as reported; it prefixes node ids), into
// `graph` when it is a template, and returns whether it is. `flavor` is
// kCloudFormation to let the template say (the SAM transform makes it kSam,
// a path in cdk.out or aws:cdk:path metadata kCdk), or kSam/kCdk to decide.
// Files named *.json are read as JSON, others as YAML. A file that looks
// like a template but does not parse is a template with a problem (its
// location and a message); unknown intrinsic functions and malformed
// Fn::Sub strings are problems beside the graph. A template is listed in
// graph->sources. Anything else (a k8s manifest, package.json) returns
// false and adds nothing.
bool AddCloudFormationTemplate(std::string_view path, std::string_view text, Flavor flavor,
                               Graph* graph, std::vector<GraphProblem>* problems);

}  // namespace rdslint::iac

#endif  // RDSLINT_FRONTEND_IAC_CLOUDFORMATION_GRAPH_H_
