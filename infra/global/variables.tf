variable "hosted_zone_name" {
  description = "Public zone every environment's names live in (delegate it at the registrar)."
  type        = string
}

variable "services" {
  description = "One ECR repository each: the services and the storefront (dealer websites)."
  type        = list(string)
}

variable "ecr_repository_prefix" {
  type = string
}

variable "environment_account_ids" {
  description = "AWS accounts the environments run in; other accounts than this one get pull access to ECR."
  type        = list(string)
  default     = []
}

variable "build_artifacts_bucket" {
  description = "Jenkins' SHOWROOM_ARTIFACTS_BUCKET (portal bundles per build)."
  type        = string
}

variable "qa_reports_bucket" {
  description = "Jenkins' QA_REPORTS_BUCKET (Protractor reports per build)."
  type        = string
}

variable "account_security" {
  description = "Create the account's password policy, console users' group (MFA first), CloudTrail trail and sign-in alert (modules/account-security). Once per AWS account: on only in the one root applied to this account."
  type        = bool
}

variable "security_alert_email" {
  description = "Who is e-mailed on every AWS console sign-in (when account_security is on)."
  type        = string
  default     = null
}
