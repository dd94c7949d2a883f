resource "aws_db_proxy" "impulse" {
  name                   = "impulse-proxy"
  engine_family          = "POSTGRESQL"
  require_tls            = true
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf"
  }
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/db.handler"
  filename      = "build/api.zip"
  role          = "arn:aws:iam::123456789012:role/impulse-api"
  environment {
    variables = {
      DB_HOST = aws_db_proxy.impulse.endpoint
    }
  }
}

# PGSSLMODE=require: node-postgres and libpq read it when the code sets nothing.
resource "aws_lambda_function" "jobs" {
  function_name = "impulse-jobs"
  runtime       = "nodejs20.x"
  handler       = "dist/jobs.handler"
  filename      = "build/jobs.zip"
  role          = "arn:aws:iam::123456789012:role/impulse-jobs"
  environment {
    variables = {
      DB_HOST   = aws_db_proxy.impulse.endpoint
      PGSSLMODE = "require"
    }
  }
}
