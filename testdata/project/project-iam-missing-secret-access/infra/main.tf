# Two functions, three secrets. The api function's role may read only the
# reports secret; the worker's role reads the database secret.

resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

resource "aws_secretsmanager_secret" "reports" {
  name = "prod/reports/db"
}

resource "aws_kms_key" "audit" {
  description = "audit secret key"
}

resource "aws_secretsmanager_secret" "audit" {
  name       = "prod/audit/db"
  kms_key_id = aws_kms_key.audit.arn
}

resource "aws_iam_role" "api" {
  name = "impulse-api"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = [aws_secretsmanager_secret.reports.arn, aws_secretsmanager_secret.audit.arn]
      },
      {
        Effect   = "Deny"
        Action   = "secretsmanager:*"
        Resource = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/billing/*"
      }
    ]
  })
}

resource "aws_lambda_function" "api" {
  function_name = "impulse-api"
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  filename      = "build/api.zip"
  role          = aws_iam_role.api.arn

  environment {
    variables = {
      # ruleid: project-iam-missing-secret-access col 7
      DB_SECRET_ARN      = aws_secretsmanager_secret.db.arn
      # ok: project-iam-missing-secret-access
      REPORTS_SECRET_ARN = aws_secretsmanager_secret.reports.arn
      # The audit secret is readable, but its customer-managed key is not.
      # ruleid: project-iam-missing-secret-access col 7
      AUDIT_SECRET_ARN   = aws_secretsmanager_secret.audit.arn
      # ok: project-iam-missing-secret-access
      LOG_LEVEL          = "info"
    }
  }
}

resource "aws_iam_role" "worker" {
  name = "impulse-worker"
}

resource "aws_iam_policy" "worker" {
  name = "impulse-worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "worker" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.worker.arn
}

resource "aws_lambda_function" "worker" {
  function_name = "impulse-worker"
  runtime       = "nodejs20.x"
  handler       = "dist/worker.handler"
  filename      = "build/worker.zip"
  role          = aws_iam_role.worker.arn

  environment {
    variables = {
      # ok: project-iam-missing-secret-access
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }
}
