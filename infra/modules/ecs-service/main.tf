# ecs-service: one API service on Fargate behind the shared ALB.
#
# Deployments: scripts/deploy-service.sh registers a new task-definition revision with the new
# image, records the tag in the SSM parameter /showroom/<env>/deploy/<service>/image-tag and waits
# for the service to be stable. Terraform reads that parameter for the image and tracks the latest
# ACTIVE revision (track_latest), so a later `terraform apply` never rolls the image back.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  family       = "${var.name_prefix}-${var.service_name}"
  path_pattern = coalesce(var.path_pattern, "/api/${var.service_name}/*")
  image_tag    = data.aws_ssm_parameter.image_tag.insecure_value

  environment = merge(var.extra_environment, {
    NODE_ENV             = "production"
    HOST                 = "0.0.0.0"
    PORT                 = tostring(var.container_port)
    APP_VERSION          = local.image_tag
    AUTH_ISSUER_BASE_URL = var.auth_issuer_base_url
    AUTH_AUDIENCE        = var.auth_audience
    MACHINE_CLIENT_IDS   = join(",", var.machine_client_ids)
    CORS_ORIGINS         = join(",", var.cors_origins)
    LOG_LEVEL            = var.log_level
    TRUST_PROXY_HOPS     = "2" # CloudFront, then the ALB: the client is the address before them
    NEW_RELIC_APP_NAME   = "showroom-${var.service_name} (${var.environment})"
    NEW_RELIC_LOG        = "stdout"
  })

  container = {
    name      = var.service_name
    image     = "${var.ecr_repository_url}:${local.image_tag}"
    essential = true

    portMappings = [{ name = "http", containerPort = var.container_port, protocol = "tcp" }]
    environment  = [for name in sort(keys(local.environment)) : { name = name, value = local.environment[name] }]
    secrets      = [for name in sort(keys(var.secret_arns)) : { name = name, valueFrom = var.secret_arns[name] }]

    readonlyRootFilesystem = true
    mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    linuxParameters        = { initProcessEnabled = true }
    stopTimeout            = 30

    # Liveness, as the image's own HEALTHCHECK: Node's fetch, no curl in the image.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.container_port}${var.liveness_path}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.region
        awslogs-stream-prefix = var.service_name
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }
}

# --- Image tag of record ---------------------------------------------------------------------------

resource "aws_ssm_parameter" "image_tag" {
  name           = "/showroom/${var.environment}/deploy/${var.service_name}/image-tag"
  description    = "Image tag deployed for ${var.service_name}; written by scripts/deploy-service.sh"
  type           = "String"
  insecure_value = var.initial_image_tag

  lifecycle {
    ignore_changes = [insecure_value]
  }
}

data "aws_ssm_parameter" "image_tag" {
  name = aws_ssm_parameter.image_tag.name
}

# --- Logs ------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${local.family}"
  retention_in_days = var.log_retention_days
}

# --- IAM: execution role (ECS agent) and task role (the application) ----------------------------

data "aws_iam_policy_document" "assume_ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${local.family}-execution"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullOwnImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [var.ecr_repository_arn]
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  statement {
    sid       = "ReadOwnSecrets"
    actions   = ["ssm:GetParameters"]
    resources = [var.secrets_parameter_path_arn]
  }

  statement {
    sid       = "DecryptOwnSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${data.aws_region.current.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "least-privilege"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${local.family}-task"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

data "aws_iam_policy_document" "task" {
  # Timelines are append-only: no UpdateItem or DeleteItem.
  dynamic "statement" {
    for_each = length(var.dynamodb_table_arns) > 0 ? [1] : []

    content {
      sid = "AppendAndReadTimelines"
      actions = [
        "dynamodb:DescribeTable",
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
      ]
      resources = concat(var.dynamodb_table_arns, [for arn in var.dynamodb_table_arns : "${arn}/index/*"])
    }
  }

  dynamic "statement" {
    for_each = var.s3_access

    content {
      sid       = "Objects${statement.key}"
      actions   = statement.value.read_only ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      resources = ["${statement.value.bucket_arn}/${statement.value.prefix}*"]
    }
  }

  dynamic "statement" {
    for_each = var.s3_access

    content {
      sid       = "List${statement.key}"
      actions   = ["s3:ListBucket"]
      resources = [statement.value.bucket_arn]

      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = ["${statement.value.prefix}*"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.data_kms_key_arns) > 0 ? [1] : []

    content {
      sid       = "DataKeys"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = var.data_kms_key_arns
    }
  }
}

resource "aws_iam_role_policy" "task" {
  count = length(var.dynamodb_table_arns) + length(var.s3_access) > 0 ? 1 : 0

  name   = "least-privilege"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

# --- Task definition and service -----------------------------------------------------------------

resource "aws_ecs_task_definition" "this" {
  family                   = local.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container])
  track_latest             = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # Writable scratch space for a read-only root filesystem.
  volume {
    name = "tmp"
  }
}

resource "aws_lb_target_group" "this" {
  name                 = substr("${var.name_prefix}-${var.service_name}", 0, 32)
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  health_check {
    path                = var.readiness_path
    port                = "traffic-port"
    protocol            = "HTTP"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

# The service's /api/<service>/* and, if it has one, the internal route that must stay reachable
# from outside AWS (users' memberships, read by Auth0's post-login Action; its priority comes
# before the ALB's /api/*/internal/* 404). Both forward only what came through the platform's
# CloudFront distribution (modules/alb, origin_header).
resource "aws_lb_listener_rule" "this" {
  for_each = merge(
    { api = { priority = var.listener_rule_priority, path = local.path_pattern } },
    { for name, route in { public_internal = var.public_internal_route } : name => route if route != null },
  )

  listener_arn = var.alb_listener_arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }

  condition {
    path_pattern {
      values = [each.value.path]
    }
  }

  condition {
    http_header {
      http_header_name = var.alb_origin_header.name
      values           = [var.alb_origin_header.value]
    }
  }
}

moved {
  from = aws_lb_listener_rule.this
  to   = aws_lb_listener_rule.this["api"]
}

# <service_name>.<namespace>: one A record per running task (healthy per the container's own
# health check), what other services call inside the VPC.
resource "aws_service_discovery_service" "this" {
  count = var.service_discovery_namespace_id == null ? 0 : 1

  name = var.service_name

  dns_config {
    namespace_id   = var.service_discovery_namespace_id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = "A"
      ttl  = 10
    }
  }

  health_check_custom_config {}
}

resource "aws_ecs_service" "this" {
  name            = var.service_name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.min_capacity

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 30
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = var.service_name
    container_port   = var.container_port
  }

  dynamic "service_registries" {
    for_each = aws_service_discovery_service.this[*].arn

    content {
      registry_arn = service_registries.value
    }
  }

  lifecycle {
    # Application Auto Scaling (and the night-time scheduler) own the running count.
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener_rule.this, aws_iam_role_policy.execution]
}

# --- Autoscaling ---------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.family}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  name               = "${local.family}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.memory_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${local.family}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.alb_arn_suffix}/${aws_lb_target_group.this.arn_suffix}"
    }
  }
}
