output "bucket" {
  value = module.bucket.bucket
}

output "bucket_arn" {
  value = module.bucket.arn
}

output "distribution_id" {
  value = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  value = aws_cloudfront_distribution.this.arn
}

output "url" {
  value = "https://${var.domain_name}"
}
