variable "repository_prefix" {
  description = "Repositories are named <prefix>/<service>, e.g. showroom/inventory."
  type        = string
  default     = "showroom"
}

variable "services" {
  description = "One repository per service."
  type        = list(string)
}

variable "keep_last_builds" {
  description = "How many CI build images (tags like <branch>-<sha>) to keep per repository."
  type        = number
  default     = 30
}

variable "untagged_expiry_days" {
  type    = number
  default = 7
}

variable "pull_account_ids" {
  description = "Other AWS accounts whose ECS tasks may pull (when environments live in their own accounts)."
  type        = list(string)
  default     = []
}
