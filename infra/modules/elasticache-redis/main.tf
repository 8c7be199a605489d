# elasticache-redis: a Redis 7 replication group for the cache, rate limits and BullMQ queues.
# Encrypted at rest (customer-managed key) and in transit (clients use rediss://), AUTH token
# required. The token is read from SSM; Terraform state keeps a copy (the replication group's
# auth_token attribute), which is one reason the state bucket is encrypted and access-restricted.

resource "aws_kms_key" "redis" {
  description             = "ElastiCache ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_elasticache_parameter_group" "this" {
  name   = "${var.name}-redis7"
  family = "redis7"

  parameter {
    name  = "maxmemory-policy"
    value = var.maxmemory_policy
  }
}

data "aws_ssm_parameter" "auth_token" {
  name            = var.auth_token_parameter_name
  with_decryption = true
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Showroom cache, rate limits and queues"
  engine               = "redis"
  engine_version       = var.engine_version
  node_type            = var.node_type
  num_cache_clusters   = var.num_cache_clusters
  port                 = 6379

  automatic_failover_enabled = var.automatic_failover
  multi_az_enabled           = var.automatic_failover

  subnet_group_name    = aws_elasticache_subnet_group.this.name
  security_group_ids   = var.security_group_ids
  parameter_group_name = aws_elasticache_parameter_group.this.name

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.redis.arn
  transit_encryption_enabled = true
  auth_token                 = data.aws_ssm_parameter.auth_token.value
  auth_token_update_strategy = "ROTATE"

  snapshot_retention_limit   = var.snapshot_retention_days
  snapshot_window            = "06:00-07:00"
  maintenance_window         = "sun:07:30-sun:08:30"
  auto_minor_version_upgrade = true
  apply_immediately          = false

  lifecycle {
    precondition {
      condition     = !var.automatic_failover || var.num_cache_clusters >= 2
      error_message = "automatic_failover needs num_cache_clusters >= 2."
    }
  }
}
