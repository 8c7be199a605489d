# alb: the Application Load Balancer in front of every service, CloudFront's API origin. HTTPS only
# (its security group admits CloudFront's origin-facing addresses on 443, nothing else), TLS
# 1.3/1.2 policy, ACM certificate validated through Route 53, invalid headers dropped, access logs
# to S3.
#
# Listener rules: /api/*/internal/* answers 404 first (machine routes stay inside the VPC, where
# services call each other by their Cloud Map names); each ecs-service adds its /api/<service>/*
# rule, which forwards only requests carrying the secret origin header CloudFront adds
# (origin_header below). Anything else - another CloudFront distribution, a wrong path - gets the
# default problem+json 404, like the services' own.

resource "aws_acm_certificate" "this" {
  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = {
    for option in aws_acm_certificate.this.domain_validation_options : option.domain_name => {
      name   = option.resource_record_name
      type   = option.resource_record_type
      record = option.resource_record_value
    }
  }

  zone_id         = var.hosted_zone_id
  name            = each.value.name
  type            = each.value.type
  records         = [each.value.record]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [var.security_group_id]
  subnets            = var.public_subnet_ids

  drop_invalid_header_fields = true
  idle_timeout               = var.idle_timeout
  enable_deletion_protection = var.deletion_protection

  access_logs {
    enabled = true
    bucket  = var.access_logs_bucket
    prefix  = var.access_logs_prefix
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = aws_acm_certificate_validation.this.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      status_code  = "404"
      content_type = local.not_found.content_type
      message_body = local.not_found.message_body
    }
  }
}

locals {
  not_found = {
    content_type = "application/problem+json"
    message_body = jsonencode({
      type   = "https://showroom.dev/problems/not-found"
      title  = "Not Found"
      status = 404
    })
  }
}

# Before every service rule (they start at 100): the internal routes never leave the VPC.
resource "aws_lb_listener_rule" "internal_routes" {
  listener_arn = aws_lb_listener.https.arn
  priority     = var.internal_routes_rule_priority

  action {
    type = "fixed-response"

    fixed_response {
      status_code  = "404"
      content_type = local.not_found.content_type
      message_body = local.not_found.message_body
    }
  }

  condition {
    path_pattern {
      values = var.internal_path_patterns
    }
  }
}

# The secret CloudFront sends as origin_header.name and the service rules require: it proves a
# request came through this platform's distribution (any CloudFront distribution can reach the
# prefix list's addresses). Letters and digits only: ALB header conditions read * and ? as
# wildcards. It sits in the state, like everything the distribution and the rules hold; rotate it
# with `terraform apply -replace=module.platform.module.alb.random_password.origin_secret` (the
# API answers 404 for the minutes CloudFront takes to deploy the new value).
resource "random_password" "origin_secret" {
  length  = 48
  special = false
}

resource "aws_route53_record" "alias" {
  zone_id = var.hosted_zone_id
  name    = var.domain_name
  type    = "A"

  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = true
  }
}
