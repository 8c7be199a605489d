output "arn" {
  value = aws_lb.this.arn
}

output "arn_suffix" {
  description = "For CloudWatch metric dimensions (LoadBalancer)."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  value = aws_lb.this.dns_name
}

output "https_listener_arn" {
  value = aws_lb_listener.https.arn
}

output "domain_name" {
  description = "The name CloudFront uses to reach the ALB over HTTPS."
  value       = aws_route53_record.alias.fqdn
}

output "origin_header" {
  description = "The header (name and secret value) CloudFront must add and the service rules require."
  value       = { name = var.origin_header_name, value = random_password.origin_secret.result }
  sensitive   = true
}
