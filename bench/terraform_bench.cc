// Throughput of the Terraform frontend on a generated tree (default 2,000
// root stacks, about 9 MB): prints MB/s for parsing alone and for building
// the project graph (parsing, module instantiation, evaluation, policies,
// links). A program, not a test: it prints figures and never fails for
// being slow.
//
//   build/bench/terraform_bench [STACKS]
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "frontend/hcl/hcl_parser.h"
#include "frontend/iac/terraform_graph.h"

namespace rdslint {
namespace {

// A service stack like the ones the rules read: variables with defaults, a
// tfvars file, locals, templates, a call of a shared local module, a
// function with its role and policies (jsonencode, heredoc, policy
// document), a proxy, a secret with its rotation, security groups.
std::string Stack(int i) {
  const std::string n = std::to_string(i);
  std::string s;
  s += "variable \"env\" {\n  default = \"dev\"\n}\n\nvariable \"db_password\" {\n  type      = string\n"
       "  sensitive = true\n  default   = \"changeme-" + n + "\"\n}\n\n";
  s += "locals {\n  name = \"svc" + n + "-${var.env}\"\n  tags = merge({ team = \"core\" }, { service = local.name })\n"
       "  subnets = [for i in range(3) : \"subnet-${i}\"]\n}\n\n";
  s += "module \"db\" {\n  source   = \"../../modules/db\"\n  name     = local.name\n  password = var.db_password\n}\n\n";
  s += "resource \"aws_secretsmanager_secret\" \"db\" {\n  name = \"${local.name}/db\"\n}\n\n"
       "resource \"aws_secretsmanager_secret_rotation\" \"db\" {\n  secret_id           = aws_secretsmanager_secret.db.id\n"
       "  rotation_lambda_arn = \"arn:aws:lambda:eu-west-1:123456789012:function:rotate\"\n"
       "  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n\n";
  s += "resource \"aws_db_proxy\" \"db\" {\n  name          = local.name\n  engine_family = \"POSTGRESQL\"\n"
       "  require_tls   = true\n  auth {\n    auth_scheme = \"SECRETS\"\n    iam_auth    = \"REQUIRED\"\n"
       "    secret_arn  = aws_secretsmanager_secret.db.arn\n  }\n}\n\n"
       "resource \"aws_db_proxy_target\" \"db\" {\n  db_proxy_name          = aws_db_proxy.db.name\n"
       "  target_group_name      = \"default\"\n  db_instance_identifier = module.db.identifier\n}\n\n";
  s += "data \"aws_iam_policy_document\" \"api\" {\n  statement {\n    actions   = [\"secretsmanager:GetSecretValue\"]\n"
       "    resources = [aws_secretsmanager_secret.db.arn]\n  }\n  statement {\n    actions   = [\"rds-db:connect\"]\n"
       "    resources = [\"arn:aws:rds-db:eu-west-1:123456789012:dbuser:${module.db.resource_id}/app\"]\n  }\n}\n\n";
  s += "resource \"aws_iam_role\" \"api\" {\n  name = \"${local.name}-api\"\n  assume_role_policy = jsonencode({\n"
       "    Version   = \"2012-10-17\"\n    Statement = [{ Effect = \"Allow\", Principal = { Service = \"lambda.amazonaws.com\" }, "
       "Action = \"sts:AssumeRole\" }]\n  })\n  tags = local.tags\n}\n\n"
       "resource \"aws_iam_role_policy\" \"api\" {\n  role   = aws_iam_role.api.id\n"
       "  policy = data.aws_iam_policy_document.api.json\n}\n\n"
       "resource \"aws_iam_policy\" \"logs\" {\n  name   = \"${local.name}-logs\"\n  policy = <<-EOT\n    {\n"
       "      \"Version\": \"2012-10-17\",\n      \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"logs:CreateLogStream\", "
       "\"logs:PutLogEvents\"], \"Resource\": \"arn:aws:logs:*:*:log-group:/aws/lambda/${local.name}:*\"}]\n    }\n  EOT\n}\n\n"
       "resource \"aws_iam_role_policy_attachment\" \"logs\" {\n  role       = aws_iam_role.api.name\n"
       "  policy_arn = aws_iam_policy.logs.arn\n}\n\n";
  s += "resource \"aws_security_group\" \"api\" {\n  name = \"${local.name}-api\"\n  egress {\n    from_port   = 5432\n"
       "    to_port     = 5432\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/16\"]\n  }\n}\n\n";
  s += "resource \"aws_lambda_function\" \"api\" {\n  function_name = local.name\n  runtime       = \"nodejs20.x\"\n"
       "  architectures = [\"arm64\"]\n  handler       = \"dist/handler.handler\"\n  filename      = \"build/api.zip\"\n"
       "  role          = aws_iam_role.api.arn\n  vpc_config {\n    subnet_ids         = local.subnets\n"
       "    security_group_ids = [aws_security_group.api.id]\n  }\n  environment {\n    variables = {\n"
       "      DB_HOST       = aws_db_proxy.db.endpoint\n      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn\n"
       "      DATABASE_URL  = \"postgresql://app@${aws_db_proxy.db.endpoint}:5432/${module.db.database}?sslmode=require\"\n"
       "      SETTINGS      = jsonencode({ pool = 1, region = \"eu-west-1\", name = local.name })\n    }\n  }\n  tags = local.tags\n}\n\n";
  for (int k = 0; k < 20; ++k) {
    s += "resource \"aws_s3_bucket\" \"b" + std::to_string(k) + "\" {\n  bucket = \"${local.name}-" + std::to_string(k) +
         "\"\n  tags   = local.tags\n}\n";
  }
  return s;
}

const char* kDbModule =
    "variable \"name\" {}\nvariable \"password\" {\n  sensitive = true\n}\n\n"
    "resource \"aws_db_parameter_group\" \"this\" {\n  name   = var.name\n  family = \"postgres16\"\n"
    "  parameter {\n    name  = \"rds.force_ssl\"\n    value = \"1\"\n  }\n}\n\n"
    "resource \"aws_db_instance\" \"this\" {\n  identifier           = var.name\n  engine               = \"postgres\"\n"
    "  engine_version       = \"16.3\"\n  instance_class       = \"db.t4g.micro\"\n  db_name              = replace(var.name, \"-\", \"_\")\n"
    "  username             = \"app\"\n  password             = var.password\n"
    "  parameter_group_name = aws_db_parameter_group.this.name\n  iam_database_authentication_enabled = true\n}\n\n"
    "output \"identifier\" {\n  value = aws_db_instance.this.identifier\n}\n"
    "output \"resource_id\" {\n  value = aws_db_instance.this.resource_id\n}\n"
    "output \"database\" {\n  value = aws_db_instance.this.db_name\n}\n";

// Processor time of this process: the figure stays meaningful on a machine
// shared with other work (wall time is printed beside it).
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace
}  // namespace rdslint

int main(int argc, char** argv) {
  using namespace rdslint;
  const int stacks = argc > 1 ? std::atoi(argv[1]) : 2000;
  std::vector<iac::tf::Input> inputs;
  size_t bytes = 0;
  auto add = [&](std::string path, std::string text) {
    bytes += text.size();
    inputs.push_back(iac::tf::Input{path, "/bench/" + path, std::move(text)});
  };
  add("modules/db/main.tf", kDbModule);
  for (int i = 0; i < stacks; ++i) {
    const std::string dir = "services/svc" + std::to_string(i);
    add(dir + "/main.tf", Stack(i));
    add(dir + "/terraform.tfvars", "env = \"prod\"\n");
  }
  const double mb = static_cast<double>(bytes) / (1 << 20);
  printf("terraform tree: %zu files, %.1f MB (%d root stacks, each calling ../../modules/db)\n", inputs.size(), mb,
         stacks);

  auto start = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  size_t blocks = 0;
  for (const iac::tf::Input& in : inputs) blocks += hcl::ParseHcl(in.text).body.blocks.size();
  double parse_cpu = CpuSeconds() - cpu;
  double parse = Seconds(std::chrono::steady_clock::now() - start);
  printf("parse:        %7.1f MB/s  (%.3f s CPU, %.3f s wall; %zu top-level blocks)\n", mb / parse_cpu, parse_cpu,
         parse, blocks);

  start = std::chrono::steady_clock::now();
  cpu = CpuSeconds();
  iac::Graph g = iac::BuildTerraformGraph(inputs);
  double build_cpu = CpuSeconds() - cpu;
  double build = Seconds(std::chrono::steady_clock::now() - start);
  size_t statements = 0;
  for (const iac::Role& r : g.roles) statements += r.statements.size();
  printf("graph build:  %7.1f MB/s  (%.3f s CPU, %.3f s wall, parsing included; %zu databases, %zu functions, "
         "%zu roles with %zu statements, %zu problems)\n",
         mb / build_cpu, build_cpu, build, g.databases.size(), g.functions.size(), g.roles.size(), statements,
         g.problems.size());
  return 0;
}
