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
