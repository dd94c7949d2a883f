// Terraform into the project graph (graph.h): databases, parameter groups,
// proxies and their targets, secrets with their versions and rotations
// (and RDS-managed master secrets), Lambda functions, IAM roles with every
// policy that reaches them, standalone policies, and security group rules;
// terraform-aws-modules/rds, /rds-aurora and /lambda calls are mapped by
// their well-known inputs.
//
//   std::vector<iac::tf::Input> inputs = ...;  // every .tf, .tf.json, .tfvars[.json]
//   iac::Graph g = iac::BuildTerraformGraph(std::move(inputs));
//
// Node ids are Terraform addresses without instance keys
// ("module.db.aws_db_instance.this"); when a run holds several root
// modules, each address is prefixed by its root's folder and '#'
// ("infra/prod#aws_db_instance.main"). Syntax errors of every file, module
// cycles and evaluation limits go to graph.problems; every file read is
// listed in graph.sources. Each file is parsed once; time is linear in the
// configuration. Stacks that share no local module are built on `jobs`
// threads; the graph is the same for any number.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_GRAPH_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_GRAPH_H_

#include <vector>

#include "frontend/iac/graph.h"
#include "frontend/iac/terraform_module.h"

namespace rdslint::iac {

Graph BuildTerraformGraph(std::vector<tf::Input> inputs, int jobs = 1);

}  // namespace rdslint::iac

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_GRAPH_H_
