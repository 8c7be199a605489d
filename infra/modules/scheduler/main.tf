# scheduler: non-production environments sleep at night and at weekends (America/New_York).
#   ECS: Application Auto Scaling scheduled actions set each service's min/max capacity to 0 at
#        20:00 Mon-Fri and restore them at 07:00 Mon-Fri (the service's own autoscaling then
#        brings the desired count back). Setting capacity, not desired count, keeps autoscaling
#        from scaling the service back up at night.
#   RDS: EventBridge Scheduler universal targets call rds:StopDBInstance / rds:StartDBInstance.
#        (AWS starts a stopped instance by itself after 7 days; the weekday start comes first.)
# ALB, NAT gateways, ElastiCache and interface endpoints cannot be stopped and keep billing.

data "aws_caller_identity" "current" {}

resource "aws_appautoscaling_scheduled_action" "stop" {
  for_each = var.ecs_services

  name               = "${var.name_prefix}-${each.key}-night-stop"
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = each.value.resource_id
  schedule           = var.stop_schedule
  timezone           = var.timezone

  scalable_target_action {
    min_capacity = 0
    max_capacity = 0
  }
}

resource "aws_appautoscaling_scheduled_action" "start" {
  for_each = var.ecs_services

  name               = "${var.name_prefix}-${each.key}-morning-start"
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = each.value.resource_id
  schedule           = var.start_schedule
  timezone           = var.timezone

  scalable_target_action {
    min_capacity = each.value.min_capacity
    max_capacity = each.value.max_capacity
  }
}

data "aws_iam_policy_document" "assume_scheduler" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name_prefix}-night-scheduler"
  assume_role_policy = data.aws_iam_policy_document.assume_scheduler.json
}

data "aws_iam_policy_document" "rds_stop_start" {
  statement {
    actions   = ["rds:StopDBInstance", "rds:StartDBInstance"]
    resources = values(var.rds_instances)
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "stop-start-rds"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.rds_stop_start.json
}

resource "aws_scheduler_schedule_group" "this" {
  name = "${var.name_prefix}-night"
}

resource "aws_scheduler_schedule" "rds_stop" {
  for_each = var.rds_instances

  name                         = "${each.key}-stop"
  group_name                   = aws_scheduler_schedule_group.this.name
  schedule_expression          = var.stop_schedule
  schedule_expression_timezone = var.timezone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance"
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ DbInstanceIdentifier = each.key })

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 3
    }
  }
}

resource "aws_scheduler_schedule" "rds_start" {
  for_each = var.rds_instances

  name                         = "${each.key}-start"
  group_name                   = aws_scheduler_schedule_group.this.name
  schedule_expression          = var.start_schedule
  schedule_expression_timezone = var.timezone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:rds:startDBInstance"
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ DbInstanceIdentifier = each.key })

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 3
    }
  }
}
