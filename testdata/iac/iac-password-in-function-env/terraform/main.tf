# Passwords in function environments: a password variable, a URL's
# password in place and through a variable default; and what is not one.

variable "reporting_url" {
  type = string
  # ruleid: iac-password-in-function-env col 37
  default = "postgresql://reporting:Pl4nted-url-default@reporting.internal:5432/reports"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"

  environment {
    variables = {
      # ruleid: iac-password-in-function-env col 24
      DB_PASSWORD   = "Pl4nted-env-literal"
      # ruleid: iac-password-in-function-env col 49
      DATABASE_URL  = "postgresql://impulse_app:Pl4nted-in-url@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require"
      REPORTING_URL = var.reporting_url
      # ok: iac-password-in-function-env
      DB_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf"
      # ok: iac-password-in-function-env
      PGPASSWORD    = var.db_password
      # ok: iac-password-in-function-env
      DIRECT_URL    = "postgresql://impulse_app:${var.db_password}@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db"
      # ok: iac-password-in-function-env
      TOKEN_URL     = "postgresql://impulse_app@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db"
    }
  }
}
