variable "name" {
  description = "e.g. showroom-prod-portal; names the bucket (with the account id) and the policies."
  type        = string
}

variable "domain_name" {
  description = "The site's host name, e.g. qa.showroom.example."
  type        = string
}

variable "hosted_zone_id" {
  type = string
}

variable "api_origin_domain_name" {
  description = "ALB host name for the /api/* behavior; null for a site without APIs (dealer sites)."
  type        = string
  default     = null
}

variable "api_origin_header" {
  description = "Header (name, secret value) CloudFront adds to every /api/* request, so the ALB forwards only what came through this distribution. Required with api_origin_domain_name."
  type = object({
    name  = string
    value = string
  })
  default   = null
  sensitive = true
}

variable "extra_s3_origins" {
  description = "More private buckets served under a path (e.g. /photos/*), through the same origin access control."
  type = list(object({
    id                   = string
    path_pattern         = string
    regional_domain_name = string
  }))
  default = []
}

variable "spa_fallback" {
  description = "Serve /index.html for extension-less paths (client-side routes)."
  type        = bool
  default     = true
}

variable "content_security_policy" {
  type = string
}

variable "price_class" {
  type    = string
  default = "PriceClass_100"
}

variable "web_acl_id" {
  description = "WAF web ACL (ARN, CLOUDFRONT scope) in front of the distribution; null for none."
  type        = string
  default     = null
}

variable "force_destroy" {
  type    = bool
  default = false
}
