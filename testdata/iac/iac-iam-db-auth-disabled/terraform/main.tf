# IAM database authentication on, off, and not set.

# ruleid: iac-iam-db-auth-disabled col 1
resource "aws_db_instance" "unset" {
  identifier                  = "unset-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}

resource "aws_db_instance" "off" {
  identifier                          = "off-db"
  engine                              = "postgres"
  manage_master_user_password         = true
  username                            = "impulse_app"
  # ruleid: iac-iam-db-auth-disabled col 41
  iam_database_authentication_enabled = false
}

# ok: iac-iam-db-auth-disabled
resource "aws_rds_cluster" "on" {
  cluster_identifier                  = "on-cluster"
  engine                              = "aurora-postgresql"
  manage_master_user_password         = true
  master_username                     = "impulse_app"
  iam_database_authentication_enabled = true
}

# An instance of that cluster follows the cluster.
# ok: iac-iam-db-auth-disabled
resource "aws_rds_cluster_instance" "on_1" {
  cluster_identifier = aws_rds_cluster.on.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
