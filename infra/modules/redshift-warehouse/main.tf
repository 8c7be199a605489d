# redshift-warehouse: Amazon Redshift Serverless for the nightly warehouse (infra/warehouse/*.sql).
#
# A namespace (the data: encrypted with the platform's key for warehouse data, its admin password
# generated and kept by Redshift in Secrets Manager, never in code or state) and a workgroup (the
# compute) in the private data subnets, not publicly reachable, with enhanced VPC routing (its S3
# traffic goes through the VPC's gateway endpoint). COPY reads the bucket's warehouse/ prefix as the
# copy role, the namespace's only and default role; COPY from Parquet goes through Redshift Spectrum,
# outside the endpoint, which is why the bucket exempts that role from its endpoint-only rule. The
# nightly load reaches it through the Redshift Data API (IAM, no network path from Jenkins).

data "aws_partition" "current" {}
data "aws_region" "current" {}

# S3's addresses in this region, for the workgroup's only egress (COPY through the gateway endpoint).
data "aws_ec2_managed_prefix_list" "s3" {
  name = "com.amazonaws.${data.aws_region.current.region}.s3"
}

locals {
  name = "${var.name_prefix}-warehouse"
}

resource "aws_security_group" "workgroup" {
  name        = local.name
  description = "Redshift Serverless warehouse of ${var.environment}: SQL clients in the VPC in, S3 out"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = toset(var.client_security_group_ids)

  security_group_id            = aws_security_group.workgroup.id
  description                  = "Redshift SQL from ${each.value}"
  ip_protocol                  = "tcp"
  from_port                    = 5439
  to_port                      = 5439
  referenced_security_group_id = each.value
}

resource "aws_vpc_security_group_egress_rule" "s3" {
  security_group_id = aws_security_group.workgroup.id
  description       = "COPY reads Parquet from S3 through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.s3.id
}

# --- The COPY role -------------------------------------------------------------------------------

data "aws_iam_policy_document" "assume_copy" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["redshift.amazonaws.com", "redshift-serverless.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "copy" {
  name               = "${local.name}-copy"
  description        = "Redshift COPY of ${var.environment}: reads the warehouse bucket's ${var.bucket_prefix} prefix"
  assume_role_policy = data.aws_iam_policy_document.assume_copy.json
}

# Read-only, and only the warehouse's files: the same bucket may keep other prefixes one day.
data "aws_iam_policy_document" "copy" {
  statement {
    sid       = "ReadWarehouseFiles"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/${var.bucket_prefix}*"]
  }

  statement {
    sid       = "ListWarehouseFiles"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.bucket_prefix}*"]
    }
  }

  statement {
    sid       = "DecryptWarehouseFiles"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "copy" {
  name   = "read-warehouse-prefix"
  role   = aws_iam_role.copy.id
  policy = data.aws_iam_policy_document.copy.json
}

# --- Namespace and workgroup ---------------------------------------------------------------------

resource "aws_redshiftserverless_namespace" "this" {
  namespace_name        = local.name
  db_name               = var.database_name
  kms_key_id            = var.kms_key_arn
  iam_roles             = [aws_iam_role.copy.arn]
  default_iam_role_arn  = aws_iam_role.copy.arn
  admin_username        = "showroom_admin"
  manage_admin_password = true
  log_exports           = ["userlog", "connectionlog", "useractivitylog"]
}

resource "aws_redshiftserverless_workgroup" "this" {
  workgroup_name       = local.name
  namespace_name       = aws_redshiftserverless_namespace.this.namespace_name
  base_capacity        = var.base_capacity
  max_capacity         = var.max_capacity
  subnet_ids           = var.subnet_ids
  security_group_ids   = [aws_security_group.workgroup.id]
  publicly_accessible  = false
  enhanced_vpc_routing = true

  config_parameter {
    parameter_key   = "require_ssl"
    parameter_value = "true"
  }
}
