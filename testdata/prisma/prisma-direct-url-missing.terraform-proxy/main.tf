resource "aws_db_proxy" "main" {
  name                = "impulse-proxy"
  engine_family       = "POSTGRESQL"
  require_tls         = true
  role_arn            = "arn:aws:iam::123456789012:role/impulse-proxy"
  vpc_subnet_ids      = ["subnet-0abc"]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:impulse-db"
  }
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  role          = "arn:aws:iam::123456789012:role/impulse-api"
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  runtime       = "nodejs22.x"

  environment {
    variables = {
      DATABASE_URL = "postgresql://impulse_app@${aws_db_proxy.main.endpoint}:5432/impulse_db?sslmode=require"
    }
  }
}
