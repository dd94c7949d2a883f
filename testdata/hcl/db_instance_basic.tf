# A plain PostgreSQL instance with a hard-coded password (the classic mistake).
resource "aws_db_instance" "main" {
  identifier        = "orders-db"
  engine            = "postgres"
  engine_version    = "15.4"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app"
  password          = "hunter2-but-longer"
  skip_final_snapshot = true
  publicly_accessible = false
}
