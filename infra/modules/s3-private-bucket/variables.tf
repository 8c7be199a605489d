variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string
}

variable "sse_algorithm" {
  description = "aws:kms (a customer-managed key is created) or AES256 (required for ALB access logs)."
  type        = string
  default     = "aws:kms"

  validation {
    condition     = contains(["aws:kms", "AES256"], var.sse_algorithm)
    error_message = "sse_algorithm must be aws:kms or AES256."
  }
}

variable "versioning" {
  description = "Keep previous versions of objects (deletes and overwrites can be undone)."
  type        = bool
  default     = true
}

variable "lifecycle_rules" {
  description = "Lifecycle rules; incomplete multipart uploads are always aborted after 7 days."
  type = list(object({
    id                         = string
    prefix                     = optional(string, "")
    transition_days            = optional(number)
    transition_storage_class   = optional(string, "STANDARD_IA")
    expiration_days            = optional(number)
    noncurrent_expiration_days = optional(number, 30)
  }))
  default = []
}

variable "restrict_to_vpc_endpoint_id" {
  description = "When set, object reads and writes are denied unless they come through this S3 VPC endpoint (aws:SourceVpce), from an exempt principal, or from an allowed CloudFront distribution."
  type        = string
  default     = null
}

variable "vpce_exempt_principal_arns" {
  description = "IAM principal ARNs (patterns allowed) that may reach objects from outside the VPC: break-glass admins, CI."
  type        = list(string)
  default     = []
}

variable "cloudfront_distribution_arns" {
  description = "CloudFront distributions allowed to read objects through origin access control."
  type        = list(string)
  default     = []
}

variable "cloudfront_read_prefixes" {
  description = "Key prefixes those distributions may read (\"\" for every key); the rest stays private."
  type        = list(string)
  default     = [""]
}

variable "allow_alb_access_logs" {
  description = "Let Elastic Load Balancing write access logs under alb_access_logs_prefix."
  type        = bool
  default     = false
}

variable "alb_access_logs_prefix" {
  type    = string
  default = "alb"
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a bucket that still holds objects (never in prod)."
  type        = bool
  default     = false
}
