# Master passwords: literal in place, through a variable default, through
# terraform.tfvars; and the ways that are not literals.

resource "aws_db_instance" "inline" {
  identifier     = "inline-db"
  engine         = "postgres"
  engine_version = "16.3"
  username       = "app"
  # ruleid: iac-password-literal col 21
  password       = "Pl4nted-inline-2024"
}

resource "aws_rds_cluster" "from_default" {
  cluster_identifier = "from-default"
  engine             = "aurora-postgresql"
  master_username    = "app"
  master_password    = var.cluster_password
}

resource "aws_db_instance" "from_tfvars" {
  identifier = "reporting-db"
  engine     = "postgres"
  username   = "app"
  password   = var.reporting_password
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_db_instance" "generated" {
  identifier = "generated-db"
  engine     = "postgres"
  username   = "app"
  # ok: iac-password-literal
  password   = random_password.db.result
}

resource "aws_db_instance" "managed" {
  identifier                  = "managed-db"
  engine                      = "postgres"
  username                    = "app"
  # ok: iac-password-literal
  manage_master_user_password = true
}

resource "aws_db_instance" "at_apply" {
  identifier = "ops-db"
  engine     = "postgres"
  username   = "app"
  # ok: iac-password-literal
  password   = var.ops_password
}
