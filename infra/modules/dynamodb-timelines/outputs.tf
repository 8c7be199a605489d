output "table_names" {
  description = "lead-timeline / audit-log => table name."
  value       = { for key, table in aws_dynamodb_table.this : key => table.name }
}

output "table_arns" {
  value = { for key, table in aws_dynamodb_table.this : key => table.arn }
}

output "kms_key_arn" {
  value = aws_kms_key.dynamodb.arn
}
