output "service_name" {
  value = aws_ecs_service.this.name
}

output "task_family" {
  value = aws_ecs_task_definition.this.family
}

output "target_group_arn_suffix" {
  description = "For CloudWatch metric dimensions (TargetGroup)."
  value       = aws_lb_target_group.this.arn_suffix
}

output "autoscaling_resource_id" {
  value = aws_appautoscaling_target.this.resource_id
}

output "min_capacity" {
  value = aws_appautoscaling_target.this.min_capacity
}

output "max_capacity" {
  value = aws_appautoscaling_target.this.max_capacity
}

output "log_group_name" {
  value = aws_cloudwatch_log_group.this.name
}

output "task_role_arn" {
  value = aws_iam_role.task.arn
}

output "task_role_name" {
  description = "For policies attached where the resources they grant live (e.g. modules/storefront's provisioner policy)."
  value       = aws_iam_role.task.name
}

output "execution_role_arn" {
  value = aws_iam_role.execution.arn
}

output "image_tag_parameter_name" {
  value = aws_ssm_parameter.image_tag.name
}
