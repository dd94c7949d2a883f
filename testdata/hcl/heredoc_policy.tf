resource "aws_iam_role_policy" "legacy" {
  name = "legacy-inline"
  role = aws_iam_role.lambda.id

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["rds:*", "secretsmanager:*"],
      "Effect": "Allow",
      "Resource": "${aws_db_instance.main.arn}"
    }
  ]
}
EOF
}

resource "aws_iam_role" "proxy" {
  name = "rds-proxy"

  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "rds.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }
  POLICY
}
