variable "environment" {
  type = string
}

variable "services" {
  description = "Services that get their own parameter path /showroom/<env>/<service>/."
  type        = list(string)
}

variable "service_secret_names" {
  description = "service => the secrets only that service reads, beyond its database URLs and the shared REDIS_URL, BUGSNAG_API_KEY and NEW_RELIC_LICENSE_KEY (leads: SMTP_URL, AUTH_CLIENT_SECRET). Each is put at /showroom/<env>/<service>/<NAME>."
  type        = map(list(string))
  default     = {}

  validation {
    condition     = alltrue([for service in keys(var.service_secret_names) : contains(var.services, service)])
    error_message = "service_secret_names may name only services listed in services."
  }

  validation {
    condition = alltrue(flatten([
      for names in values(var.service_secret_names) : [for name in names : can(regex("^[A-Z][A-Z0-9_]*$", name))]
    ]))
    error_message = "Secret names are environment variable names: upper case, digits and underscores."
  }
}

variable "parameter_root" {
  type    = string
  default = "/showroom"
}
