# sign-in-forwarder: one EventBridge rule in this Region that sends the events it matches to an
# event bus in another Region (modules/account-security calls it for each Region where console
# sign-ins can be recorded besides us-east-1).

data "aws_region" "current" {}

resource "aws_cloudwatch_event_rule" "this" {
  name          = var.name
  description   = "Forwards this Region's console sign-in events to the home Region's event bus"
  event_pattern = var.event_pattern

  lifecycle {
    precondition {
      condition     = data.aws_region.current.region == var.region
      error_message = "The provider passed to this forwarder is not in the Region it was called for."
    }

    # A rule forwarding to its own Region's bus would match its own events again.
    precondition {
      condition     = !strcontains(var.target_event_bus_arn, ":events:${var.region}:")
      error_message = "The target event bus must be in another Region."
    }
  }
}

resource "aws_cloudwatch_event_target" "home_bus" {
  rule      = aws_cloudwatch_event_rule.this.name
  target_id = "home-region-event-bus"
  arn       = var.target_event_bus_arn
  role_arn  = var.role_arn
}
