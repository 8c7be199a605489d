# The one root of dev, qa, beta and prod: the whole platform, shaped by envs/<env>.tfvars, its state
# chosen by envs/<env>.backend.hcl. See infra/README.md.
module "platform" {
  source = "../modules/platform"

  providers = {
    aws = aws
    # The cross-region replica (prod) is created in us-west-2; elsewhere nothing uses it.
    aws.replica = aws.us_west_2
  }

  environment      = var.environment
  domain_name      = var.domain_name
  hosted_zone_name = var.hosted_zone_name

  vpc_cidr           = var.vpc_cidr
  az_count           = var.az_count
  nat_gateway_per_az = var.nat_gateway_per_az

  services                   = var.services
  storefront                 = var.storefront
  sites_domain               = var.sites_domain
  capacity_provider          = var.capacity_provider
  auth0_domain               = var.auth0_domain
  auth0_portal_client_id     = var.auth0_portal_client_id
  auth0_leads_client_id      = var.auth0_leads_client_id
  auth0_actions_client_id    = var.auth0_actions_client_id
  auth0_management_client_id = var.auth0_management_client_id
  leads_mail_from            = var.leads_mail_from
  retail_mail_from           = var.retail_mail_from
  algolia_app_id             = var.algolia_app_id
  log_retention_days         = var.log_retention_days

  rds_instance_class         = var.rds_instance_class
  rds_replica_instance_class = var.rds_replica_instance_class
  rds_allocated_storage      = var.rds_allocated_storage
  rds_max_allocated_storage  = var.rds_max_allocated_storage
  rds_multi_az               = var.rds_multi_az
  rds_read_replica_count     = var.rds_read_replica_count
  rds_cross_region_replica   = var.rds_cross_region_replica
  rds_backup_retention_days  = var.rds_backup_retention_days

  redis_node_type          = var.redis_node_type
  redis_num_cache_clusters = var.redis_num_cache_clusters
  redis_automatic_failover = var.redis_automatic_failover

  deletion_protection       = var.deletion_protection
  scheduled_shutdown        = var.scheduled_shutdown
  alarm_emails              = var.alarm_emails
  vpce_exempt_role_patterns = var.vpce_exempt_role_patterns
  access_log_retention_days = var.access_log_retention_days

  analytics_elasticsearch_url = var.analytics_elasticsearch_url
  warehouse                   = var.warehouse
}
