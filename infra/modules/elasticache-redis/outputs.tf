output "replication_group_id" {
  value = aws_elasticache_replication_group.this.id
}

output "primary_endpoint_address" {
  description = "Host for REDIS_URL (rediss://:<token>@<host>:6379/0)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "member_cluster_ids" {
  description = "Cache cluster ids (<group>-001, -002...), the dimension of node metrics; known at plan time so alarms can for_each over them."
  value       = [for i in range(var.num_cache_clusters) : format("%s-%03d", var.name, i + 1)]
}

output "port" {
  value = aws_elasticache_replication_group.this.port
}
