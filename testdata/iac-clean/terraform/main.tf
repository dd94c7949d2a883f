# Impulse API: Lambda -> RDS Proxy (TLS, IAM) -> RDS for PostgreSQL 16.

data "aws_caller_identity" "current" {}

resource "aws_security_group" "lambda" {
  name   = "impulse-api"
  vpc_id = var.vpc_id

  egress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.proxy.id]
  }
}

resource "aws_security_group" "proxy" {
  name   = "impulse-proxy"
  vpc_id = var.vpc_id
}

resource "aws_security_group_rule" "lambda_to_proxy" {
  type                     = "ingress"
  security_group_id        = aws_security_group.proxy.id
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = aws_security_group.lambda.id
}

resource "aws_security_group" "db" {
  name   = "impulse-db"
  vpc_id = var.vpc_id

  ingress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.proxy.id]
  }
}

resource "aws_db_subnet_group" "impulse" {
  name       = "impulse"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_parameter_group" "impulse" {
  name   = "impulse-postgres16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "impulse" {
  identifier                          = "impulse-db"
  engine                              = "postgres"
  engine_version                      = "16.3"
  instance_class                      = "db.t4g.micro"
  allocated_storage                   = 20
  db_name                             = "impulse_db"
  username                            = "impulse_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  publicly_accessible                 = false
  parameter_group_name                = aws_db_parameter_group.impulse.name
  db_subnet_group_name                = aws_db_subnet_group.impulse.name
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
  name = "read-master-secret"
  role = aws_iam_role.proxy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = aws_db_instance.impulse.master_user_secret[0].secret_arn
    }]
  })
}

resource "aws_db_proxy" "impulse" {
  name                   = "impulse-proxy"
  engine_family          = "POSTGRESQL"
  require_tls            = true
  role_arn               = aws_iam_role.proxy.arn
  vpc_subnet_ids         = var.private_subnet_ids
  vpc_security_group_ids = [aws_security_group.proxy.id]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_db_instance.impulse.master_user_secret[0].secret_arn
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

resource "aws_iam_role" "api" {
  name = "impulse-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "api_vpc" {
  role       = aws_iam_role.api.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

data "aws_iam_policy_document" "api_connect" {
  statement {
    actions = ["rds-db:connect"]
    resources = [
      "arn:aws:rds-db:${var.region}:${data.aws_caller_identity.current.account_id}:dbuser:${element(split(":", aws_db_proxy.impulse.arn), 6)}/impulse_app",
    ]
  }
}

resource "aws_iam_role_policy" "api_connect" {
  name   = "connect-as-impulse-app"
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.api_connect.json
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  role          = aws_iam_role.api.arn
  runtime       = "nodejs20.x"
  architectures = ["arm64"]
  handler       = "dist/handler.handler"
  filename      = "dist/api.zip"

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.lambda.id]
  }

  environment {
    variables = {
      # The handler signs an IAM token for impulse_app and connects over TLS.
      DATABASE_URL = "postgresql://impulse_app@${aws_db_proxy.impulse.endpoint}:5432/impulse_db?sslmode=require"
      DB_HOST      = aws_db_proxy.impulse.endpoint
      DB_USER      = "impulse_app"
      AWS_REGION_NAME = var.region
    }
  }
}
