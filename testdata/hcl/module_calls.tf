module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.0"

  identifier = "orders"

  engine               = "postgres"
  engine_version       = "15"
  family               = "postgres15"
  major_engine_version = "15"
  instance_class       = "db.t4g.large"

  allocated_storage = 20
  db_name           = "orders"
  username          = "orders_admin"
  port              = 5432

  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  publicly_accessible                 = false

  vpc_security_group_ids = [module.security_group.security_group_id]
  subnet_ids             = module.vpc.database_subnets

  parameters = [
    {
      name  = "rds.force_ssl"
      value = 1
    },
  ]

  tags = local.common_tags
}

module "api" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "orders-api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  source_path   = "../src/api"

  environment_variables = {
    DB_HOST = module.db.db_instance_address
    DB_PORT = tostring(module.db.db_instance_port)
  }

  attach_policy_statements = true
  policy_statements = {
    secrets = {
      effect    = "Allow"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [module.db.db_instance_master_user_secret_arn]
    }
  }
}

module "network" {
  source = "./modules/network"
  cidr   = "10.0.0.0/16"
  azs    = local.azs
}
