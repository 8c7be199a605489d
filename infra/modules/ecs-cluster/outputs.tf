# Both come from the capacity-provider association, so services (which may ask for FARGATE_SPOT)
# are only created once the cluster can place them.
output "name" {
  value = aws_ecs_cluster_capacity_providers.this.cluster_name
}

output "arn" {
  value      = aws_ecs_cluster.this.arn
  depends_on = [aws_ecs_cluster_capacity_providers.this]
}
