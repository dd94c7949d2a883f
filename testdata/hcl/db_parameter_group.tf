resource "aws_db_parameter_group" "pg15" {
  name   = "${var.name}-pg15"
  family = "postgres15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name         = "log_min_duration_statement"
    value        = 500
    apply_method = "pending-reboot"
  }

  lifecycle {
    create_before_destroy = true
  }
}
