environment = "prod"
db_password = "Pl4nted-tfvars"
