output "instance_ids" {
  value = aws_instance.web.*.id
}

output "subnet_cidrs" {
  value = aws_subnet.private[*].cidr_block
}

output "nested_splat" {
  value = aws_rds_cluster.main[*].cluster_members[0]
}

output "attr_splat_then_index" {
  value = aws_instance.web.*.network_interface[0]
}

output "full_splat_chain" {
  value = var.clusters[*].instances[*].endpoint
}

output "bare_splat" {
  value = var.list[*]
}
