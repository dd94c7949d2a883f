region          = "us-east-1"
environment     = "prod"
db_password     = "s3cr3t-from-tfvars"
replica_count   = 2
private_subnets = ["subnet-0a1b2c", "subnet-3d4e5f"]
db_settings = {
  instance_class = "db.r6g.large"
  storage        = 100
  tags = {
    Team = "payments"
  }
}
