#include "frontend/iac/terraform_registry.h"

namespace rdslint::iac::tf {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string Join(std::string_view call, std::string_view inner) {
  return std::string(call) + "." + std::string(inner);
}

}  // namespace

RegistryModule RegistryModuleOf(std::string_view source) {
  // A registry address may carry a host (registry.terraform.io/...) and a
  // submodule after "//"; only the module itself is mapped.
  if (StartsWith(source, "registry.terraform.io/")) source.remove_prefix(22);
  if (Contains(source, "//") && !Contains(source, "://")) return RegistryModule::kNone;
  if (source == "terraform-aws-modules/rds/aws") return RegistryModule::kRds;
  if (source == "terraform-aws-modules/rds-aurora/aws") return RegistryModule::kRdsAurora;
  if (source == "terraform-aws-modules/lambda/aws") return RegistryModule::kLambda;
  // git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=...,
  // github.com/terraform-aws-modules/terraform-aws-rds
  for (auto [repo, kind] : {std::pair<std::string_view, RegistryModule>{"terraform-aws-modules/terraform-aws-rds-aurora", RegistryModule::kRdsAurora},
                            {"terraform-aws-modules/terraform-aws-rds", RegistryModule::kRds},
                            {"terraform-aws-modules/terraform-aws-lambda", RegistryModule::kLambda}}) {
    size_t at = source.find(repo);
    if (at == std::string_view::npos) continue;
    std::string_view rest = source.substr(at + repo.size());
    if (StartsWith(rest, ".git")) rest.remove_prefix(4);
    if (rest.empty() || rest[0] == '?') return kind;
    return RegistryModule::kNone;  // a submodule or another repository
  }
  return RegistryModule::kNone;
}

std::string_view RegistryModuleName(RegistryModule m) {
  switch (m) {
    case RegistryModule::kRds: return "terraform-aws-modules/rds/aws";
    case RegistryModule::kRdsAurora: return "terraform-aws-modules/rds-aurora/aws";
    case RegistryModule::kLambda: return "terraform-aws-modules/lambda/aws";
    case RegistryModule::kNone: break;
  }
  return "";
}

std::string RegistryDatabaseId(RegistryModule m, std::string_view call) {
  if (m == RegistryModule::kRdsAurora) return Join(call, "aws_rds_cluster.this");
  return Join(call, "module.db_instance.aws_db_instance.this");
}

std::string RegistryParameterGroupId(RegistryModule m, std::string_view call) {
  if (m == RegistryModule::kRdsAurora) return Join(call, "aws_rds_cluster_parameter_group.this");
  return Join(call, "module.db_parameter_group.aws_db_parameter_group.this");
}

std::string RegistryFunctionId(std::string_view call) { return Join(call, "aws_lambda_function.this"); }
std::string RegistryRoleId(std::string_view call) { return Join(call, "aws_iam_role.lambda"); }

std::optional<RegistryTarget> RegistryOutput(RegistryModule m, std::string_view call, std::string_view output) {
  switch (m) {
    case RegistryModule::kRds: {
      const std::string db = RegistryDatabaseId(m, call);
      if (output == "db_instance_master_user_secret_arn") return RegistryTarget{db + ".master_user_secret", "secret_arn"};
      for (auto [out, attr] : {std::pair<std::string_view, std::string_view>{"db_instance_address", "address"},
                               {"db_instance_endpoint", "endpoint"},
                               {"db_instance_arn", "arn"},
                               {"db_instance_identifier", "identifier"},
                               {"db_instance_id", "id"},
                               {"db_instance_resource_id", "resource_id"},
                               {"db_instance_port", "port"},
                               {"db_instance_name", "db_name"},
                               {"db_instance_username", "username"},
                               {"db_instance_hosted_zone_id", "hosted_zone_id"}}) {
        if (output == out) return RegistryTarget{db, std::string(attr)};
      }
      if (output == "db_parameter_group_id") return RegistryTarget{RegistryParameterGroupId(m, call), "id"};
      if (output == "db_parameter_group_arn") return RegistryTarget{RegistryParameterGroupId(m, call), "arn"};
      return std::nullopt;
    }
    case RegistryModule::kRdsAurora: {
      const std::string db = RegistryDatabaseId(m, call);
      if (output == "cluster_master_user_secret") return RegistryTarget{db + ".master_user_secret", ""};
      for (auto [out, attr] : {std::pair<std::string_view, std::string_view>{"cluster_endpoint", "endpoint"},
                               {"cluster_reader_endpoint", "reader_endpoint"},
                               {"cluster_arn", "arn"},
                               {"cluster_id", "id"},
                               {"cluster_resource_id", "cluster_resource_id"},
                               {"cluster_port", "port"},
                               {"cluster_database_name", "database_name"},
                               {"cluster_master_username", "master_username"},
                               {"cluster_master_password", "master_password"}}) {
        if (output == out) return RegistryTarget{db, std::string(attr)};
      }
      return std::nullopt;
    }
    case RegistryModule::kLambda: {
      for (auto [out, attr] : {std::pair<std::string_view, std::string_view>{"lambda_function_arn", "arn"},
                               {"lambda_function_name", "function_name"},
                               {"lambda_function_invoke_arn", "invoke_arn"},
                               {"lambda_function_qualified_arn", "qualified_arn"}}) {
        if (output == out) return RegistryTarget{RegistryFunctionId(call), std::string(attr)};
      }
      if (output == "lambda_role_arn") return RegistryTarget{RegistryRoleId(call), "arn"};
      if (output == "lambda_role_name") return RegistryTarget{RegistryRoleId(call), "name"};
      return std::nullopt;
    }
    case RegistryModule::kNone: break;
  }
  return std::nullopt;
}

}  // namespace rdslint::iac::tf
