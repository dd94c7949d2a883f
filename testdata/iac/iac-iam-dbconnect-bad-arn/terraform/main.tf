# rds-db:connect resources, part by part.

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  prefix = "arn:aws:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser"
}

resource "aws_db_instance" "main" {
  identifier                          = "impulse-db"
  engine                              = "postgres"
  manage_master_user_password         = true
  username                            = "impulse_app"
  iam_database_authentication_enabled = true
}

resource "aws_db_proxy" "main" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = true
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
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

data "aws_iam_policy_document" "connect" {
  statement {
    actions = ["rds-db:connect"]
    resources = [
      # ruleid: iac-iam-dbconnect-bad-arn col 26
      "${local.prefix}:${aws_db_instance.main.identifier}/impulse_app",
      # ok: iac-iam-dbconnect-bad-arn
      "${local.prefix}:${aws_db_instance.main.resource_id}/impulse_app",
      # ruleid: iac-iam-dbconnect-bad-arn col 16
      "arn:aws:rds:us-east-1:123456789012:db:impulse-db",
      # ok: iac-iam-dbconnect-bad-arn
      "${local.prefix}:${element(split(":", aws_db_proxy.main.arn), 6)}/impulse_app",
      # ruleid: iac-iam-dbconnect-bad-arn col 26
      "${local.prefix}:${aws_db_proxy.main.id}/impulse_app",
      # ruleid: iac-iam-dbconnect-bad-arn col 46
      "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJKLMNOP",
      # ok: iac-iam-dbconnect-bad-arn
      "arn:aws:rds-db:us-east-1:123456789012:dbuser:cluster-ABCDEFGHIJKLMNOP/impulse_app",
    ]
  }
}

resource "aws_iam_role_policy" "connect" {
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.connect.json
}
