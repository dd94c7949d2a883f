resource "aws_db_instance" "main" {
  engine = "postgres"

resource "aws_db_proxy" "main" {
  name = "proxy"
}
