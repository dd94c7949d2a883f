resource "aws_iam_role_policy" "too_broad" {
  role = aws_iam_role.lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }, {
      Effect    = "Allow"
      NotAction = ["iam:*"]
      Resource  = ["*"]
    }]
  })
}

data "aws_iam_policy_document" "wildcards" {
  statement {
    actions   = ["rds:*", "secretsmanager:*"]
    resources = ["*"]
  }

  statement {
    effect        = "Deny"
    not_actions   = ["rds:Describe*"]
    not_resources = [aws_db_instance.main.arn]
  }

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}
