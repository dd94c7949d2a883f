resource "aws_db_instance" "crlf" {
  engine   = "postgres"
  username = "app"
  port     = 5432
}
