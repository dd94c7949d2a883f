# A Lambda project whose PostgreSQL database no proxy fronts.

# ruleid: iac-endpoint-no-proxy col 1
resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  engine_version              = "16.3"
  manage_master_user_password = true
  username                    = "impulse_app"
}

# Other engines are not this rule's business.
# ok: iac-endpoint-no-proxy
resource "aws_db_instance" "legacy" {
  identifier = "legacy-mysql"
  engine     = "mysql"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
}
