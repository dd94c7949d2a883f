resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = "arn:aws:iam::123456789012:role/impulse-api"
  environment {
    variables = {
      DATABASE_SECRET_ARN = aws_secretsmanager_secret.db.arn
      DB_NAME             = "impulse_db"
    }
  }
}
