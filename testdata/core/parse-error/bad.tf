# A syntax error is reported where HCL reports it, and the blocks after it
# are still read.
resource "aws_db_instance" "broken" {
  engine   = "postgres"
# ruleid: parse-error col 20
  username = "app" "x"
}

# ok: parse-error
resource "aws_db_instance" "fine" {
  engine = "postgres"
}

locals {
# ruleid: parse-error col 16
  port = 5432 +
  # ok: parse-error
  name = "impulse_db"
}
