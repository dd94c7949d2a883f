output "db_endpoint" {
  description = "Where the application connects"
  value       = aws_db_proxy.main.endpoint
}

output "db_password" {
  value     = random_password.db.result
  sensitive = true
}

output "connection_string" {
  value     = "postgresql://${aws_db_instance.main.username}@${aws_db_instance.main.address}:${aws_db_instance.main.port}/${aws_db_instance.main.db_name}"
  sensitive = true
}

output "reader_endpoints" {
  value = aws_rds_cluster_instance.writer[*].endpoint
}

output "function_arns" {
  value = { for name, fn in aws_lambda_function.workers : name => fn.arn }
}
