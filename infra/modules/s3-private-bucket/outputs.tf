# Available once the bucket policy is in place: the ALB checks it can write its access logs
# when it is created. (regional_domain_name does not wait: CloudFront distributions named in the
# policy need it first.)
output "bucket" {
  value      = aws_s3_bucket.this.id
  depends_on = [aws_s3_bucket_policy.this]
}

output "arn" {
  value = aws_s3_bucket.this.arn
}

output "regional_domain_name" {
  value = aws_s3_bucket.this.bucket_regional_domain_name
}

output "kms_key_arn" {
  description = "Key that encrypts the objects; null for SSE-S3 buckets."
  value       = local.use_kms ? aws_kms_key.this[0].arn : null
}
