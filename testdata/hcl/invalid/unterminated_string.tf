resource "aws_db_instance" "main" {
  password = "no closing quote
  engine   = "postgres"
}
