variable "name" {
  description = "e.g. showroom-prod-edge; names the web ACL and its metrics."
  type        = string
}

variable "rate_limit" {
  description = "Requests one client address may make in 5 minutes before WAF answers 429 (portal pages, API calls and form posts together; WAF accepts 10 and up)."
  type        = number
  default     = 3000
}

variable "common_rules_counted" {
  description = "Rules of AWSManagedRulesCommonRuleSet that only count: SizeRestrictions_BODY would block ADF documents and notes over 8 KB."
  type        = list(string)
  default     = ["SizeRestrictions_BODY"]
}

variable "public_internal_paths" {
  description = "Internal routes that callers outside AWS must reach (ALB path patterns, * = one segment), exempt from the internal-routes 404 when spelt exactly: users' memberships, for Auth0's post-login Action."
  type        = list(string)
}
