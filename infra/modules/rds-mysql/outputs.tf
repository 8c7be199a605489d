output "primary_identifier" {
  value = aws_db_instance.primary.identifier
}

output "primary_arn" {
  value = aws_db_instance.primary.arn
}

output "primary_address" {
  description = "Writer host name for the *_DATABASE_URL parameters."
  value       = aws_db_instance.primary.address
}

output "replica_identifiers" {
  value = aws_db_instance.replica[*].identifier
}

output "replica_addresses" {
  description = "Reader host names for the *_DATABASE_READER_URLS parameters."
  value       = aws_db_instance.replica[*].address
}

output "cross_region_replica_arn" {
  value = one(aws_db_instance.cross_region_replica[*].arn)
}

output "port" {
  value = aws_db_instance.primary.port
}

output "kms_key_arn" {
  value = aws_kms_key.rds.arn
}

# The ARN of the Secrets Manager secret RDS manages, not the password itself; still marked
# sensitive because it names where the master credential lives.
output "master_user_secret_arn" {
  value     = aws_db_instance.primary.master_user_secret[0].secret_arn
  sensitive = true
}

output "writer_dns_name" {
  description = "The primary's name in the private zone."
  value       = aws_route53_record.writer.fqdn
}

output "replica_dns_names" {
  description = "Each in-region replica's name in the private zone, for the *_DATABASE_READER_URLS parameters."
  value       = aws_route53_record.replica[*].fqdn
}

output "reader_dns_name" {
  description = "One name over the healthy in-region replicas (null without replicas)."
  value       = var.read_replica_count > 0 ? "reader.${var.dns_zone_name}" : null
}
