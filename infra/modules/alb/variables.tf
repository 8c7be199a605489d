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

variable "origin_header_name" {
  description = "Header CloudFront adds to every request to this origin, with the secret the service rules require."
  type        = string
  default     = "X-Origin-Verify"
}

variable "internal_path_patterns" {
  description = "Paths the ALB answers 404 for, whatever the header: the services' machine-to-machine routes."
  type        = list(string)
  default     = ["/api/*/internal/*"]
}

variable "internal_routes_rule_priority" {
  description = "Must come before every service rule (ecs-service listener_rule_priority, 100 and up)."
  type        = number
  default     = 10
}
