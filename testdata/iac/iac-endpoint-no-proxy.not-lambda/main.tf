# No function is deployed here: the rule is about Lambda projects.

# ok: iac-endpoint-no-proxy
resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}
