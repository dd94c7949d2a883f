# Allowing every action of a sensitive service.

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

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        # ruleid: iac-iam-wildcard-action col 21
        Action   = "secretsmanager:*"
        Resource = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/impulse/db-AbCdEf"
      },
      {
        Effect   = "Allow"
        # ok: iac-iam-wildcard-action
        Action   = ["rds-db:connect"]
        Resource = "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJKLMNOP/impulse_app"
      },
      {
        # A Deny may be as broad as it likes.
        Effect   = "Deny"
        # ok: iac-iam-wildcard-action
        Action   = "rds:*"
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    # ruleid: iac-iam-wildcard-action col 19
    actions   = ["kms:*"]
    resources = ["arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f"]
  }
  statement {
    # ok: iac-iam-wildcard-action
    actions   = ["logs:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = data.aws_iam_policy_document.ops.json
}
