resource "aws_iam_role" "lambda" {
  name               = "impulse-api"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  role          = aws_iam_role.lambda.arn
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  runtime       = "nodejs20.x"
  architectures = ["arm64"]
  environment {
    variables = {
      DATABASE_URL = "postgresql://impulse_app@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require"
    }
  }
}
