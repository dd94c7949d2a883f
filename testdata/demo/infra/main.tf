# Impulse API infrastructure (Terraform).

variable "db_password" {
  type      = string
  default   = "Pl4nted-Impulse-2024"
  sensitive = true
}

resource "aws_db_instance" "impulse" {
  identifier          = "impulse-db"
  engine              = "postgres"
  engine_version      = "14.12"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  db_name             = "impulse_db"
  username            = "Impulse_App"
  password            = var.db_password
  publicly_accessible = true
  skip_final_snapshot = true
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation"
  rotation_rules {
    automatically_after_days = 1
  }
}

resource "aws_iam_role" "api" {
  name = "impulse-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "api_secrets" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:*"
      Resource = "*"
    }]
  })
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  architectures = ["arm64"]
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = aws_iam_role.api.arn

  environment {
    variables = {
      DATABASE_URL  = "postgresql://impulse_app:${var.db_password}@${aws_db_instance.impulse.address}:5432/impulse_db"
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }
}
