# Names, endpoints and ARNs only. The one output that points at a credential (the ARN of the
# RDS-managed master secret) is sensitive.

output "portal_url" {
  value = module.platform.portal_url
}

output "api_origin_domain_name" {
  value = module.platform.api_origin_domain_name
}

output "ecs_cluster_name" {
  value = module.platform.ecs_cluster_name
}

output "ecs_services" {
  value = module.platform.ecs_services
}

output "image_tag_parameters" {
  value = module.platform.image_tag_parameters
}

output "sites_url_template" {
  value = module.platform.sites_url_template
}

output "sites_distribution_id" {
  value = module.platform.sites_distribution_id
}

output "sites_distribution_domain_name" {
  value = module.platform.sites_distribution_domain_name
}

output "portal_bucket" {
  value = module.platform.portal_bucket
}

output "portal_distribution_id" {
  value = module.platform.portal_distribution_id
}

output "buckets" {
  value = module.platform.buckets
}

output "rds_primary_address" {
  value = module.platform.rds_primary_address
}

output "rds_replica_addresses" {
  value = module.platform.rds_replica_addresses
}

output "rds_master_user_secret_arn" {
  value     = module.platform.rds_master_user_secret_arn
  sensitive = true
}

output "redis_primary_endpoint" {
  value = module.platform.redis_primary_endpoint
}

output "dynamodb_tables" {
  value = module.platform.dynamodb_tables
}

output "secrets_kms_key_alias" {
  value = module.platform.secrets_kms_key_alias
}

output "parameters_to_set" {
  value = module.platform.parameters_to_set
}

output "alarm_topic_arn" {
  value = module.platform.alarm_topic_arn
}

output "scheduled_shutdown" {
  value = module.platform.scheduled_shutdown
}

output "rds_cross_region_replica_arn" {
  value = module.platform.rds_cross_region_replica_arn
}

output "warehouse" {
  description = "The nightly ETL's Redshift Serverless workgroup, database, COPY role and bucket."
  value       = module.platform.warehouse
}

output "warehouse_admin_secret_arn" {
  value     = module.platform.warehouse_admin_secret_arn
  sensitive = true
}

output "rds_writer_dns_name" {
  value = module.platform.rds_writer_dns_name
}

output "rds_replica_dns_names" {
  description = "For the *_DATABASE_READER_URLS parameters (each replica's lag is checked by the services)."
  value       = module.platform.rds_replica_dns_names
}

output "rds_reader_dns_name" {
  description = "One name over the healthy replicas, for clients other than the services."
  value       = module.platform.rds_reader_dns_name
}
