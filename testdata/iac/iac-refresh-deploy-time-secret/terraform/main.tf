# Secrets resolved when Terraform applies, frozen into the function.

resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"

  environment {
    variables = {
      # ruleid: iac-refresh-deploy-time-secret col 24
      DB_CREDENTIALS = data.aws_secretsmanager_secret_version.db.secret_string
      # ruleid: iac-refresh-deploy-time-secret col 50
      DATABASE_URL   = "postgresql://impulse_app:${jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]}@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require"
      # ok: iac-refresh-deploy-time-secret
      DB_SECRET_ARN  = aws_secretsmanager_secret.db.arn
    }
  }
}
