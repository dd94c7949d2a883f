resource "aws_db_instance" "main" {
  password = "one"
  password = "two"
}
