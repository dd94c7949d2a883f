resource "aws_lambda_function" "prisma" {
  function_name = "orders-prisma"
  role          = aws_iam_role.lambda.arn
  package_type  = "Image"
  image_uri     = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
  architectures = [var.arm ? "arm64" : "x86_64"]
  layers        = compact([var.extension_layer_arn, try(aws_lambda_layer_version.prisma[0].arn, "")])

  image_config {
    command = ["dist/handler.main"]
  }

  environment {
    variables = {
      DATABASE_URL        = "postgresql://${var.db_user}:${urlencode(var.db_password)}@${aws_db_proxy.main.endpoint}/app?sslmode=verify-full&connection_limit=1"
      PRISMA_CLI_BINARY_TARGETS = "linux-arm64-openssl-3.0.x"
      SECRET_ID           = aws_secretsmanager_secret.db.name
      REFRESH_SECONDS     = 300
    }
  }

  tracing_config {
    mode = "Active"
  }

  ephemeral_storage {
    size = 1024
  }
}
