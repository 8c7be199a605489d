output "distribution_id" {
  description = "SITES_CLOUDFRONT_DISTRIBUTION_ID of the users service: aliases added and invalidations made there."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  value = aws_cloudfront_distribution.this.arn
}

output "distribution_domain_name" {
  description = "Where a dealer's own domain points (CNAME, or an alias in Route 53)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "SITES_HOSTED_ZONE_ID of the users service: the zone its provisioner writes records in."
  value       = var.hosted_zone_id
}

output "sites_domain" {
  value = var.sites_domain
}

output "service_name" {
  value = module.service.service_name
}

output "target_group_arn_suffix" {
  value = module.service.target_group_arn_suffix
}

output "autoscaling_resource_id" {
  value = module.service.autoscaling_resource_id
}

output "image_tag_parameter_name" {
  value = module.service.image_tag_parameter_name
}
