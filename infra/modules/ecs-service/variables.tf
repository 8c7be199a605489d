variable "name_prefix" {
  description = "e.g. showroom-prod; names the task family, roles, log group and target group."
  type        = string
}

variable "environment" {
  type = string
}

variable "service_name" {
  description = "inventory, users, leads..."
  type        = string
}

variable "container_port" {
  type = number
}

variable "path_pattern" {
  description = "ALB path routed to this service; defaults to /api/<service>/*."
  type        = string
  default     = null
}

variable "public_internal_route" {
  description = "An internal route callers outside AWS must reach through CloudFront (path pattern, and a listener rule priority before the ALB's internal 404); null for none."
  type = object({
    priority = number
    path     = string
  })
  default = null
}

variable "listener_rule_priority" {
  description = "Unique per listener."
  type        = number
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
  description = "Private app subnets; tasks never get a public IP."
  type        = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "alb_listener_arn" {
  type = string
}

variable "alb_origin_header" {
  description = "The header (name, secret value) CloudFront adds; the listener rule forwards only requests that carry it."
  type = object({
    name  = string
    value = string
  })
  sensitive = true
}

variable "alb_arn_suffix" {
  type = string
}

variable "ecr_repository_url" {
  type = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "initial_image_tag" {
  description = "Image tag of the very first deployment. Afterwards scripts/deploy-service.sh records the deployed tag in SSM and Terraform follows it."
  type        = string
}

variable "cpu" {
  description = "Fargate task CPU units (256, 512, 1024, 2048, 4096)."
  type        = number
  default     = 256
}

variable "memory" {
  description = "Fargate task memory (MiB), a valid pairing with cpu."
  type        = number
  default     = 512
}

variable "cpu_architecture" {
  type    = string
  default = "X86_64"
}

variable "capacity_provider" {
  description = "FARGATE, or FARGATE_SPOT (cheaper, may be interrupted; non-prod)."
  type        = string
  default     = "FARGATE"

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.capacity_provider)
    error_message = "capacity_provider must be FARGATE or FARGATE_SPOT."
  }
}

variable "min_capacity" {
  type    = number
  default = 1
}

variable "max_capacity" {
  type    = number
  default = 2
}

variable "auth_issuer_base_url" {
  description = "Auth0 tenant URL, with its trailing slash."
  type        = string
}

variable "machine_client_ids" {
  description = "MACHINE_CLIENT_IDS: the Auth0 machine-to-machine clients whose client-credentials tokens this service's /internal/ routes accept."
  type        = list(string)
}

variable "service_discovery_namespace_id" {
  description = "Cloud Map private DNS namespace to register the tasks in (<service_name>.<namespace>), so other services reach them inside the VPC; null for none."
  type        = string
  default     = null
}

variable "auth_audience" {
  type    = string
  default = "https://api.showroom.dev"
}

variable "cors_origins" {
  description = "Origins allowed to call the API (the portal's)."
  type        = list(string)
}

variable "log_level" {
  type    = string
  default = "info"
}

variable "extra_environment" {
  description = "More non-secret environment variables for the container."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "Environment variable name => SSM SecureString parameter ARN."
  type        = map(string)
}

variable "secrets_parameter_path_arn" {
  description = "ARN pattern of this service's own parameters; the execution role may read nothing else."
  type        = string
}

variable "secrets_kms_key_arn" {
  type = string
}

variable "dynamodb_table_arns" {
  description = "DynamoDB tables (and their indexes) the task may read and append to."
  type        = list(string)
  default     = []
}

variable "s3_access" {
  description = "Bucket prefixes the task may read and write (or only read: read_only)."
  type = list(object({
    bucket_arn = string
    prefix     = string
    read_only  = optional(bool, false)
  }))
  default = []
}

variable "data_kms_key_arns" {
  description = "KMS keys of the buckets and tables above."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "readiness_path" {
  type    = string
  default = "/readyz"
}

variable "liveness_path" {
  type    = string
  default = "/healthz"
}

variable "cpu_target_percent" {
  type    = number
  default = 60
}

variable "memory_target_percent" {
  type    = number
  default = 75
}

variable "requests_per_target" {
  description = "ALBRequestCountPerTarget target (requests per minute per task)."
  type        = number
  default     = 1000
}
