# dynamodb-timelines: append-only timelines, on-demand, point-in-time recovery, SSE with a
# customer-managed key. Both tables share one key design:
#
#   lead-timeline (what happened to a lead, newest last)
#     pk     = "LEAD#<leadId>"                     partition: one lead's whole history
#     sk     = "<isoTime>#<eventId>"               sort: chronological; eventId makes it unique
#                                                  and makes retries idempotent (conditional put)
#     gsi1pk = "DEALERSHIP#<dealershipId>"         by-dealership index: a rooftop's activity feed
#     gsi1sk = "<isoTime>#<eventId>"               ...in time order, range-queryable by date
#
#   audit-log (who changed what)
#     pk     = "<ENTITY>#<id>", e.g. "VEHICLE#v_123"  one record's audit trail
#     sk     = "<isoTime>#<eventId>"
#     gsi1pk = "DEALERSHIP#<dealershipId>", gsi1sk = "<isoTime>#<eventId>"
#
# ISO-8601 UTC times sort lexicographically, so `begins_with`/`between` on sk give time ranges.
# Items are only ever put (the task roles have no UpdateItem/DeleteItem).

locals {
  tables = {
    lead-timeline = "Lead activity timeline"
    audit-log     = "Audit log of changes"
  }
}

resource "aws_kms_key" "dynamodb" {
  description             = "DynamoDB timelines ${var.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "dynamodb" {
  name          = "alias/${var.name_prefix}-dynamodb"
  target_key_id = aws_kms_key.dynamodb.key_id
}

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.name_prefix}-${each.key}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  attribute {
    name = "gsi1pk"
    type = "S"
  }

  attribute {
    name = "gsi1sk"
    type = "S"
  }

  global_secondary_index {
    name            = "by-dealership"
    hash_key        = "gsi1pk"
    range_key       = "gsi1sk"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }

  tags = { Description = each.value }
}
