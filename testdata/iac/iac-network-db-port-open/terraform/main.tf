# Ingress to the database port from everywhere, and from a security group.

resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
  port                        = 6432
  vpc_security_group_ids      = [aws_security_group.db.id]
}

resource "aws_security_group" "proxy" {
  name = "impulse-proxy"
}

resource "aws_security_group" "db" {
  name = "impulse-db"

  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    # ruleid: iac-network-db-port-open col 21
    cidr_blocks = ["0.0.0.0/0"]
  }

  # The database of this project listens on 6432.
  ingress {
    protocol    = "tcp"
    from_port   = 6000
    to_port     = 7000
    # ruleid: iac-network-db-port-open col 21
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.proxy.id]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    # ok: iac-network-db-port-open
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "everything_v6" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  # ruleid: iac-network-db-port-open col 25
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_security_group_rule" "office" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  # ok: iac-network-db-port-open
  cidr_blocks       = ["203.0.113.0/24"]
}
