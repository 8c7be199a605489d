# waf: the web ACL in front of the CloudFront distribution (scope CLOUDFRONT, which AWS keeps in
# us-east-1: apply this module with the us-east-1 provider, as the platform does). In order:
#   1. internal-routes: /api/<service>/internal/... answers 404 at the edge in any spelling (URL
#      decoded, path normalised, lower-cased: Express matches routes case-insensitively, the ALB's
#      own 404 rule does not), except public_internal_paths spelt exactly as the ALB forwards them;
#   2. rate-limit: more than rate_limit requests from one address in 5 minutes answer 429;
#   3. AWS's common rule set (AWSManagedRulesCommonRuleSet), except that bodies over 8 KB are
#      counted, not blocked: ADF documents and lead notes are larger, and each service caps its own.

locals {
  # The rules that answer for themselves (problem+json, like the services): name => priority,
  # answer and statement (a regex on the decoded, normalised, lower-cased path, or a rate per
  # address over 5 minutes).
  answering_rules = {
    internal-routes = { priority = 0, answer = "not-found", path_regex = "^/api/[^/]+/internal(?:/|$)", except_path_regex = local.public_internal_regex, rate_limit = null }
    rate-limit      = { priority = 1, answer = "too-many-requests", path_regex = null, except_path_regex = null, rate_limit = var.rate_limit }
  }
  # The ALB path patterns as one regex on the raw path (`*` is one path segment here); with none,
  # it matches only an empty path, which no request has.
  public_internal_regex = "^(?:${join("|", [for path in var.public_internal_paths : replace(path, "*", "[^/]+")])})$"

  answers = {
    not-found         = { status = 404, title = "Not Found" }
    too-many-requests = { status = 429, title = "Too Many Requests" }
  }
}

resource "aws_wafv2_web_acl" "this" {
  name        = var.name
  description = "Showroom edge: internal routes, per-address rate limit, AWS common rules"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  dynamic "custom_response_body" {
    for_each = local.answers

    content {
      key          = custom_response_body.key
      content_type = "APPLICATION_JSON"
      content      = jsonencode({ type = "https://showroom.dev/problems/${custom_response_body.key}", title = custom_response_body.value.title, status = custom_response_body.value.status })
    }
  }

  dynamic "rule" {
    for_each = local.answering_rules

    content {
      name     = rule.key
      priority = rule.value.priority

      action {
        block {
          custom_response {
            response_code            = local.answers[rule.value.answer].status
            custom_response_body_key = rule.value.answer
          }
        }
      }

      statement {
        dynamic "and_statement" {
          for_each = rule.value.path_regex == null ? [] : [rule.value]

          content {
            statement {
              regex_match_statement {
                regex_string = and_statement.value.path_regex

                field_to_match {
                  uri_path {}
                }

                dynamic "text_transformation" {
                  for_each = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"]

                  content {
                    priority = text_transformation.key
                    type     = text_transformation.value
                  }
                }
              }
            }

            # ...unless it is one of the internal routes callers outside AWS must reach, exactly.
            statement {
              not_statement {
                statement {
                  regex_match_statement {
                    regex_string = and_statement.value.except_path_regex

                    field_to_match {
                      uri_path {}
                    }

                    text_transformation {
                      priority = 0
                      type     = "NONE"
                    }
                  }
                }
              }
            }
          }
        }

        dynamic "rate_based_statement" {
          for_each = rule.value.rate_limit == null ? [] : [rule.value.rate_limit]

          content {
            limit                 = rate_based_statement.value
            evaluation_window_sec = 300
            aggregate_key_type    = "IP"
          }
        }
      }

      visibility_config {
        metric_name                = "${var.name}-${rule.key}"
        cloudwatch_metrics_enabled = true
        sampled_requests_enabled   = true
      }
    }
  }

  rule {
    name     = "aws-common"
    priority = 2

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"

        dynamic "rule_action_override" {
          for_each = var.common_rules_counted

          content {
            name = rule_action_override.value

            action_to_use {
              count {}
            }
          }
        }
      }
    }

    visibility_config {
      metric_name                = "${var.name}-aws-common"
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    metric_name                = var.name
    cloudwatch_metrics_enabled = true
    sampled_requests_enabled   = true
  }
}
