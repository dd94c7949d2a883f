# RDS Proxy TLS: false, not set (defaults to false), true; another engine.

resource "aws_db_proxy" "off" {
  name          = "impulse-off"
  engine_family = "POSTGRESQL"
  role_arn      = "arn:aws:iam::123456789012:role/proxy"
  # ruleid: iac-tls-proxy-not-required col 19
  require_tls   = false
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

# ruleid: iac-tls-proxy-not-required col 1
resource "aws_db_proxy" "unset" {
  name           = "impulse-unset"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

# ok: iac-tls-proxy-not-required
resource "aws_db_proxy" "on" {
  name           = "impulse-on"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  # ok: iac-tls-proxy-not-required
  require_tls    = true
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}

# ok: iac-tls-proxy-not-required
resource "aws_db_proxy" "mysql" {
  name           = "legacy-mysql"
  engine_family  = "MYSQL"
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
}
