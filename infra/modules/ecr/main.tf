# ecr: one repository per service, shared by every environment (an image is built once and
# promoted dev -> qa -> beta -> prod by tag). Tags are immutable, images are scanned on push and
# encrypted with a customer-managed key.
#
# Lifecycle: ECR rules only expire, so "keep" is expressed by priority. An image whose tags match
# a higher-priority rule can never be expired by a lower-priority rule, so rules 1 and 2 select the
# release tags (v*) and beta tags (beta-*) with a count no repository will reach: those images
# are kept for ever as rollback targets. Rule 3 keeps the last builds (<branch>-<sha>, i.e. *-*),
# rule 4 expires untagged images after a week.

locals {
  keep_forever = 9999

  lifecycle_policy = {
    rules = [
      {
        rulePriority = 1
        description  = "Keep every release image (v*): rollback targets"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["v*"]
          countType      = "imageCountMoreThan"
          countNumber    = local.keep_forever
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep every beta image (beta-*): rollback targets"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["beta-*"]
          countType      = "imageCountMoreThan"
          countNumber    = local.keep_forever
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 3
        description  = "Keep the last CI builds (*-*)"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["*-*"]
          countType      = "imageCountMoreThan"
          countNumber    = var.keep_last_builds
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 4
        description  = "Expire untagged images"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = var.untagged_expiry_days
        }
        action = { type = "expire" }
      },
    ]
  }
}

resource "aws_kms_key" "ecr" {
  description             = "ECR images (${var.repository_prefix})"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "ecr" {
  name          = "alias/${var.repository_prefix}-ecr"
  target_key_id = aws_kms_key.ecr.key_id
}

resource "aws_ecr_repository" "this" {
  for_each = toset(var.services)

  name                 = "${var.repository_prefix}/${each.value}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each = aws_ecr_repository.this

  repository = each.value.name
  policy     = jsonencode(local.lifecycle_policy)
}

data "aws_iam_policy_document" "pull" {
  count = length(var.pull_account_ids) > 0 ? 1 : 0

  statement {
    sid     = "EnvironmentAccountsPull"
    actions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]

    principals {
      type        = "AWS"
      identifiers = [for account in var.pull_account_ids : "arn:aws:iam::${account}:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "pull" {
  for_each = { for name, repo in aws_ecr_repository.this : name => repo.name if length(var.pull_account_ids) > 0 }

  repository = each.value
  policy     = data.aws_iam_policy_document.pull[0].json
}
