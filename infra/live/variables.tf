# Values: envs/<env>.tfvars. Meanings: infra/modules/platform/variables.tf.

variable "environment" {
  type = string
}

variable "domain_name" {
  type = string
}

variable "hosted_zone_name" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "az_count" {
  type = number
}

variable "nat_gateway_per_az" {
  type = bool
}

variable "services" {
  type = map(object({
    cpu               = number
    memory            = number
    min_capacity      = number
    max_capacity      = number
    launched          = optional(bool, true)
    log_level         = optional(string, "info")
    initial_image_tag = optional(string, "v0.1.0")
  }))
}

variable "storefront" {
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
  type    = string
  default = null
}

variable "capacity_provider" {
  type = string
}

variable "auth0_domain" {
  type = string
}

variable "auth0_portal_client_id" {
  type = string
}

variable "auth0_leads_client_id" {
  type = string
}

variable "auth0_actions_client_id" {
  type = string
}

variable "auth0_management_client_id" {
  type = string
}

variable "leads_mail_from" {
  type    = string
  default = null
}

variable "retail_mail_from" {
  type    = string
  default = null
}

variable "algolia_app_id" {
  type    = string
  default = null
}

variable "log_retention_days" {
  type = number
}

variable "rds_instance_class" {
  type = string
}

variable "rds_replica_instance_class" {
  type    = string
  default = null
}

variable "rds_allocated_storage" {
  type = number
}

variable "rds_max_allocated_storage" {
  type = number
}

variable "rds_multi_az" {
  type = bool
}

variable "rds_read_replica_count" {
  type = number
}

variable "rds_cross_region_replica" {
  type = bool
}

variable "rds_backup_retention_days" {
  type = number
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
  type = bool
}

variable "scheduled_shutdown" {
  type = bool
}

variable "alarm_emails" {
  type = list(string)
}

variable "vpce_exempt_role_patterns" {
  type = list(string)
}

variable "access_log_retention_days" {
  type = number
}

variable "analytics_elasticsearch_url" {
  description = "The analytics events' Elasticsearch (https); its API key: /showroom/<env>/analytics/ELASTICSEARCH_API_KEY."
  type        = string
}

variable "warehouse" {
  description = "Redshift Serverless capacity (RPUs) and how long exported Parquet files are kept."
  type = object({
    base_capacity       = number
    max_capacity        = number
    file_retention_days = number
  })
}
