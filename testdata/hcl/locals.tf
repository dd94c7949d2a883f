locals {
  common_tags = {
    Project     = var.name
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  db_port    = 5432
  db_name    = "app"
  db_user    = "app_user"
  is_prod    = var.environment == "prod"
  backup_days = local.is_prod ? 30 : 7

  database_url = "postgresql://${local.db_user}:${var.db_password}@${aws_db_instance.main.address}:${local.db_port}/${local.db_name}"

  subnet_count = length(var.private_subnet_ids)
  azs          = slice(data.aws_availability_zones.available.names, 0, 3)
}

locals {
  merged_tags = merge(local.common_tags, { Component = "database" })
}
