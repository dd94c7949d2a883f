# Databases with and without a public address.

resource "aws_db_instance" "public" {
  identifier                  = "public-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
  # ruleid: iac-network-db-public col 33
  publicly_accessible         = true
}

resource "aws_db_instance" "private" {
  identifier                  = "private-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
  # ok: iac-network-db-public
  publicly_accessible         = false
}

# ok: iac-network-db-public
resource "aws_db_instance" "default" {
  identifier                  = "default-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}
