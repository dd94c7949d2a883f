variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "impulse" {
  identifier = "impulse-db"
  engine     = "postgres"
  username   = "Impulse_App"
  password   = var.db_password
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = "arn:aws:iam::123456789012:role/impulse-api"
  environment {
    variables = {
      # ruleid: project-user-case-mismatch col 36
      DATABASE_URL = "postgresql://impulse_app:${var.db_password}@${aws_db_instance.impulse.address}:5432/impulse_db?sslmode=require"
      # ok: project-user-case-mismatch
      ADMIN_URL    = "postgresql://Impulse_App:${var.db_password}@${aws_db_instance.impulse.address}:5432/impulse_db?sslmode=require"
    }
  }
}
