# Reading every secret, connecting as every user, decrypting with every key.

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

resource "aws_secretsmanager_secret" "db" {
  name = "prod/impulse/db"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        # ruleid: iac-iam-wildcard-resource col 21
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "rds-db:connect"
        # ruleid: iac-iam-wildcard-resource col 21
        Resource = "arn:aws:rds-db:us-east-1:123456789012:dbuser:*/*"
      },
      {
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        # ok: iac-iam-wildcard-resource
        Resource = aws_secretsmanager_secret.db.arn
      },
      {
        Effect   = "Allow"
        Action   = "rds-db:connect"
        # ok: iac-iam-wildcard-resource
        Resource = "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJKLMNOP/impulse_app"
      },
    ]
  })
}

data "aws_iam_policy_document" "decrypt" {
  statement {
    actions = ["kms:Decrypt"]
    # ruleid: iac-iam-wildcard-resource col 19
    resources = ["arn:aws:kms:us-east-1:123456789012:key/*"]
  }
  # Narrowed by a condition: left alone.
  statement {
    actions = ["kms:Decrypt"]
    # ok: iac-iam-wildcard-resource
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.us-east-1.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "decrypt" {
  name   = "decrypt"
  policy = data.aws_iam_policy_document.decrypt.json
}
