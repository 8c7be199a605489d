output "ecr_repository_urls" {
  value = module.ecr.repository_urls
}

output "hosted_zone_id" {
  value = aws_route53_zone.public.zone_id
}

output "name_servers" {
  description = "Delegate the zone to these at the registrar."
  value       = aws_route53_zone.public.name_servers
}

output "ci_buckets" {
  value = {
    build_artifacts = module.build_artifacts_bucket.bucket
    qa_reports      = module.qa_reports_bucket.bucket
  }
}

output "account_security" {
  description = "The console users' group, the account's trail and its bucket, the sign-in alert topic (null when account_security is off)."
  value = var.account_security ? {
    console_users_group = module.account_security[0].console_users_group
    trail_arn           = module.account_security[0].trail_arn
    trail_bucket        = module.account_security[0].trail_bucket
    sign_in_topic_arn   = module.account_security[0].sign_in_topic_arn
  } : null
}
