# Database credential secrets with and without rotation.

resource "random_password" "reporting" {
  length  = 32
  special = false
}

# ruleid: iac-refresh-no-rotation col 1
resource "aws_secretsmanager_secret" "reporting" {
  name = "prod/reporting/db"
}

resource "aws_secretsmanager_secret_version" "reporting" {
  secret_id = aws_secretsmanager_secret.reporting.id
  secret_string = jsonencode({
    username = "reporting"
    password = random_password.reporting.result
  })
}

# ok: iac-refresh-no-rotation
resource "aws_secretsmanager_secret" "app" {
  name = "prod/impulse/db"
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id
  secret_string = jsonencode({
    username = "impulse_app"
    password = random_password.reporting.result
  })
}

resource "aws_secretsmanager_secret_rotation" "app" {
  secret_id           = aws_secretsmanager_secret.app.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationMultiUser"
  rotation_rules {
    automatically_after_days = 30
  }
}

# RDS rotates the master password it manages.
# ok: iac-refresh-no-rotation
resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}

# Not a database credential.
# ok: iac-refresh-no-rotation
resource "aws_secretsmanager_secret" "stripe" {
  name = "prod/impulse/stripe-api-key"
}
