output "address" {
  value = aws_db_instance.this.address
}

output "username" {
  value = aws_db_instance.this.username
}

output "database" {
  value = aws_db_instance.this.db_name
}

output "secret_arn" {
  value = aws_secretsmanager_secret.db.arn
}
