// The registry modules whose well-known inputs and outputs rdslint maps onto
// graph nodes without reading them: terraform-aws-modules/rds,
// /rds-aurora and /lambda. Node ids are the addresses Terraform gives the
// resources inside them (without instance keys), so messages name what
// `terraform plan` names.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_REGISTRY_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_REGISTRY_H_

#include <optional>
#include <string>
#include <string_view>

namespace rdslint::iac::tf {

enum class RegistryModule { kNone, kRds, kRdsAurora, kLambda };

// From a module `source`: "terraform-aws-modules/rds/aws",
// "git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.1.0", ...
RegistryModule RegistryModuleOf(std::string_view source);
std::string_view RegistryModuleName(RegistryModule m);

// Node ids inside a call; `call` is the call's id prefix plus
// "module.NAME" ("module.db").
std::string RegistryDatabaseId(RegistryModule m, std::string_view call);
std::string RegistryParameterGroupId(RegistryModule m, std::string_view call);
std::string RegistryFunctionId(std::string_view call);
std::string RegistryRoleId(std::string_view call);

struct RegistryTarget {
  std::string node;
  std::string attribute;
};
// What a well-known output stands for: rds's db_instance_address is the
// address of the instance. nullopt for outputs not mapped.
std::optional<RegistryTarget> RegistryOutput(RegistryModule m, std::string_view call,
                                             std::string_view output);

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_REGISTRY_H_
