# How often database credentials rotate, and with which strategy.

resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}

resource "aws_secretsmanager_secret" "daily" {
  name = "prod/impulse/daily"
}

resource "aws_secretsmanager_secret_rotation" "daily" {
  secret_id           = aws_secretsmanager_secret.daily.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationSingleUser"
  rotation_rules {
    # ruleid: iac-refresh-rotation-too-frequent col 32
    automatically_after_days = 1
  }
}

resource "aws_secretsmanager_secret" "hourly" {
  name = "prod/impulse/hourly"
}

resource "aws_secretsmanager_secret_rotation" "hourly" {
  secret_id           = aws_secretsmanager_secret.hourly.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate-db"
  rotation_rules {
    # ruleid: iac-refresh-rotation-too-frequent col 28
    schedule_expression = "rate(4 hours)"
  }
}

resource "aws_secretsmanager_secret" "monthly" {
  name = "prod/impulse/monthly"
}

resource "aws_secretsmanager_secret_rotation" "monthly" {
  secret_id           = aws_secretsmanager_secret.monthly.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationSingleUser"
  rotation_rules {
    # ok: iac-refresh-rotation-too-frequent
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "alternating" {
  name = "prod/impulse/alternating"
}

# Alternating users keep the previous user valid: no window to fall into.
resource "aws_secretsmanager_secret_rotation" "alternating" {
  secret_id           = aws_secretsmanager_secret.alternating.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationMultiUser"
  rotation_rules {
    # ok: iac-refresh-rotation-too-frequent
    automatically_after_days = 1
  }
}
