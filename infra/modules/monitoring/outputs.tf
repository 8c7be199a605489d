output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}

output "health_check_ids" {
  value = { for key, check in aws_route53_health_check.this : key => check.id }
}
