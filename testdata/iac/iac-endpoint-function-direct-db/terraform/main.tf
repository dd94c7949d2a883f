# Functions pointed at the instance or cluster instead of the proxy.

resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  engine_version              = "16.3"
  manage_master_user_password = true
  username                    = "impulse_app"
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier          = "analytics"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "analytics"
}

resource "aws_db_proxy" "main" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = true
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

resource "aws_db_proxy_default_target_group" "main" {
  db_proxy_name = aws_db_proxy.main.name
}

resource "aws_db_proxy_target" "main" {
  db_proxy_name          = aws_db_proxy.main.name
  target_group_name      = aws_db_proxy_default_target_group.main.name
  db_instance_identifier = aws_db_instance.main.identifier
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"

  environment {
    variables = {
      # ruleid: iac-endpoint-function-direct-db col 27
      DB_HOST           = aws_db_instance.main.address
      # ruleid: iac-endpoint-function-direct-db col 53
      ANALYTICS_URL     = "postgresql://analytics@${aws_rds_cluster.analytics.reader_endpoint}:5432/analytics?sslmode=require"
      # ruleid: iac-endpoint-function-direct-db col 53
      LEGACY_URL        = "postgresql://impulse_app@impulse-db.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require"
      # ok: iac-endpoint-function-direct-db
      DB_PROXY_HOST     = aws_db_proxy.main.endpoint
      # ok: iac-endpoint-function-direct-db
      DATABASE_URL      = "postgresql://impulse_app@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require"
      # ok: iac-endpoint-function-direct-db
      DB_RESOURCE_ID    = aws_db_instance.main.resource_id
    }
  }
}
