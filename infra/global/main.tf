# global: what all environments share. Apply it first (envs read the zone and the repositories).
#   - ECR: one repository per service; an image is built once by Jenkins and promoted from dev to
#     prod by tag, so a rollback target is the same bytes that were tested.
#   - Route 53: the public zone for <env>.showroom.example and app.showroom.example.
#   - CI buckets Jenkins uses: build artifacts (the portal bundle of every master build, published
#     from there to each environment) and QA's Protractor reports.
#   - The account's security baseline (modules/account-security): password policy, console users'
#     group (MFA first), CloudTrail trail, an e-mail for every console sign-in.

module "ecr" {
  source = "../modules/ecr"

  repository_prefix = var.ecr_repository_prefix
  services          = var.services
  pull_account_ids  = [for account in var.environment_account_ids : account if account != data.aws_caller_identity.current.account_id]
}

resource "aws_route53_zone" "public" {
  name    = var.hosted_zone_name
  comment = "Showroom portal and API names (managed by infra/global)"
}

data "aws_caller_identity" "current" {}

module "build_artifacts_bucket" {
  source = "../modules/s3-private-bucket"

  bucket_name = var.build_artifacts_bucket
  lifecycle_rules = [
    # Portal bundles are rollback targets like the images: keep a year of them.
    { id = "expire-artifacts", expiration_days = 365, noncurrent_expiration_days = 7 },
  ]
}

module "qa_reports_bucket" {
  source = "../modules/s3-private-bucket"

  bucket_name = var.qa_reports_bucket
  lifecycle_rules = [
    { id = "expire-reports", expiration_days = 90, noncurrent_expiration_days = 7 },
  ]
}

# Once per AWS account, so here: every environment runs in this root's account (they read its ECR
# repositories and its zone as their own, by name), and this root is applied once, not per
# environment. See infra/README.md, "Account security".
module "account_security" {
  source = "../modules/account-security"
  count  = var.account_security ? 1 : 0

  providers = {
    aws                = aws
    aws.us_east_2      = aws.us_east_2
    aws.eu_north_1     = aws.eu_north_1
    aws.ap_southeast_2 = aws.ap_southeast_2
  }

  security_alert_email = var.security_alert_email
}
