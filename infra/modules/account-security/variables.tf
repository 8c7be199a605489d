variable "name_prefix" {
  description = "Prefix of every name: the group, the trail, its bucket and key alias, the topic and the rules."
  type        = string
  default     = "showroom"
}

variable "security_alert_email" {
  description = "Address told of every AWS console sign-in (SNS e-mail subscription; confirm it once from the mail SNS sends)."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.security_alert_email))
    error_message = "security_alert_email must be an e-mail address."
  }
}

variable "trail_log_retention_days" {
  description = "Days CloudTrail's log files stay in the trail bucket before they expire."
  type        = number
  default     = 365

  validation {
    condition     = var.trail_log_retention_days >= 365
    error_message = "Keep the account's audit trail for at least a year."
  }
}
