variable "name" {
  type = string
}

variable "database_url" {
  type      = string
  sensitive = true
}

variable "secret_arn" {
  type = string
}

resource "aws_iam_role" "this" {
  name = "${var.name}-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_policy" "read_secret" {
  name   = "${var.name}-read-secret"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["secretsmanager:GetSecretValue"],
          "Resource": "${var.secret_arn}"
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy_attachment" "read_secret" {
  role       = aws_iam_role.this.name
  policy_arn = aws_iam_policy.read_secret.arn
}

resource "aws_iam_role_policy_attachment" "basic" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = aws_iam_role.this.arn

  environment {
    variables = {
      DATABASE_URL  = var.database_url
      DB_SECRET_ARN = var.secret_arn
    }
  }
}
