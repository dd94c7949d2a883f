# Impulse API (Terraform): the incident's stack, as every folder of
# testdata/iac-graph describes it (see its README).

variable "db_name" {
  type    = string
  default = "impulse_db"
}

variable "db_username" {
  type    = string
  default = "impulse_app"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Pl4nted-tf-default"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

# The master password: generated, stored in the secret, and read back from
# it for the DB.
resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = var.db_username
    password = random_password.db.result
    engine   = "postgres"
    port     = 5432
    dbname   = var.db_name
  })
}

# The single-user PostgreSQL rotation function, from AWS's Serverless
# Application Repository.
resource "aws_serverlessapplicationrepository_cloudformation_stack" "rotator" {
  name           = "impulse-db-rotation"
  application_id = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser"
  capabilities   = ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"]
  parameters = {
    endpoint     = "https://secretsmanager.${data.aws_region.current.name}.amazonaws.com"
    functionName = "impulse-db-rotation"
  }
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_serverlessapplicationrepository_cloudformation_stack.rotator.outputs.RotationLambdaARN

  rotation_rules {
    automatically_after_days = 1
  }
}

resource "aws_db_parameter_group" "impulse" {
  name   = "impulse"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}

resource "aws_security_group" "db" {
  name = "impulse-db"

  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "lambda" {
  name = "impulse-api"
}

resource "aws_db_instance" "impulse" {
  identifier                          = "impulse-db"
  engine                              = "postgres"
  engine_version                      = "14.10"
  instance_class                      = "db.t4g.micro"
  allocated_storage                   = 20
  db_name                             = var.db_name
  username                            = var.db_username
  password                            = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]
  parameter_group_name                = aws_db_parameter_group.impulse.name
  iam_database_authentication_enabled = false
  publicly_accessible                 = false
  port                                = 5432
  vpc_security_group_ids              = [aws_security_group.db.id]
  skip_final_snapshot                 = true
}

resource "aws_iam_role" "proxy" {
  name = "impulse-proxy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "proxy_secret" {
  name = "read-db-secret"
  role = aws_iam_role.proxy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = aws_secretsmanager_secret.db.arn
    }]
  })
}

resource "aws_db_proxy" "impulse" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = false
  role_arn       = aws_iam_role.proxy.arn
  vpc_subnet_ids = var.subnet_ids

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "DISABLED"
    secret_arn  = aws_secretsmanager_secret.db.arn
  }
}

resource "aws_db_proxy_default_target_group" "impulse" {
  db_proxy_name = aws_db_proxy.impulse.name
}

resource "aws_db_proxy_target" "impulse" {
  db_proxy_name          = aws_db_proxy.impulse.name
  target_group_name      = aws_db_proxy_default_target_group.impulse.name
  db_instance_identifier = aws_db_instance.impulse.identifier
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# rds-db:connect on the instance identifier instead of its resource id.
data "aws_iam_policy_document" "api" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.db.arn]
  }
  statement {
    actions   = ["rds-db:connect"]
    resources = ["arn:aws:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_db_instance.impulse.identifier}/${var.db_username}"]
  }
}

resource "aws_iam_role" "api" {
  name               = "impulse-api"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

resource "aws_iam_role_policy" "api" {
  name   = "impulse-api-db"
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.api.json
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id  = aws_secretsmanager_secret.db.id
  depends_on = [aws_secretsmanager_secret_version.db]
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  architectures = ["arm64"]
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = aws_iam_role.api.arn
  timeout       = 10

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.lambda.id]
  }

  environment {
    variables = {
      DB_NAME       = var.db_name
      DB_HOST       = aws_db_instance.impulse.address
      DB_PROXY_HOST = aws_db_proxy.impulse.endpoint
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
      DB_PASSWORD   = var.db_password
      DATABASE_URL  = "postgresql://${var.db_username}:${jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]}@${aws_db_proxy.impulse.endpoint}:5432/${var.db_name}?sslmode=require"
    }
  }
}
