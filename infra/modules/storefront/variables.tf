variable "name_prefix" {
  description = "e.g. showroom-prod; names the distribution, policies, functions and the ECS service's resources."
  type        = string
}

variable "environment" {
  type = string
}

variable "sites_domain" {
  description = "Parent of every dealership's platform host (<slug>.<sites_domain>), e.g. sites.showroom.example."
  type        = string
}

variable "hosted_zone_id" {
  description = "Public Route 53 zone holding sites_domain: the certificate's validation records and the wildcard alias."
  type        = string
}

# --- The SSR service (modules/ecs-service) ---------------------------------------------------------

variable "container_port" {
  type    = number
  default = 4400
}

variable "listener_rule_priority" {
  description = "Of the storefront's rule on the shared HTTPS listener (unique per listener)."
  type        = number
  default     = 200
}

variable "cluster_arn" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "alb_listener_arn" {
  type = string
}

variable "alb_arn_suffix" {
  type = string
}

variable "alb_domain_name" {
  description = "The name CloudFront reaches the ALB by over HTTPS (its certificate's name), e.g. origin.qa.showroom.example."
  type        = string
}

variable "origin_header_name" {
  description = "Header the distribution adds with this module's own secret; the storefront's listener rule requires it."
  type        = string
  default     = "X-Origin-Verify"
}

variable "ecr_repository_url" {
  type = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "size" {
  description = "Fargate size and task count of the SSR service; min_capacity = 0 keeps it stopped."
  type = object({
    cpu               = number
    memory            = number
    min_capacity      = number
    max_capacity      = number
    log_level         = optional(string, "info")
    initial_image_tag = optional(string, "v0.1.0")
  })
}

variable "capacity_provider" {
  type    = string
  default = "FARGATE"
}

variable "auth_issuer_base_url" {
  description = "Common to every container (modules/ecs-service); the storefront verifies no token."
  type        = string
}

variable "cors_origins" {
  type = list(string)
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "service_environment" {
  description = "The storefront server's own variables (apps/storefront/README.md): INVENTORY_API_URL, PUBLIC_API_ORIGIN, S3_*, MEDIA_PUBLIC_URL, SITE_CACHE_SECONDS, PAGE_CACHE_SECONDS."
  type        = map(string)
}

variable "secrets_parameter_path_arn" {
  description = "ARN pattern of /showroom/<env>/storefront/*: the execution role may read nothing else (the storefront has no secret today)."
  type        = string
}

variable "secrets_kms_key_arn" {
  type = string
}

# --- Media bucket ------------------------------------------------------------------------------------

variable "media_bucket_arn" {
  type = string
}

variable "media_bucket_regional_domain_name" {
  type = string
}

variable "media_kms_key_arn" {
  type = string
}

variable "site_config_prefixes" {
  description = "Where the users service publishes PublishedSite objects (by host, by dealership): the SSR task reads them, and writes nothing."
  type        = list(string)
  default     = ["sites/hosts/", "sites/dealerships/"]
}

variable "media_path" {
  description = "Path the distribution serves the media bucket under, on every site host; stripped before the key is read (/media/sites/assets/x reads sites/assets/x)."
  type        = string
  default     = "/media"
}

# --- Provisioning (the users service) ----------------------------------------------------------------

variable "provisioner_role_name" {
  description = "IAM role of the users service's tasks, whose provisioner attaches custom domains (Route 53, ACM, CloudFront) and publishes sites (S3 sites/*, granted with its other bucket prefixes)."
  type        = string
}

# --- Edge --------------------------------------------------------------------------------------------

variable "page_cache" {
  description = "Seconds CloudFront keeps a page when the storefront's Cache-Control says nothing (default) and at most (max)."
  type = object({
    default = number
    max     = number
  })
  default = { default = 30, max = 300 }
}

variable "price_class" {
  type    = string
  default = "PriceClass_100"
}

variable "web_acl_id" {
  description = "WAF web ACL (ARN, CLOUDFRONT scope) in front of the distribution; null for none."
  type        = string
  default     = null
}
