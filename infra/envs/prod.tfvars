# prod: three AZs, NAT per AZ, Multi-AZ RDS with two read replicas and a cross-region replica in
# us-west-2, Redis with failover, deletion protection everywhere, larger sizes; never scheduled off.
environment      = "prod"
domain_name      = "app.showroom.example"
hosted_zone_name = "showroom.example"

vpc_cidr           = "10.40.0.0/16"
az_count           = 3
nat_gateway_per_az = true

capacity_provider = "FARGATE"
# retail (digital retailing) runs no task (launched = false) until its SSM parameters, its Auth0
# scopes and its first image exist: infra/README.md, "The retail service".
services = {
  inventory = { cpu = 1024, memory = 2048, min_capacity = 3, max_capacity = 12 }
  users     = { cpu = 512, memory = 1024, min_capacity = 2, max_capacity = 6 }
  leads     = { cpu = 1024, memory = 2048, min_capacity = 3, max_capacity = 12, launched = true }
  retail    = { cpu = 1024, memory = 2048, min_capacity = 2, max_capacity = 8, launched = false }
  analytics = { cpu = 1024, memory = 2048, min_capacity = 2, max_capacity = 8, launched = false }
}

# Dealer websites (modules/storefront): the SSR service behind their own CloudFront.
storefront = { cpu = 1024, memory = 2048, min_capacity = 3, max_capacity = 12 }
# Production sites are <slug>.sites.showroom.example (not under app.showroom.example).
sites_domain = "sites.showroom.example"

auth0_domain           = "showroom.us.auth0.com"
auth0_portal_client_id = "SET-ME-portal-spa-client-id" # plan refuses this until the real id is here
log_retention_days     = 90

# leads' Auth0 Machine to Machine application (client credentials to call users and inventory):
# its id here, its secret in SSM (/showroom/prod/leads/AUTH_CLIENT_SECRET, see infra/README.md).
auth0_leads_client_id = "SET-ME-leads-m2m-client-id" # plan refuses this until the real id is here
# The Auth0 post-login Action's Machine to Machine application (reads memberships from users).
auth0_actions_client_id = "SET-ME-actions-m2m-client-id" # plan refuses this until the real id is here
# users' team administration: the Auth0 Management API's Machine to Machine application; its
# secret in SSM (/showroom/prod/users/AUTH0_MANAGEMENT_CLIENT_SECRET).
auth0_management_client_id = "SET-ME-management-m2m-client-id" # plan refuses this until the real id is here
# Sender of leads' e-mails; its domain must be verified in Amazon SES (see infra/README.md).
leads_mail_from = "leads@app.showroom.example"
# Sender of retail's e-mails to shoppers; the same SES-verified domain.
retail_mail_from = "deals@app.showroom.example"
# Inventory searches on Algolia, index showroom_prod_vehicles; its two keys in SSM
# (/showroom/prod/inventory/ALGOLIA_ADMIN_API_KEY and ALGOLIA_SEARCH_API_KEY, see infra/README.md).
algolia_app_id = "SET-ME-algolia-app-id" # plan refuses this until the real id is here

rds_instance_class         = "db.r7g.large"
rds_replica_instance_class = "db.r7g.large"
rds_allocated_storage      = 100
rds_max_allocated_storage  = 1000
rds_multi_az               = true
rds_read_replica_count     = 2
rds_cross_region_replica   = true
rds_backup_retention_days  = 14

redis_node_type          = "cache.r7g.large"
redis_num_cache_clusters = 3
redis_automatic_failover = true

deletion_protection       = true
scheduled_shutdown        = false
alarm_emails              = ["platform-alerts@showroom.example", "oncall@showroom.example"]
vpce_exempt_role_patterns = ["aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_*"]
access_log_retention_days = 365

# Analytics (services/analytics) keeps its events in Elasticsearch: the cluster's URL here, its API
# key in SSM (/showroom/prod/analytics/ELASTICSEARCH_API_KEY). It runs no task until both exist.
analytics_elasticsearch_url = "SET-ME-elasticsearch-https-url" # plan refuses this until the real URL is here

# The nightly warehouse (infra/warehouse): Redshift Serverless RPUs and days the Parquet files stay in S3.
warehouse = { base_capacity = 8, max_capacity = 64, file_retention_days = 1095 }
