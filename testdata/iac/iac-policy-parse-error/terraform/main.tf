# Policy documents that IAM would reject.

resource "aws_iam_role_policy" "truncated" {
  role   = "impulse-api"
  # ruleid: iac-policy-parse-error col 59
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\""
}

resource "aws_iam_policy" "no_effect" {
  name = "no-effect"
  # ruleid: iac-policy-parse-error col 62
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Action = "secretsmanager:GetSecretValue", Resource = "*" }] })
}

resource "aws_iam_policy" "fine" {
  name = "fine"
  # ok: iac-policy-parse-error
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "logs:CreateLogStream", Resource = "*" }] })
}
