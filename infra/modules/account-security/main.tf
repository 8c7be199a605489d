# account-security: what an AWS account needs once, whatever runs in it. Call it from exactly one
# root per account (infra/global, see infra/README.md "Account security"): a second call in the
# same account would fight over the one password policy and record every event twice.
#   - the IAM password policy (IAM users only; Identity Center users have their own settings);
#   - the console users' group, whose members can do nothing but set their password and enrol
#     their own MFA device until they sign in with MFA (AWS's "force MFA" policy);
#   - a multi-Region CloudTrail trail to a private, KMS-encrypted bucket (trail.tf);
#   - an e-mail for every console sign-in: EventBridge -> SNS (sign-in-alerts.tf).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  home_region = data.aws_region.current.region
}

# --- Password policy -----------------------------------------------------------------------------
# One per account (PutAccountPasswordPolicy replaces whatever was there). 14 characters of all four
# kinds, changed every 90 days, none of the last 5 again; an expired password can still be changed
# by its user at the next sign-in (hard_expiry = false), instead of locking them out for an admin.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 5
  allow_users_to_change_password = true
  hard_expiry                    = false
}

# --- Console users: MFA first ------------------------------------------------------------------
# Every IAM user who signs in to the console belongs here (their other rights come from other
# groups). Without MFA in the session — a password-only sign-in, or access keys, whose requests
# carry no aws:MultiFactorAuthPresent at all, hence BoolIfExists — everything is denied except what
# it takes to set one's own password and enrol one's own virtual MFA device. Name the device as
# the user (mfa/<user name>): it is the only name the policy lets one create.

locals {
  # What a user may do before MFA: nothing outside this list is exempt from the deny below.
  self_service_without_mfa = [
    "iam:ChangePassword",
    "iam:GetAccountPasswordPolicy",
    "iam:GetUser",
    "iam:CreateVirtualMFADevice",
    "iam:EnableMFADevice",
    "iam:GetMFADevice",
    "iam:ListMFADevices",
    "iam:ListVirtualMFADevices",
    "iam:ResyncMFADevice",
    "sts:GetSessionToken",
  ]
  own_user       = "arn:${local.partition}:iam::*:user/$${aws:username}"
  own_mfa_device = "arn:${local.partition}:iam::*:mfa/$${aws:username}"
}

data "aws_iam_policy_document" "force_mfa" {
  statement {
    sid       = "ViewAccountPasswordPolicyAndMfaDevices"
    actions   = ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"]
    resources = ["*"]
  }

  statement {
    sid       = "ManageOwnPassword"
    actions   = ["iam:ChangePassword", "iam:GetUser"]
    resources = [local.own_user]
  }

  statement {
    sid       = "CreateOwnVirtualMfaDevice"
    actions   = ["iam:CreateVirtualMFADevice"]
    resources = [local.own_mfa_device]
  }

  statement {
    sid       = "EnrolOwnMfaDevice"
    actions   = ["iam:EnableMFADevice", "iam:GetMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"]
    resources = [local.own_user]
  }

  # Removing one's device needs a session that used it.
  statement {
    sid       = "DeactivateOwnMfaDeviceOnlyWithMfa"
    actions   = ["iam:DeactivateMFADevice"]
    resources = [local.own_user]

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }

  statement {
    sid         = "DenyAllExceptSelfServiceWithoutMfa"
    effect      = "Deny"
    not_actions = local.self_service_without_mfa
    resources   = ["*"]

    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_group" "console_users" {
  name = "${var.name_prefix}-console-users"
}

resource "aws_iam_group_policy" "force_mfa" {
  name   = "force-mfa"
  group  = aws_iam_group.console_users.name
  policy = data.aws_iam_policy_document.force_mfa.json
}
