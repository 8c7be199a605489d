# --- Warehouse export roles ------------------------------------------------------------------------

# The nightly export (infra/scripts/warehouse-export.sh) runs a one-off task of each exporting
# service's own task definition (its image, network, database and secrets) with this role in place of
# the service's task role (run-task overrides taskRoleArn). Only this role may put, list and delete
# under the service's table prefix, so a compromised long-running web task cannot rewrite or delete
# warehouse history; the service's task role has no warehouse grant at all. The export reads its data
# through the execution role's secrets (database URL, Elasticsearch key), so it needs nothing else here.

data "aws_iam_policy_document" "warehouse_export_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "warehouse_export" {
  for_each = local.warehouse_tables

  name               = "${local.name}-${each.key}-warehouse-export"
  assume_role_policy = data.aws_iam_policy_document.warehouse_export_assume.json
}

data "aws_iam_policy_document" "warehouse_export" {
  for_each = local.warehouse_tables

  # A re-export replaces the day's file and deletes strays: put, get, delete under its own table only.
  statement {
    sid       = "OwnTablePartitions"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${module.warehouse_bucket.arn}/${local.warehouse_prefix}${each.value}/*"]
  }

  statement {
    sid       = "ListOwnTable"
    actions   = ["s3:ListBucket"]
    resources = [module.warehouse_bucket.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.warehouse_prefix}${each.value}/*"]
    }
  }

  statement {
    sid       = "WarehouseKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [module.warehouse_bucket.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "warehouse_export" {
  for_each = local.warehouse_tables

  name   = "least-privilege"
  role   = aws_iam_role.warehouse_export[each.key].id
  policy = data.aws_iam_policy_document.warehouse_export[each.key].json
}

# infra/scripts/warehouse-export.sh reads the role of each service's export task here (a name, no secret).
resource "aws_ssm_parameter" "warehouse_export_role" {
  for_each = aws_iam_role.warehouse_export

  name           = "/showroom/${var.environment}/warehouse/export-role-arn/${each.key}"
  type           = "String"
  insecure_value = each.value.arn
}
