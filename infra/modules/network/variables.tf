variable "name" {
  description = "Name prefix for every resource, e.g. showroom-prod."
  type        = string
}

variable "cidr_block" {
  description = "VPC CIDR, a /16: public /24s, app /20s and data /24s are carved from it."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && endswith(var.cidr_block, "/16")
    error_message = "cidr_block must be a valid /16 CIDR."
  }
}

variable "az_count" {
  description = "How many availability zones to spread the subnets over (2 or 3)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3: RDS and ElastiCache subnet groups need at least two AZs."
  }
}

variable "enable_nat_gateway" {
  description = "Create NAT gateway(s) so the app subnets reach the internet (Auth0, Bugsnag, New Relic)."
  type        = bool
  default     = true
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per AZ (prod: an AZ outage does not cut egress) or a single shared one (cheaper)."
  type        = bool
  default     = false
}

variable "service_ports" {
  description = "Container ports the ALB may reach on the app security group."
  type        = list(number)
}

variable "allow_smtps_egress" {
  description = "Let the app tier open SMTPS (465) connections through NAT, for a service that sends mail through Amazon SES's SMTP endpoint."
  type        = bool
  default     = false
}

variable "interface_endpoints" {
  description = "Interface VPC endpoints (service short names) placed in the app subnets so tasks reach AWS APIs privately."
  type        = list(string)
  default     = ["ecr.api", "ecr.dkr", "ssm", "logs"]
}
