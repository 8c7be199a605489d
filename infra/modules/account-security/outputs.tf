output "console_users_group" {
  description = "Add every IAM user who signs in to the console to this group."
  value       = aws_iam_group.console_users.name
}

output "trail_arn" {
  value = aws_cloudtrail.this.arn
}

output "trail_bucket" {
  value = aws_s3_bucket.trail.id
}

output "sign_in_topic_arn" {
  description = "SNS topic told of every console sign-in (more subscribers may be added here)."
  value       = aws_sns_topic.sign_ins.arn
}
