variable "name_prefix" {
  description = "e.g. showroom-prod; tables are <prefix>-lead-timeline and <prefix>-audit-log."
  type        = string
}

variable "deletion_protection" {
  type = bool
}
