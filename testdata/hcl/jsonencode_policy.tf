resource "aws_iam_policy" "db_access" {
  name        = "db-access"
  description = "Lets the API read its database secret"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "rds-db:connect",
        ]
        Resource = ["arn:aws:rds-db:*:*:dbuser:*/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "true" }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "db_access" {
  role       = aws_iam_role.lambda.name
  policy_arn = aws_iam_policy.db_access.arn
}
