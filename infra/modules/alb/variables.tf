variable "name" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "domain_name" {
  description = "Name the ALB answers to (CloudFront's API origin), e.g. origin.qa.showroom.example."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 zone for the certificate's DNS validation and the alias record."
  type        = string
}

variable "access_logs_bucket" {
  description = "Bucket (SSE-S3, ELB delivery allowed) that receives the access logs."
  type        = string
}

variable "access_logs_prefix" {
  type    = string
  default = "alb"
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "idle_timeout" {
  type    = number
  default = 60
}

variable "deletion_protection" {
  type    = bool
  default = false
}
