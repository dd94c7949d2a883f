# rds.force_ssl: set to 0, left to the default of an affected version, or
# forced; Aurora's default is 0.

resource "aws_db_instance" "pg14_default_group" {
  identifier     = "pg14"
  engine         = "postgres"
  # ruleid: iac-tls-db-not-forced col 21
  engine_version = "14.12"
}

resource "aws_db_instance" "pg16_default_group" {
  identifier     = "pg16"
  engine         = "postgres"
  # ok: iac-tls-db-not-forced
  engine_version = "16.3"
}

resource "aws_db_parameter_group" "ssl_off" {
  name   = "ssl-off"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    # ruleid: iac-tls-db-not-forced col 14
    value = "0"
  }
}

resource "aws_db_instance" "pg16_ssl_off" {
  identifier           = "pg16-off"
  engine               = "postgres"
  engine_version       = "16.3"
  parameter_group_name = aws_db_parameter_group.ssl_off.name
}

resource "aws_db_parameter_group" "ssl_on" {
  name   = "ssl-on"
  family = "postgres13"
  parameter {
    name  = "rds.force_ssl"
    # ok: iac-tls-db-not-forced
    value = "1"
  }
}

resource "aws_db_instance" "pg13_forced" {
  identifier           = "pg13"
  engine               = "postgres"
  engine_version       = "13.15"
  parameter_group_name = aws_db_parameter_group.ssl_on.name
}

# ruleid: iac-tls-db-not-forced col 1
resource "aws_db_parameter_group" "tuning" {
  name   = "tuning"
  family = "postgres12"
  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_db_instance" "pg12_tuned" {
  identifier           = "pg12"
  engine               = "postgres"
  engine_version       = "12.19"
  parameter_group_name = aws_db_parameter_group.tuning.name
}

# ruleid: iac-tls-db-not-forced col 1
resource "aws_rds_cluster" "aurora_default" {
  cluster_identifier = "aurora-default"
  engine             = "aurora-postgresql"
  engine_version     = "15.4"
}

resource "aws_rds_cluster_parameter_group" "aurora_ssl" {
  name   = "aurora-ssl"
  family = "aurora-postgresql15"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

# ok: iac-tls-db-not-forced
resource "aws_rds_cluster" "aurora_forced" {
  cluster_identifier              = "aurora-forced"
  engine                          = "aurora-postgresql"
  engine_version                  = "15.4"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora_ssl.name
}

# The cluster's setting decides for its instances.
# ok: iac-tls-db-not-forced
resource "aws_rds_cluster_instance" "aurora_forced_1" {
  cluster_identifier = aws_rds_cluster.aurora_forced.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

# A group this configuration does not hold: nothing can be said.
# ok: iac-tls-db-not-forced
resource "aws_db_instance" "shared_group" {
  identifier           = "shared"
  engine               = "postgres"
  engine_version       = "13.15"
  parameter_group_name = "platform-shared-postgres13"
}
