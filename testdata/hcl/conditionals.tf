locals {
  is_prod        = var.environment == "prod"
  instance_class = local.is_prod ? "db.r6g.large" : "db.t4g.micro"
  multi_az       = var.environment == "prod" || var.force_multi_az
  storage        = local.is_prod ? (var.big ? 1000 : 500) : 20
  nested         = var.a ? var.b ? "ab" : "a" : var.c ? "c" : "none"
  password       = var.db_password != null ? var.db_password : random_password.db.result
  port           = var.use_proxy ? aws_db_proxy.main.endpoint : aws_db_instance.main.address
}
