variable "identifier" {
  description = "DB instance identifier, e.g. showroom-prod-mysql; replicas get -replica-N / -dr."
  type        = string
}

variable "engine_version" {
  description = "MySQL major (RDS picks the newest minor and upgrades minors automatically)."
  type        = string
  default     = "8.0"
}

variable "parameter_group_family" {
  type    = string
  default = "mysql8.0"
}

variable "instance_class" {
  type = string
}

variable "replica_instance_class" {
  description = "Class of the read replicas; defaults to the primary's."
  type        = string
  default     = null
}

variable "allocated_storage" {
  description = "GiB of gp3 storage at creation."
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling (GiB)."
  type        = number
  default     = 100
}

variable "subnet_ids" {
  description = "Private data subnets."
  type        = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "multi_az" {
  description = "Synchronous standby in another AZ (prod)."
  type        = bool
}

variable "read_replica_count" {
  description = "In-region read replicas for the services' reader pools."
  type        = number
  default     = 0

  validation {
    condition     = var.read_replica_count >= 0 && var.read_replica_count <= 5
    error_message = "read_replica_count must be between 0 and 5."
  }
}

variable "cross_region_replica" {
  description = "Create a read replica in the aws.replica provider's region (disaster recovery)."
  type        = bool
  default     = false
}

variable "cross_region_subnet_ids" {
  description = "Data subnets in the replica region (required with cross_region_replica)."
  type        = list(string)
  default     = []
}

variable "cross_region_security_group_ids" {
  type    = list(string)
  default = []
}

variable "backup_retention_days" {
  description = "Automated backups (>= 1: replicas need them on the source)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 1..35."
  }
}

variable "deletion_protection" {
  type = bool
}

variable "skip_final_snapshot" {
  type    = bool
  default = false
}

variable "performance_insights_enabled" {
  description = "Not available on db.t*.micro/small classes."
  type        = bool
  default     = true
}

variable "require_secure_transport" {
  description = "Refuse unencrypted client connections (the DATABASE_URLs must ask for TLS)."
  type        = bool
  default     = true
}

variable "master_username" {
  type    = string
  default = "showroom_admin"
}

variable "backup_window" {
  description = "UTC; night time in America/New_York."
  type        = string
  default     = "07:00-08:00"
}

variable "maintenance_window" {
  type    = string
  default = "sun:08:30-sun:09:30"
}

variable "vpc_id" {
  description = "The VPC whose private hosted zone holds the database's names (reader-dns.tf)."
  type        = string
}

variable "dns_zone_name" {
  description = "Private hosted zone of the database's names, e.g. showroom-prod.db.internal."
  type        = string
}

variable "reader_max_lag_seconds" {
  description = "reader.<zone> stops naming a replica whose ReplicaLag stays above this for 2 minutes."
  type        = number
  default     = 30
}
