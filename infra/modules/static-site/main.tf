# static-site: a private S3 bucket behind CloudFront with origin access control (the portal today,
# dealer public sites later). index.html at the root, client-side routes served /index.html,
# security headers on every response, optional /api/* behavior to the ALB (no caching, every
# viewer header except Host, cookies and query strings forwarded, HTTPS only, the ALB's secret
# origin header added), an optional WAF web ACL, ACM certificate in us-east-1 (CloudFront's
# region; this module is applied with the us-east-1 provider) and Route 53 alias records.
#
# SPA fallback is a CloudFront Function on the default behavior, not custom_error_response:
# error responses are distribution-wide, so "403/404 -> /index.html 200" would also rewrite the
# APIs' own problem+json 403s and 404s under /api/* into the portal's HTML with status 200.

data "aws_caller_identity" "current" {}

data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  site_origin_id = "site"
  api_origin_id  = "api"
}

module "bucket" {
  source = "../s3-private-bucket"

  bucket_name                  = "${var.name}-${data.aws_caller_identity.current.account_id}"
  cloudfront_distribution_arns = [aws_cloudfront_distribution.this.arn]
  force_destroy                = var.force_destroy
  lifecycle_rules = [
    { id = "old-builds", noncurrent_expiration_days = 30 },
  ]
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = var.name
  description                       = "${var.name} buckets"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_function" "spa_fallback" {
  count = var.spa_fallback ? 1 : 0

  name    = "${var.name}-spa-fallback"
  runtime = "cloudfront-js-2.0"
  comment = "Client-side routes (no file extension) get /index.html"
  publish = true
  code    = <<-EOT
    function handler(event) {
      var request = event.request;
      var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
      if (lastSegment.indexOf('.') === -1) {
        request.uri = '/index.html';
      }
      return request;
    }
  EOT
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.name}-security-headers"
  comment = "HSTS, CSP, frame and content-type protections"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_security_policy {
      content_security_policy = var.content_security_policy
      override                = false
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
  }
}

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

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  comment             = var.name
  aliases             = [var.domain_name]
  default_root_object = "index.html"
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  price_class         = var.price_class
  web_acl_id          = var.web_acl_id

  origin {
    origin_id                = local.site_origin_id
    domain_name              = module.bucket.regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  dynamic "origin" {
    for_each = var.extra_s3_origins

    content {
      origin_id                = origin.value.id
      domain_name              = origin.value.regional_domain_name
      origin_access_control_id = aws_cloudfront_origin_access_control.this.id
    }
  }

  dynamic "origin" {
    for_each = var.api_origin_domain_name == null ? [] : [var.api_origin_domain_name]

    content {
      origin_id   = local.api_origin_id
      domain_name = origin.value

      custom_origin_config {
        http_port              = 80
        https_port             = 443
        origin_protocol_policy = "https-only"
        origin_ssl_protocols   = ["TLSv1.2"]
        origin_read_timeout    = 30
      }

      # Overwrites a header of the same name a viewer sends.
      custom_header {
        name  = var.api_origin_header.name
        value = var.api_origin_header.value
      }
    }
  }

  default_cache_behavior {
    target_origin_id           = local.site_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    dynamic "function_association" {
      for_each = var.spa_fallback ? [1] : []

      content {
        event_type   = "viewer-request"
        function_arn = aws_cloudfront_function.spa_fallback[0].arn
      }
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.api_origin_domain_name == null ? [] : [1]

    content {
      path_pattern               = "/api/*"
      target_origin_id           = local.api_origin_id
      viewer_protocol_policy     = "https-only"
      allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.caching_disabled.id
      origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.extra_s3_origins

    content {
      path_pattern               = ordered_cache_behavior.value.path_pattern
      target_origin_id           = ordered_cache_behavior.value.id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.this.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_route53_record" "alias" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.hosted_zone_id
  name    = var.domain_name
  type    = each.value

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
