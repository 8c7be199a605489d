output "workgroup_name" {
  value = aws_redshiftserverless_workgroup.this.workgroup_name
}

output "workgroup_arn" {
  value = aws_redshiftserverless_workgroup.this.arn
}

output "namespace_name" {
  value = aws_redshiftserverless_namespace.this.namespace_name
}

output "database_name" {
  value = aws_redshiftserverless_namespace.this.db_name
}

output "copy_role_arn" {
  description = "The role COPY names (IAM_ROLE in copy.sql)."
  value       = aws_iam_role.copy.arn
}

output "security_group_id" {
  value = aws_security_group.workgroup.id
}

output "admin_secret_arn" {
  description = "The Secrets Manager secret Redshift keeps the admin password in (an ARN, not the password)."
  value       = aws_redshiftserverless_namespace.this.admin_password_secret_arn
  sensitive   = true
}
