output "repository_urls" {
  description = "Service name => repository URL (no tag)."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.repository_url }
}

output "repository_arns" {
  value = { for name, repo in aws_ecr_repository.this : name => repo.arn }
}

output "kms_key_arn" {
  value = aws_kms_key.ecr.arn
}
