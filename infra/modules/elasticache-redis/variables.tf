variable "name" {
  description = "Replication group id, e.g. showroom-prod-redis."
  type        = string
}

variable "engine_version" {
  type    = string
  default = "7.1"
}

variable "node_type" {
  type = string
}

variable "num_cache_clusters" {
  description = "Primary plus replicas (1 = no replica)."
  type        = number
  default     = 1
}

variable "automatic_failover" {
  description = "Promote a replica when the primary fails; also puts the nodes in different AZs (prod)."
  type        = bool
  default     = false
}

variable "subnet_ids" {
  description = "Private data subnets."
  type        = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "auth_token_parameter_name" {
  description = "SSM SecureString holding the AUTH token (16-128 printable chars, put out of band)."
  type        = string
}

variable "maxmemory_policy" {
  description = "volatile-lru: cache keys (all with a TTL) are evicted under pressure, BullMQ queue keys (no TTL) never are."
  type        = string
  default     = "volatile-lru"
}

variable "snapshot_retention_days" {
  type    = number
  default = 1
}
