resource aws_db_instance unquoted_labels {
  engine = "postgres"
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

resource "aws_kms_key" "db" {
  description             = "RDS encryption"
  deletion_window_in_days = 10
  enable_key_rotation     = true
}

resource "aws_kms_alias" "db" {
  name          = "alias/orders-db"
  target_key_id = aws_kms_key.db.key_id
}
