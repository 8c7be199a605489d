output "portal_url" {
  value = module.portal.url
}

output "api_origin_domain_name" {
  description = "The ALB's own name (CloudFront's /api/* origin)."
  value       = module.alb.domain_name
}

output "ecs_cluster_name" {
  value = module.ecs_cluster.name
}

output "ecs_services" {
  value = merge({ for name, service in module.service : name => service.service_name }, { storefront = module.storefront.service_name })
}

output "image_tag_parameters" {
  value = merge({ for name, service in module.service : name => service.image_tag_parameter_name }, { storefront = module.storefront.image_tag_parameter_name })
}

output "sites_url_template" {
  description = "A dealership's platform site: https://<slug>.<sites domain>."
  value       = "https://{slug}.${module.storefront.sites_domain}"
}

output "sites_distribution_id" {
  value = module.storefront.distribution_id
}

output "sites_distribution_domain_name" {
  description = "Where a dealer's own domain points (CNAME) once the provisioner has attached it."
  value       = module.storefront.distribution_domain_name
}

output "portal_bucket" {
  value = module.portal.bucket
}

output "portal_distribution_id" {
  value = module.portal.distribution_id
}

output "buckets" {
  value = {
    logs      = module.logs_bucket.bucket
    media     = module.media_bucket.bucket
    reports   = module.reports_bucket.bucket
    warehouse = module.warehouse_bucket.bucket
  }
}

output "rds_primary_address" {
  value = module.rds.primary_address
}

output "rds_replica_addresses" {
  value = module.rds.replica_addresses
}

output "rds_cross_region_replica_arn" {
  value = module.rds.cross_region_replica_arn
}

output "rds_master_user_secret_arn" {
  description = "Secrets Manager secret (managed by RDS) holding the master credentials."
  value       = module.rds.master_user_secret_arn
  sensitive   = true
}

output "redis_primary_endpoint" {
  value = module.redis.primary_endpoint_address
}

output "dynamodb_tables" {
  value = module.timelines.table_names
}

output "secrets_kms_key_alias" {
  value = module.secrets.kms_key_alias
}

output "parameters_to_set" {
  description = "SecureString parameters to put (aws ssm put-parameter) before the services start."
  value       = module.secrets.parameter_names_to_set
}

output "alarm_topic_arn" {
  value = module.monitoring.alarm_topic_arn
}

output "scheduled_shutdown" {
  value = var.scheduled_shutdown ? "${module.scheduler[0].stop_schedule} -> ${module.scheduler[0].start_schedule}" : "off"
}

output "warehouse" {
  description = "What the nightly ETL and analysts need: names and ARNs, no secret."
  value = {
    workgroup     = module.warehouse.workgroup_name
    database      = module.warehouse.database_name
    copy_role_arn = module.warehouse.copy_role_arn
    bucket        = module.warehouse_bucket.bucket
  }
}

output "warehouse_admin_secret_arn" {
  description = "The Secrets Manager secret Redshift keeps the warehouse's admin password in."
  value       = module.warehouse.admin_secret_arn
  sensitive   = true
}

output "rds_writer_dns_name" {
  value = module.rds.writer_dns_name
}

output "rds_replica_dns_names" {
  value = module.rds.replica_dns_names
}

output "rds_reader_dns_name" {
  value = module.rds.reader_dns_name
}
