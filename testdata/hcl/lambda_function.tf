resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs18.x"
  architectures = ["arm64"]
  filename      = data.archive_file.api.output_path
  timeout       = 15
  memory_size   = 512

  source_code_hash = data.archive_file.api.output_base64sha256

  environment {
    variables = {
      DATABASE_URL = "postgresql://app:${random_password.db.result}@${aws_db_proxy.main.endpoint}:5432/app?sslmode=require"
      NODE_ENV     = "production"
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.lambda.id]
  }

  depends_on = [aws_iam_role_policy_attachment.lambda_vpc]
}

data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/dist"
  output_path = "${path.module}/build/api.zip"
}
