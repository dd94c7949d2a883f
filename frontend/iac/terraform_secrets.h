// Where a Terraform file holds a literal secret, found from its syntax
// alone: string literals assigned to password-like names (password,
// master_password, db_password, secret_string, ...), defaults of variables
// marked `sensitive` or named like a password, and the password part of
// connection URLs written in any string. These ranges are masked in every
// line rdslint prints; the graph builder adds the secrets it finds by
// following values (a variable default that becomes a DB password).
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_SECRETS_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_SECRETS_H_

#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/hcl/hcl_ast.h"

namespace rdslint::iac::tf {

// Whether an argument, variable or key name holds a password.
bool IsPasswordName(std::string_view name);

// Ranges of `body` (a .tf, .tf.json or .tfvars file) holding secrets.
std::vector<SourceRange> SecretRanges(const hcl::Body& body);

// Secret ranges of a connection URL (or conninfo) written in `text`, whose
// bytes map to the file through `map`.
void UrlSecretRanges(const MappedText& text, std::vector<SourceRange>* out);

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_SECRETS_H_
