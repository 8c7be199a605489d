output "arn" {
  description = "For the distribution's web_acl_id (WAFv2 takes the ARN)."
  value       = aws_wafv2_web_acl.this.arn
}
