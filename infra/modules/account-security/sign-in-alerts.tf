# An e-mail for every console sign-in, successful or not, root, IAM or federated user:
#   CloudTrail's "AWS Console Sign In via CloudTrail" event -> EventBridge rule -> SNS -> e-mail.
#
# EventBridge sees an event only in the Region CloudTrail records it in, and that Region depends
# on who signs in and how (CloudTrail User Guide, "AWS Management Console sign-in events"):
#   - the root user: us-east-1;
#   - an IAM user through the global endpoint (signin.aws.amazon.com): us-east-1 without an
#     account-alias cookie in the browser, otherwise us-east-2, eu-north-1 or ap-southeast-2
#     (whichever is nearest);
#   - an IAM user through a Regional endpoint (<region>.signin.aws.amazon.com): that Region.
# So the alerting rule and its topic live in us-east-1 (this module's default provider), and in
# each of the three other global-endpoint Regions a rule (modules/sign-in-forwarder) forwards the
# same events to us-east-1's default event bus, where this rule matches them too. A sign-in
# through another Region's endpoint is still in the multi-Region trail, but alerts nobody until
# that Region gets a forwarder too (a provider alias and one more module call below).

locals {
  # The events the alert is about, as an EventBridge pattern. The forwarders use the same one.
  console_sign_in_pattern = {
    "detail-type" = ["AWS Console Sign In via CloudTrail"]
  }
  home_event_bus_arn = "arn:${local.partition}:events:${local.home_region}:${local.account_id}:event-bus/default"
}

resource "aws_sns_topic" "sign_ins" {
  name              = "${var.name_prefix}-console-sign-ins"
  kms_master_key_id = aws_kms_key.this.arn
}

# Only this account's sign-in rule may publish here.
data "aws_iam_policy_document" "sign_ins_topic" {
  statement {
    sid       = "SignInRulePublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.sign_ins.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.console_sign_in.arn]
    }
  }
}

resource "aws_sns_topic_policy" "sign_ins" {
  arn    = aws_sns_topic.sign_ins.arn
  policy = data.aws_iam_policy_document.sign_ins_topic.json
}

resource "aws_sns_topic_subscription" "security_email" {
  topic_arn = aws_sns_topic.sign_ins.arn
  protocol  = "email"
  endpoint  = var.security_alert_email
}

resource "aws_cloudwatch_event_rule" "console_sign_in" {
  name          = "${var.name_prefix}-console-sign-in"
  description   = "Every AWS console sign-in to this account (this Region's and the forwarded ones)"
  event_pattern = jsonencode(local.console_sign_in_pattern)
}

resource "aws_cloudwatch_event_target" "sign_in_email" {
  rule      = aws_cloudwatch_event_rule.console_sign_in.name
  target_id = "security-email"
  arn       = aws_sns_topic.sign_ins.arn

  # One readable line instead of the event's JSON.
  input_transformer {
    input_paths = {
      account = "$.account"
      region  = "$.region"
      time    = "$.time"
      user    = "$.detail.userIdentity.arn"
      kind    = "$.detail.userIdentity.type"
      ip      = "$.detail.sourceIPAddress"
      result  = "$.detail.responseElements.ConsoleLogin"
      mfa     = "$.detail.additionalEventData.MFAUsed"
    }
    input_template = "\"AWS console sign-in to account <account> (<region>) at <time>: <result> for <user> (<kind>) from <ip>, MFA used: <mfa>.\""
  }
}

# --- The other Regions' sign-ins, forwarded to us-east-1 -----------------------------------------

data "aws_iam_policy_document" "assume_events" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "sign_in_forwarder" {
  name               = "${var.name_prefix}-sign-in-forwarder"
  assume_role_policy = data.aws_iam_policy_document.assume_events.json
}

data "aws_iam_policy_document" "put_home_events" {
  statement {
    actions   = ["events:PutEvents"]
    resources = [local.home_event_bus_arn]
  }
}

resource "aws_iam_role_policy" "sign_in_forwarder" {
  name   = "put-events-home-region"
  role   = aws_iam_role.sign_in_forwarder.id
  policy = data.aws_iam_policy_document.put_home_events.json
}

# One block per Region, alike but for the provider: Terraform fixes a module's providers when it
# reads the configuration, so a for_each over Regions cannot give each instance its own.
module "forward_us_east_2" {
  source = "../sign-in-forwarder"

  providers = {
    aws = aws.us_east_2
  }

  region               = "us-east-2"
  name                 = "${var.name_prefix}-console-sign-in-forward"
  event_pattern        = jsonencode(local.console_sign_in_pattern)
  target_event_bus_arn = local.home_event_bus_arn
  role_arn             = aws_iam_role.sign_in_forwarder.arn
}

module "forward_eu_north_1" {
  source = "../sign-in-forwarder"

  providers = {
    aws = aws.eu_north_1
  }

  region               = "eu-north-1"
  name                 = "${var.name_prefix}-console-sign-in-forward"
  event_pattern        = jsonencode(local.console_sign_in_pattern)
  target_event_bus_arn = local.home_event_bus_arn
  role_arn             = aws_iam_role.sign_in_forwarder.arn
}

module "forward_ap_southeast_2" {
  source = "../sign-in-forwarder"

  providers = {
    aws = aws.ap_southeast_2
  }

  region               = "ap-southeast-2"
  name                 = "${var.name_prefix}-console-sign-in-forward"
  event_pattern        = jsonencode(local.console_sign_in_pattern)
  target_event_bus_arn = local.home_event_bus_arn
  role_arn             = aws_iam_role.sign_in_forwarder.arn
}
