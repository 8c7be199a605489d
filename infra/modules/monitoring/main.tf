# monitoring: one KMS-encrypted SNS topic for alarms (e-mail subscribers) and the alarms that say
# a user would notice, written as one table (local.alarms) that one resource turns into alarms:
# ALB 5xx rate and p99 latency, unhealthy targets, ECS CPU/memory, the leads outbox's backlog and
# exhausted jobs, RDS CPU, storage and replica lag, ElastiCache CPU and evictions, DynamoDB
# throttles, and Route 53 health checks of the portal and of each API's /healthz through the
# public domain.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  health_checks = merge(
    { portal = "/" },
    { for service in var.health_check_api_services : service => format(var.api_health_path_format, service) },
  )
  alarm_actions = [aws_sns_topic.alarms.arn]
}

# CloudWatch can publish to an encrypted topic only with a customer-managed key that lets it.
data "aws_iam_policy_document" "sns_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchPublishes"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "sns" {
  description             = "Alarm topic ${var.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.sns_key.json
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  kms_master_key_id = aws_kms_key.sns.arn
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

# --- Alarms, as data -----------------------------------------------------------------------------
# Families of alarms, one row per alarm. A family has a CloudWatch namespace, its subjects (alarm
# name prefix => the metric's dimensions and a label for descriptions, where "{subject}" stands
# for it) and its alarms (name suffix => metric, statistic, period, threshold...). An alarm on
# metric math names an `expression` over `inputs` (query id => metric name, each read with the
# row's statistic and period). What a row leaves out comes from local.alarm_defaults. Every
# subject gets every alarm of its family, named <subject>-<suffix>; each notifies the topic on
# ALARM and on OK.

locals {
  alarm_defaults = {
    description         = null
    metric_name         = null
    statistic           = null
    extended_statistic  = null
    period              = 300
    evaluation_periods  = 3
    datapoints_to_alarm = null
    comparison          = "GreaterThanThreshold"
    treat_missing_data  = "notBreaching"
    expression          = null
    expression_label    = null
    inputs              = {}
  }

  alb = { LoadBalancer = var.alb_arn_suffix }

  alarm_families = {
    alb = {
      namespace = "AWS/ApplicationELB"
      subjects  = { "${var.name_prefix}-alb" = { dimensions = local.alb, label = "ALB" } }
      alarms = {
        # Share of 5xx answers, once there is traffic; 2 of 3 five-minute periods.
        "5xx-rate"    = { description = "More than ${var.alb_5xx_percent_threshold}% of API requests answered 5xx", expression = "IF(requests > 20, 100 * (target5xx + elb5xx) / requests, 0)", expression_label = "5xx %", inputs = { requests = "RequestCount", target5xx = "HTTPCode_Target_5XX_Count", elb5xx = "HTTPCode_ELB_5XX_Count" }, statistic = "Sum", datapoints_to_alarm = 2, threshold = var.alb_5xx_percent_threshold }
        "p99-latency" = { description = "p99 target response time above ${var.p99_latency_seconds_threshold}s", metric_name = "TargetResponseTime", extended_statistic = "p99", datapoints_to_alarm = 2, threshold = var.p99_latency_seconds_threshold }
      }
    }
    targets = {
      namespace = "AWS/ApplicationELB"
      subjects  = { for service, target_group in var.target_groups : "${var.name_prefix}-${service}" => { dimensions = merge(local.alb, { TargetGroup = target_group }), label = service } }
      alarms = {
        "unhealthy-targets" = { description = "{subject}: a task fails its /readyz check", metric_name = "UnHealthyHostCount", statistic = "Maximum", period = 60, evaluation_periods = 5, datapoints_to_alarm = 3, threshold = 0 }
      }
    }
    ecs = {
      namespace = "AWS/ECS"
      subjects  = { for service in var.ecs_services : "${var.name_prefix}-${service}" => { dimensions = { ClusterName = var.ecs_cluster_name, ServiceName = service }, label = service } }
      alarms = {
        "cpu-high"    = { description = "{subject}: CPU above 85% although autoscaling should have added tasks", metric_name = "CPUUtilization", statistic = "Average", threshold = 85 }
        "memory-high" = { description = "{subject}: memory above 90%", metric_name = "MemoryUtilization", statistic = "Average", threshold = 90 }
      }
    }
    # The outbox (services/leads/src/outbox/outbox-metrics.ts): each sweeper pass writes an
    # Embedded Metric Format line to stdout, which CloudWatch Logs turns into these metrics.
    outbox = {
      namespace = "Showroom/Outbox"
      subjects  = { for service in var.outbox_services : "${var.name_prefix}-${service}" => { dimensions = { Service = service }, label = service } }
      alarms = {
        "outbox-backlog"        = { description = "{subject}: events with a consumer unfinished for 10 minutes (Redis lost their jobs, or a consumer keeps failing)", metric_name = "OutboxBacklog", statistic = "Minimum", period = 60, evaluation_periods = 10, datapoints_to_alarm = 10, threshold = 0 }
        "outbox-exhausted-jobs" = { description = "{subject}: a consumer used up its retries and stays unfinished (outbox_consumer_runs)", metric_name = "OutboxExhaustedJobs", statistic = "Maximum", period = 60, evaluation_periods = 1, threshold = 0 }
      }
    }
    rds = {
      namespace = "AWS/RDS"
      subjects  = { for id in var.rds_instance_ids : id => { dimensions = { DBInstanceIdentifier = id }, label = id } }
      alarms = {
        "cpu-high"         = { metric_name = "CPUUtilization", statistic = "Average", threshold = 80 }
        "free-storage-low" = { description = "Less than ${var.rds_free_storage_threshold_bytes} bytes free (autoscaling storage may be at its ceiling)", metric_name = "FreeStorageSpace", statistic = "Minimum", evaluation_periods = 2, comparison = "LessThanThreshold", threshold = var.rds_free_storage_threshold_bytes }
      }
    }
    rds_replicas = {
      namespace = "AWS/RDS"
      subjects  = { for id in var.rds_replica_ids : id => { dimensions = { DBInstanceIdentifier = id }, label = id } }
      alarms = {
        "replica-lag" = { description = "Replica more than 30 s behind: reader pools serve stale lists", metric_name = "ReplicaLag", statistic = "Maximum", period = 60, evaluation_periods = 5, datapoints_to_alarm = 3, threshold = 30 }
      }
    }
    redis = {
      namespace = "AWS/ElastiCache"
      subjects  = { for id in var.redis_cluster_ids : id => { dimensions = { CacheClusterId = id }, label = id } }
      alarms = {
        "engine-cpu-high" = { metric_name = "EngineCPUUtilization", statistic = "Average", threshold = 80 }
        "evictions"       = { description = "Redis is evicting cache keys: the node is too small for the working set", metric_name = "Evictions", statistic = "Sum", threshold = 100 }
      }
    }
    dynamodb = {
      namespace = "AWS/DynamoDB"
      subjects  = { for table in values(var.dynamodb_table_names) : table => { dimensions = { TableName = table }, label = table } }
      alarms = {
        "throttled" = { description = "Reads or writes to {subject} are throttled", expression = "reads + writes", expression_label = "Throttle events", inputs = { reads = "ReadThrottleEvents", writes = "WriteThrottleEvents" }, statistic = "Sum", period = 60, datapoints_to_alarm = 2, threshold = 0 }
      }
    }
    # Route 53 health checks of the portal and each API (below), failing from the checkers.
    health_checks = {
      namespace = "AWS/Route53"
      subjects  = { for key, path in local.health_checks : "${var.name_prefix}-${key}" => { dimensions = { HealthCheckId = aws_route53_health_check.this[key].id }, label = "https://${var.health_check_domain}${path}" } }
      alarms = {
        "health-check" = { description = "{subject} fails from Route 53's checkers", metric_name = "HealthCheckStatus", statistic = "Minimum", period = 60, comparison = "LessThanThreshold", threshold = 1, treat_missing_data = "breaching" }
      }
    }
  }

  # Every alarm, by name: each family's rows for each of its subjects.
  alarms = merge(flatten([
    for family in values(local.alarm_families) : [
      for subject, target in family.subjects : {
        for suffix, row in family.alarms : "${subject}-${suffix}" => merge(local.alarm_defaults, row, {
          namespace   = family.namespace
          dimensions  = target.dimensions
          description = try(replace(row.description, "{subject}", target.label), null)
        })
      }
    ]
  ])...)
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = each.key
  alarm_description   = each.value.description
  namespace           = each.value.expression == null ? each.value.namespace : null
  metric_name         = each.value.metric_name
  dimensions          = each.value.expression == null ? each.value.dimensions : null
  statistic           = each.value.expression == null ? each.value.statistic : null
  extended_statistic  = each.value.extended_statistic
  period              = each.value.expression == null ? each.value.period : null
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  treat_missing_data  = each.value.treat_missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  # Metric math: the expression the alarm watches...
  dynamic "metric_query" {
    for_each = each.value.expression == null ? [] : [each.value.expression]

    content {
      id          = "alarm"
      expression  = metric_query.value
      label       = each.value.expression_label
      return_data = true
    }
  }

  # ...and the metrics it reads, with the subject's dimensions.
  dynamic "metric_query" {
    for_each = each.value.inputs

    content {
      id = metric_query.key

      metric {
        namespace   = each.value.namespace
        metric_name = metric_query.value
        dimensions  = each.value.dimensions
        stat        = each.value.statistic
        period      = each.value.period
      }
    }
  }
}

# The alarms were one resource per kind before they became rows above. Terraform forgets those
# addresses without deleting the alarms, and the rows (same names) take them over: CloudWatch's
# PutMetricAlarm replaces an alarm of the same name, so no alarm is ever missing. These blocks
# can go once every environment has applied them.
removed {
  from = aws_cloudwatch_metric_alarm.alb_5xx_rate
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.alb_p99_latency
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.unhealthy_hosts
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.ecs_cpu
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.ecs_memory
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.rds_cpu
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.rds_free_storage
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.rds_replica_lag
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.redis_cpu
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.redis_evictions
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.dynamodb_throttles
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_cloudwatch_metric_alarm.health_check
  lifecycle {
    destroy = false
  }
}

# --- Route 53 health checks (metrics live in us-east-1, where this runs) -------------------------

resource "aws_route53_health_check" "this" {
  for_each = local.health_checks

  fqdn              = var.health_check_domain
  type              = "HTTPS"
  port              = 443
  resource_path     = each.value
  request_interval  = 30
  failure_threshold = 3
  enable_sni        = true

  tags = { Name = "${var.name_prefix}-${each.key}" }
}
