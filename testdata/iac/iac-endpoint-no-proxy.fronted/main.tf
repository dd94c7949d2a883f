# The same project with a proxy in front of the database.

# ok: iac-endpoint-no-proxy
resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  engine_version              = "16.3"
  manage_master_user_password = true
  username                    = "impulse_app"
}

resource "aws_db_proxy" "main" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = true
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

resource "aws_db_proxy_default_target_group" "main" {
  db_proxy_name = aws_db_proxy.main.name
}

resource "aws_db_proxy_target" "main" {
  db_proxy_name          = aws_db_proxy.main.name
  target_group_name      = aws_db_proxy_default_target_group.main.name
  db_instance_identifier = aws_db_instance.main.identifier
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
}
