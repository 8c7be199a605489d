variable "name_prefix" {
  type = string
}

variable "alarm_emails" {
  description = "Addresses subscribed to the alarm topic (each confirms once by e-mail)."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  type = string
}

variable "target_groups" {
  description = "service => target group ARN suffix."
  type        = map(string)
}

variable "ecs_cluster_name" {
  type = string
}

variable "ecs_services" {
  description = "ECS service names to watch."
  type        = list(string)
}

variable "outbox_services" {
  description = "Services whose outbox sweeper writes the Showroom/Outbox metrics (dimension Service): backlog and exhausted-jobs alarms each."
  type        = list(string)
  default     = []
}

variable "rds_instance_ids" {
  description = "Primary and in-region replicas."
  type        = list(string)
}

variable "rds_replica_ids" {
  description = "In-region replicas (replica lag)."
  type        = list(string)
  default     = []
}

variable "rds_free_storage_threshold_bytes" {
  type    = number
  default = 5368709120 # 5 GiB
}

variable "redis_cluster_ids" {
  type = list(string)
}

variable "dynamodb_table_names" {
  description = "key => table name."
  type        = map(string)
}

variable "health_check_domain" {
  description = "Public host name; Route 53 checks https://<domain>/ and each API's /healthz through it."
  type        = string
}

variable "health_check_api_services" {
  description = "Services whose https://<domain>/api/<service>/healthz is checked."
  type        = list(string)
}

variable "api_health_path_format" {
  description = "Public path of an API's liveness check; %s is the service name. The services must answer it through the ALB's /api/<service>/* routing."
  type        = string
  default     = "/api/%s/healthz"
}

variable "alb_5xx_percent_threshold" {
  type    = number
  default = 5
}

variable "p99_latency_seconds_threshold" {
  type    = number
  default = 2
}
