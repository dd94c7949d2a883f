variable "name" {
  type = string
}

variable "password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.t4g.micro"
  db_name        = replace(var.name, "-", "_")
  username       = "impulse_app"
  password       = var.password
}

resource "aws_secretsmanager_secret" "db" {
  name = "${var.name}/db"
}
