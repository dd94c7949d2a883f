resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "aurora-${var.environment}"
  engine                  = "aurora-postgresql"
  engine_mode             = "provisioned"
  engine_version          = "15.4"
  database_name           = "app"
  master_username         = "postgres"
  master_password         = random_password.db.result
  backup_retention_period = 5
  preferred_backup_window = "07:00-09:00"
  availability_zones      = ["us-east-1a", "us-east-1b", "us-east-1c"]

  serverlessv2_scaling_configuration {
    max_capacity = 4.0
    min_capacity = 0.5
  }
}

resource "aws_rds_cluster_instance" "writer" {
  count              = 2
  identifier         = "aurora-${var.environment}-${count.index}"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.aurora.engine
  engine_version     = aws_rds_cluster.aurora.engine_version
}

resource "random_password" "db" {
  length           = 32
  special          = true
  override_special = "!#$%&*()-_=+[]{}<>:?"
}
