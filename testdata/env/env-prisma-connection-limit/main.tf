resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  role          = aws_iam_role.api.arn
  filename      = "build/api.zip"
}
