resource "aws_db_instance" "main" { engine = "postgres", username = "app" }
