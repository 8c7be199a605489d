variable "environment" {
  type = string

  validation {
    condition     = contains(["dev", "qa", "beta", "prod"], var.environment)
    error_message = "environment must be dev, qa, beta or prod."
  }
}

variable "domain_name" {
  description = "Host name of the portal and its APIs, e.g. qa.showroom.example."
  type        = string
}

variable "hosted_zone_name" {
  description = "Existing public Route 53 zone that holds domain_name (created in infra/global)."
  type        = string
}

# --- Network -------------------------------------------------------------------------------------

variable "vpc_cidr" {
  type = string
}

variable "az_count" {
  type    = number
  default = 2
}

variable "nat_gateway_per_az" {
  type = bool
}

# --- Services ------------------------------------------------------------------------------------

variable "services" {
  description = "Sizing of each service. launched = false keeps a service at zero tasks (and out of the public health checks) until its first image ships."
  type = map(object({
    cpu               = number
    memory            = number
    min_capacity      = number
    max_capacity      = number
    launched          = optional(bool, true)
    log_level         = optional(string, "info")
    initial_image_tag = optional(string, "v0.1.0")
  }))

  validation {
    condition     = toset(keys(var.services)) == toset(["inventory", "users", "leads", "retail"])
    error_message = "services must size exactly inventory, users, leads and retail."
  }
}

variable "storefront" {
  description = "Sizing of the dealer websites' SSR service (modules/storefront); min_capacity = 0 keeps it stopped."
  type = object({
    cpu               = number
    memory            = number
    min_capacity      = number
    max_capacity      = number
    log_level         = optional(string, "info")
    initial_image_tag = optional(string, "v0.1.0")
  })
}

variable "sites_domain" {
  description = "Parent of the dealer websites' platform hosts (<slug>.<sites_domain>); null = sites.<domain_name>. Must be inside hosted_zone_name."
  type        = string
  default     = null
}

variable "capacity_provider" {
  description = "FARGATE, or FARGATE_SPOT for environments that tolerate interruptions."
  type        = string
  default     = "FARGATE"
}

variable "ecr_repository_prefix" {
  description = "Images come from <prefix>/<service> in the shared registry (infra/global)."
  type        = string
  default     = "showroom"
}

variable "auth0_domain" {
  description = "Auth0 tenant (or custom) domain, e.g. showroom-qa.us.auth0.com; the issuer is https://<domain>/."
  type        = string
}

variable "auth0_portal_client_id" {
  description = "Client id of the portal's Single Page Application (public by design, not a secret)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]{32}$", var.auth0_portal_client_id))
    error_message = "auth0_portal_client_id must be the 32-character client id of the portal's Auth0 SPA application (Auth0 dashboard > Applications)."
  }
}

variable "auth0_leads_client_id" {
  description = "Client id of the Auth0 Machine to Machine application leads uses to call users and inventory, inventory to call users, users to call leads and retail to call users, inventory and leads (AUTH_CLIENT_ID; its secret is the SSM parameter /showroom/<env>/<service>/AUTH_CLIENT_SECRET of each)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]{32}$", var.auth0_leads_client_id))
    error_message = "auth0_leads_client_id must be the 32-character client id of leads' Auth0 Machine to Machine application (Auth0 dashboard > Applications)."
  }
}

variable "auth0_actions_client_id" {
  description = "Client id of the Auth0 Machine to Machine application the post-login Action uses to read a user's memberships from users (read:memberships): users' MACHINE_CLIENT_IDS lists it."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]{32}$", var.auth0_actions_client_id))
    error_message = "auth0_actions_client_id must be the 32-character client id of the Action's Auth0 Machine to Machine application (Auth0 dashboard > Applications)."
  }
}

variable "auth0_management_client_id" {
  description = "Client id of the Auth0 Machine to Machine application authorized on the Auth0 Management API (read:users, create:users, update:users, create:user_tickets, read:logs, read:logs_users) that users' team administration uses (AUTH0_MANAGEMENT_CLIENT_ID; its secret is the SSM parameter /showroom/<env>/users/AUTH0_MANAGEMENT_CLIENT_SECRET)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]{32}$", var.auth0_management_client_id))
    error_message = "auth0_management_client_id must be the 32-character client id of the Management API's Auth0 Machine to Machine application (Auth0 dashboard > Applications)."
  }
}

variable "leads_mail_from" {
  description = "Sender address of leads' e-mails (MAIL_FROM); null = leads@<domain_name>. Its domain must be a verified Amazon SES identity."
  type        = string
  default     = null

  validation {
    condition     = var.leads_mail_from == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.leads_mail_from))
    error_message = "leads_mail_from must be an e-mail address, e.g. leads@qa.showroom.example."
  }
}

variable "retail_mail_from" {
  description = "Sender address of retail's e-mails to shoppers (MAIL_FROM; From shows the dealership, replies go to it); null = deals@<domain_name>. Its domain must be a verified Amazon SES identity."
  type        = string
  default     = null

  validation {
    condition     = var.retail_mail_from == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.retail_mail_from))
    error_message = "retail_mail_from must be an e-mail address, e.g. deals@qa.showroom.example."
  }
}

variable "algolia_app_id" {
  description = "Algolia application id (public, not a secret). Set: inventory searches on Algolia (SEARCH_ENGINE=algolia) in the index showroom_<env>_vehicles, with ALGOLIA_ADMIN_API_KEY and ALGOLIA_SEARCH_API_KEY from SSM (/showroom/<env>/inventory/...). null: inventory keeps its embedded engine and needs no Algolia parameters."
  type        = string
  default     = null

  validation {
    condition     = var.algolia_app_id == null || can(regex("^[A-Z0-9]{10}$", var.algolia_app_id))
    error_message = "algolia_app_id must be the 10-character Algolia application id (Algolia dashboard > Settings > API Keys), or null for the embedded search engine."
  }
}

variable "auth_audience" {
  type    = string
  default = "https://api.showroom.dev"
}

variable "log_retention_days" {
  type    = number
  default = 30
}

# --- Data stores ---------------------------------------------------------------------------------

variable "rds_instance_class" {
  type = string
}

variable "rds_replica_instance_class" {
  type    = string
  default = null
}

variable "rds_allocated_storage" {
  type    = number
  default = 20
}

variable "rds_max_allocated_storage" {
  type    = number
  default = 100
}

variable "rds_multi_az" {
  type = bool
}

variable "rds_read_replica_count" {
  type = number
}

variable "rds_cross_region_replica" {
  description = "Disaster-recovery replica in the aws.replica provider's region (prod: us-west-2)."
  type        = bool
  default     = false
}

variable "dr_vpc_cidr" {
  description = "VPC for the cross-region replica (data subnets only, no NAT)."
  type        = string
  default     = "10.90.0.0/16"
}

variable "rds_backup_retention_days" {
  type    = number
  default = 7
}

variable "redis_node_type" {
  type = string
}

variable "redis_num_cache_clusters" {
  type = number
}

variable "redis_automatic_failover" {
  type = bool
}

variable "deletion_protection" {
  description = "RDS, DynamoDB and ALB deletion protection, final snapshots, and non-empty buckets kept on destroy."
  type        = bool
}

# --- Operations ----------------------------------------------------------------------------------

variable "scheduled_shutdown" {
  description = "Stop ECS services and RDS at night and at weekends (non-prod only)."
  type        = bool

  validation {
    condition     = !var.scheduled_shutdown || var.rds_read_replica_count == 0
    error_message = "RDS cannot stop an instance that has read replicas: turn scheduled_shutdown off or use no replicas."
  }
}

variable "alarm_emails" {
  type    = list(string)
  default = []
}

variable "vpce_exempt_role_patterns" {
  description = "IAM role names (path included, wildcards allowed) of this account that may read/write photos and reports from outside the VPC: break-glass admins."
  type        = list(string)
  default     = []
}

variable "access_log_retention_days" {
  type    = number
  default = 90
}

# --- Analytics and the warehouse -------------------------------------------------------------------

variable "analytics_elasticsearch_url" {
  description = "The analytics events' Elasticsearch (Elastic Cloud or self-managed, https); its API key is the SSM secret ELASTICSEARCH_API_KEY of analytics."
  type        = string

  validation {
    condition     = can(regex("^https://", var.analytics_elasticsearch_url))
    error_message = "analytics_elasticsearch_url is an https:// URL."
  }
}

variable "warehouse" {
  description = "Redshift Serverless capacity (RPUs) and how long the exported Parquet files are kept in S3."
  type = object({
    base_capacity       = number
    max_capacity        = number
    file_retention_days = number
  })
}
