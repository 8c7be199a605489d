# ssm-secrets: the KMS key and the NAMES of the SecureString parameters each service reads.
#
# Terraform never holds a secret value: it does not create these parameters (a value would have to
# pass through code or state). Operators put them once per environment, encrypted with this key:
#
#   aws ssm put-parameter --type SecureString --key-id alias/showroom-<env>-secrets \
#     --name /showroom/<env>/<service>/<NAME> --value '...'      (add --overwrite to rotate)
#
# ECS injects them into the containers through the task definition's `secrets` (by ARN), and each
# service's execution role may read only its own path. The Redis AUTH token lives at
# /showroom/<env>/redis/AUTH_TOKEN and is read by the elasticache-redis module.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  prefix                          = "${var.parameter_root}/${var.environment}"
  redis_auth_token_parameter_name = "${var.parameter_root}/${var.environment}/redis/AUTH_TOKEN"
  arn                             = "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:parameter"

  # The environment variable names each service gets from SSM; the parameter is named the same.
  # Every service: its database URLs and the shared names; then what only that service reads
  # (var.service_secret_names, e.g. leads' SMTP_URL), which no other service is given.
  shared_secret_names = ["REDIS_URL", "BUGSNAG_API_KEY", "NEW_RELIC_LICENSE_KEY"]
  service_secrets = {
    for service in var.services : service => distinct(concat(
      ["${upper(service)}_DATABASE_URL", "${upper(service)}_DATABASE_READER_URLS"],
      local.shared_secret_names,
      lookup(var.service_secret_names, service, []),
    ))
  }
}

resource "aws_kms_key" "secrets" {
  description             = "SSM SecureString parameters of ${var.environment}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/showroom-${var.environment}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}
