resource "aws_iam_policy" "p" {
  policy = <<EOF
{
  "Version": "2012-10-17"
}
