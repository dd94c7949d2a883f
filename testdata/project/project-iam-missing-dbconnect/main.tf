# IAM database authentication: the api role grants rds-db:connect for
# another user; the reports role grants it for the right one.

resource "aws_db_instance" "impulse" {
  identifier                          = "impulse-db"
  engine                              = "postgres"
  username                            = "impulse_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
}

resource "aws_iam_role" "api" {
  name = "impulse-api"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "rds-db:connect"
      Resource = "arn:aws:rds-db:us-east-1:123456789012:dbuser:${aws_db_instance.impulse.resource_id}/reports_app"
    }]
  })
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/connect.handler"
  filename      = "build/api.zip"
  role          = aws_iam_role.api.arn
  environment {
    variables = {
      DB_HOST = aws_db_instance.impulse.address
      DB_USER = "impulse_app"
    }
  }
}

resource "aws_iam_role" "reports" {
  name = "impulse-reports"
}

resource "aws_iam_role_policy" "reports" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "rds-db:connect"
      Resource = "arn:aws:rds-db:us-east-1:123456789012:dbuser:${aws_db_instance.impulse.resource_id}/reports_app"
    }]
  })
}

resource "aws_lambda_function" "reports" {
  function_name = "impulse-reports"
  runtime       = "nodejs20.x"
  handler       = "dist/reports.handler"
  filename      = "build/reports.zip"
  role          = aws_iam_role.reports.arn
  environment {
    variables = {
      DB_HOST = aws_db_instance.impulse.address
    }
  }
}
