# The same stack split into local modules, with its variables set in
# terraform.tfvars: values flow into the modules and back out of them.

locals {
  name = "impulse-${var.environment}"
}

module "db" {
  source   = "./modules/db"
  name     = local.name
  password = var.db_password
}

module "api" {
  source       = "./modules/api"
  name         = local.name
  database_url = "postgresql://${module.db.username}:${var.db_password}@${module.db.address}:5432/${module.db.database}"
  secret_arn   = module.db.secret_arn
}
