# rds-mysql: RDS for MySQL 8.0 in the private data subnets.
#   - encrypted with a customer-managed KMS key (and a second key in the replica region)
#   - utf8mb4 parameter group, TLS required
#   - Multi-AZ, in-region read replicas and a cross-region replica as the environment asks
#   - master password generated and rotated by RDS in Secrets Manager (manage_master_user_password):
#     no password in code, state or outputs. Each service gets its own MySQL user, created once
#     with that secret, and its own *_DATABASE_URL in SSM (see infra/README.md).

locals {
  replica_class = coalesce(var.replica_instance_class, var.instance_class)

  # Both regions' parameter groups: utf8mb4, TLS required, and GTIDs (the services' replica
  # rotation waits for the primary's GTID position on each replica: WAIT_FOR_EXECUTED_GTID_SET,
  # ADR 0014).
  db_parameters = [
    { name = "character_set_server", value = "utf8mb4", apply_method = "immediate" },
    { name = "collation_server", value = "utf8mb4_0900_ai_ci", apply_method = "immediate" },
    { name = "require_secure_transport", value = var.require_secure_transport ? "1" : "0", apply_method = "immediate" },
    { name = "gtid-mode", value = "ON", apply_method = "pending-reboot" },
    { name = "enforce_gtid_consistency", value = "ON", apply_method = "pending-reboot" },
  ]
}

resource "aws_kms_key" "rds" {
  description             = "RDS ${var.identifier}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "rds" {
  name          = "alias/${var.identifier}"
  target_key_id = aws_kms_key.rds.key_id
}

resource "aws_db_subnet_group" "this" {
  name       = var.identifier
  subnet_ids = var.subnet_ids
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.identifier}-"
  family      = var.parameter_group_family

  dynamic "parameter" {
    for_each = local.db_parameters
    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "primary" {
  identifier     = var.identifier
  engine         = "mysql"
  engine_version = var.engine_version
  instance_class = var.instance_class

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.rds.arn

  username                      = var.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.rds.arn

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = var.security_group_ids
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  multi_az               = var.multi_az
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  backup_retention_period   = var.backup_retention_days
  backup_window             = var.backup_window
  maintenance_window        = var.maintenance_window
  copy_tags_to_snapshot     = true
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.identifier}-final"

  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false
  apply_immediately           = false

  performance_insights_enabled          = var.performance_insights_enabled
  performance_insights_kms_key_id       = var.performance_insights_enabled ? aws_kms_key.rds.arn : null
  performance_insights_retention_period = var.performance_insights_enabled ? 7 : null
  enabled_cloudwatch_logs_exports       = ["error", "slowquery"]
}

# In-region read replicas: same key, same subnet group (inherited from the source).
resource "aws_db_instance" "replica" {
  count = var.read_replica_count

  identifier          = "${var.identifier}-replica-${count.index + 1}"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = local.replica_class

  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.rds.arn
  max_allocated_storage = var.max_allocated_storage

  vpc_security_group_ids = var.security_group_ids
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  multi_az               = false
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  backup_retention_period = 0
  deletion_protection     = var.deletion_protection
  skip_final_snapshot     = true

  auto_minor_version_upgrade = true
  apply_immediately          = false

  performance_insights_enabled          = var.performance_insights_enabled
  performance_insights_kms_key_id       = var.performance_insights_enabled ? aws_kms_key.rds.arn : null
  performance_insights_retention_period = var.performance_insights_enabled ? 7 : null
  enabled_cloudwatch_logs_exports       = ["error", "slowquery"]
}

# --- Cross-region replica (disaster recovery), created with the aws.replica provider -------------

resource "aws_kms_key" "replica_region" {
  count    = var.cross_region_replica ? 1 : 0
  provider = aws.replica

  description             = "RDS ${var.identifier} cross-region replica"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_db_subnet_group" "replica_region" {
  count    = var.cross_region_replica ? 1 : 0
  provider = aws.replica

  name       = "${var.identifier}-dr"
  subnet_ids = var.cross_region_subnet_ids

  lifecycle {
    precondition {
      condition     = length(var.cross_region_subnet_ids) >= 2
      error_message = "cross_region_replica needs cross_region_subnet_ids in at least two AZs of the replica region."
    }
  }
}

resource "aws_db_parameter_group" "replica_region" {
  count    = var.cross_region_replica ? 1 : 0
  provider = aws.replica

  name_prefix = "${var.identifier}-dr-"
  family      = var.parameter_group_family

  dynamic "parameter" {
    for_each = local.db_parameters
    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "cross_region_replica" {
  count    = var.cross_region_replica ? 1 : 0
  provider = aws.replica

  identifier          = "${var.identifier}-dr"
  replicate_source_db = aws_db_instance.primary.arn
  instance_class      = local.replica_class

  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.replica_region[0].arn
  max_allocated_storage = var.max_allocated_storage

  db_subnet_group_name   = aws_db_subnet_group.replica_region[0].name
  vpc_security_group_ids = var.cross_region_security_group_ids
  parameter_group_name   = aws_db_parameter_group.replica_region[0].name
  publicly_accessible    = false
  multi_az               = false

  backup_retention_period   = var.backup_retention_days
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.identifier}-dr-final"

  auto_minor_version_upgrade = true
  apply_immediately          = false

  performance_insights_enabled          = var.performance_insights_enabled
  performance_insights_kms_key_id       = var.performance_insights_enabled ? aws_kms_key.replica_region[0].arn : null
  performance_insights_retention_period = var.performance_insights_enabled ? 7 : null
}
