// Terraform's JSON syntax (.tf.json) read into the same Body/Block/Attribute
// tree as native syntax, so everything downstream handles one shape.
//
// JSON carries no schema, so which properties are nested blocks (and how
// many labels they have) comes from Terraform's language, not from
// providers. Implemented:
//   top level   resource (2 labels), data (2), variable (1), output (1),
//               module (1), provider (1), locals (0), terraform (0),
//               check (1), moved/import/removed (0); any other key: a block,
//               0 labels
//   resource, data, removed bodies: lifecycle, connection, provisioner (1),
//               dynamic (1, whose body has the content block)
//   lifecycle, output, check: precondition, postcondition, assert
//   variable:   validation
//   terraform:  required_providers, backend (1), cloud (with workspaces)
// Every other property is an attribute. A provider's nested block (such as
// aws_lambda_function's "environment") therefore arrives as an attribute
// whose value is an Object (or a Tuple of Objects for repeated blocks).
//
// At any label level, and for a body, an array stands for several blocks in
// order (as the JSON syntax allows). A property named "//" is a comment.
//
// Strings are templates ("${var.x}" interpolates), except where Terraform
// reads them otherwise: a variable's default, description and flags,
// a module's source and version, and everything in a terraform block
// are literal; depends_on, lifecycle ignore_changes/replace_triggered_by,
// a resource's provider and a variable's type are native expressions.
#ifndef RDSLINT_FRONTEND_HCL_TF_JSON_H_
#define RDSLINT_FRONTEND_HCL_TF_JSON_H_

#include <string_view>

#include "frontend/hcl/hcl_parser.h"

namespace rdslint::hcl {

ParseResult ParseTfJson(std::string_view text);

}  // namespace rdslint::hcl

#endif  // RDSLINT_FRONTEND_HCL_TF_JSON_H_
