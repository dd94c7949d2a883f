# Connection URLs in a function's environment, with and without TLS.

variable "db_host" {
  type = string
}

resource "aws_db_proxy" "main" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = true
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"

  environment {
    variables = {
      # ruleid: iac-tls-url-missing-sslmode col 50
      DATABASE_URL = "postgresql://impulse_app@${aws_db_proxy.main.endpoint}:5432/impulse_db"
      # ruleid: iac-tls-url-missing-sslmode col 46
      REPORTS_URL  = "postgresql://reporting@reports.example.com/reports?schema=public"
      # ruleid: iac-tls-url-missing-sslmode col 117
      AUDIT_URL    = "postgresql://audit@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com/audit?sslmode=prefer"
      # ok: iac-tls-url-missing-sslmode
      SECURE_URL   = "postgresql://impulse_app@${aws_db_proxy.main.endpoint}:5432/impulse_db?sslmode=require"
      # ok: iac-tls-url-missing-sslmode
      LOCAL_URL    = "postgresql://app@localhost:5432/app"
      # An unknown host is not a finding.
      # ok: iac-tls-url-missing-sslmode
      OTHER_URL    = "postgresql://app@${var.db_host}:5432/app"
    }
  }
}
