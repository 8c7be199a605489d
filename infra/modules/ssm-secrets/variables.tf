variable "environment" {
  type = string
}

variable "services" {
  description = "Services that get their own parameter path /showroom/<env>/<service>/."
  type        = list(string)
}

variable "parameter_root" {
  type    = string
  default = "/showroom"
}
