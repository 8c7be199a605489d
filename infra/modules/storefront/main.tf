# storefront: every dealership's website, from one deployment (docs/adr/0010-dealer-websites.md).
#
#   viewer (<slug>.<sites_domain> or a dealer's own domain)
#     -> CloudFront (wildcard certificate, WAF)
#          /media/*  -> media bucket (origin access control; /media stripped: sites/assets/<id>/...)
#          *         -> ALB (origin.<domain>, HTTPS, this module's secret header) -> ECS storefront :4400
#
# The viewer's host chooses the site. CloudFront keeps it out of the Host it sends the ALB: with
# Host forwarded, CloudFront would ask the ALB for a certificate of every dealer's domain (SNI
# follows Host). A viewer-request function copies it into X-Site-Host instead, which the page cache
# policy keys on (one cached page per host, path and query) and the storefront reads.
#
# Custom domains are added by the users service's provisioner (attach-domain step): aliases on this
# distribution, ACM certificates and Route 53 records, with the permissions granted at the bottom.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

locals {
  site_origin_id  = "storefront"
  media_origin_id = "media"
  # The header carrying the viewer's host to the storefront (apps/storefront reads it behind the ALB).
  site_host_header = "X-Site-Host"
  partition        = data.aws_partition.current.partition
  account_id       = data.aws_caller_identity.current.account_id
}

# --- The SSR service -----------------------------------------------------------------------------

# Proves a request came through this distribution: the API rules require the portal's secret
# (modules/alb), this one the storefront rule, so neither distribution reaches the other's targets.
resource "random_password" "origin_secret" {
  length  = 48
  special = false
}

module "service" {
  source = "../ecs-service"

  name_prefix            = var.name_prefix
  environment            = var.environment
  service_name           = "storefront"
  container_port         = var.container_port
  path_pattern           = "/*"
  listener_rule_priority = var.listener_rule_priority

  cluster_arn        = var.cluster_arn
  cluster_name       = var.cluster_name
  vpc_id             = var.vpc_id
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  alb_listener_arn   = var.alb_listener_arn
  alb_origin_header  = { name = var.origin_header_name, value = random_password.origin_secret.result }
  alb_arn_suffix     = var.alb_arn_suffix

  ecr_repository_url = var.ecr_repository_url
  ecr_repository_arn = var.ecr_repository_arn
  initial_image_tag  = var.size.initial_image_tag

  cpu               = var.size.cpu
  memory            = var.size.memory
  min_capacity      = var.size.min_capacity
  max_capacity      = var.size.max_capacity
  capacity_provider = var.capacity_provider

  auth_issuer_base_url = var.auth_issuer_base_url
  machine_client_ids   = []
  cors_origins         = var.cors_origins
  log_level            = var.size.log_level
  log_retention_days   = var.log_retention_days
  # The storefront picks the site by this header (apps/storefront/README.md), never by a shopper's.
  extra_environment = merge(var.service_environment, { SITE_HOST_HEADER = local.site_host_header })

  secret_arns                = {}
  secrets_parameter_path_arn = var.secrets_parameter_path_arn
  secrets_kms_key_arn        = var.secrets_kms_key_arn

  s3_access         = [for prefix in var.site_config_prefixes : { bucket_arn = var.media_bucket_arn, prefix = prefix, read_only = true }]
  data_kms_key_arns = [var.media_kms_key_arn]
}

# --- Certificate and names -----------------------------------------------------------------------

# CloudFront's certificates live in us-east-1: this module is applied with that provider.
resource "aws_acm_certificate" "sites" {
  domain_name       = "*.${var.sites_domain}"
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = {
    for option in aws_acm_certificate.sites.domain_validation_options : option.domain_name => {
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

resource "aws_acm_certificate_validation" "sites" {
  certificate_arn         = aws_acm_certificate.sites.arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

# Every platform host at once: a new dealership needs no DNS change.
resource "aws_route53_record" "wildcard" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.hosted_zone_id
  name    = "*.${var.sites_domain}"
  type    = each.value

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}

# --- Edge ----------------------------------------------------------------------------------------

resource "aws_cloudfront_function" "site_host" {
  name    = "${var.name_prefix}-storefront-site-host"
  runtime = "cloudfront-js-2.0"
  comment = "The viewer's host, for the cache key and the storefront (Host stays the ALB's name)"
  publish = true
  code    = <<-EOT
    function handler(event) {
      var request = event.request;
      request.headers['${lower(local.site_host_header)}'] = { value: request.headers.host.value.toLowerCase() };
      return request;
    }
  EOT
}

resource "aws_cloudfront_function" "media_path" {
  name    = "${var.name_prefix}-storefront-media-path"
  runtime = "cloudfront-js-2.0"
  comment = "${var.media_path}/<key> reads <key> from the media bucket"
  publish = true
  code    = <<-EOT
    function handler(event) {
      var request = event.request;
      request.uri = request.uri.substring(${length(var.media_path)});
      return request;
    }
  EOT
}

# Pages: one cache entry per site host, path and query string (search results live in the query);
# no cookie is read. The storefront's Cache-Control decides within [0, max].
resource "aws_cloudfront_cache_policy" "pages" {
  name        = "${var.name_prefix}-storefront-pages"
  comment     = "Storefront pages by site host, path and query"
  min_ttl     = 0
  default_ttl = var.page_cache.default
  max_ttl     = var.page_cache.max

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    headers_config {
      header_behavior = "whitelist"

      headers {
        items = [local.site_host_header]
      }
    }

    query_strings_config {
      query_string_behavior = "all"
    }

    cookies_config {
      cookie_behavior = "none"
    }
  }
}

resource "aws_cloudfront_origin_access_control" "media" {
  name                              = "${var.name_prefix}-storefront-media"
  description                       = "Storefront reads of the media bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.name_prefix}-storefront-security-headers"
  comment = "HSTS, content-type, frame and referrer protections for dealer sites"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = false # a dealer's own domain decides for its other names
      preload                    = false
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "SAMEORIGIN"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  comment         = "${var.name_prefix} dealer websites"
  aliases         = ["*.${var.sites_domain}"]
  http_version    = "http2and3"
  is_ipv6_enabled = true
  price_class     = var.price_class
  web_acl_id      = var.web_acl_id

  origin {
    origin_id   = local.site_origin_id
    domain_name = var.alb_domain_name

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 30
    }

    custom_header {
      name  = var.origin_header_name
      value = random_password.origin_secret.result
    }
  }

  origin {
    origin_id                = local.media_origin_id
    domain_name              = var.media_bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.media.id
  }

  default_cache_behavior {
    target_origin_id           = local.site_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.pages.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.site_host.arn
    }
  }

  ordered_cache_behavior {
    path_pattern               = "${var.media_path}/*"
    target_origin_id           = local.media_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.media_path.arn
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.sites.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  lifecycle {
    # Dealers' own domains are added and removed by the users service's provisioner.
    ignore_changes = [aliases]
  }
}

# --- What the users service's provisioner may do -------------------------------------------------

data "aws_iam_policy_document" "provisioner" {
  # A dealer's own domain may live in any zone of this account (delegated to us), not only the
  # sites zone: the provisioner finds the zone that holds it (services/users/src/provisioning/
  # aws-hosting.ts) and writes its validation and alias records there. Zones of other accounts are
  # out of reach; their owners add the records the portal shows.
  statement {
    sid       = "RecordsInTheAccountZones"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["arn:${local.partition}:route53:::hostedzone/*"]
  }

  statement {
    sid       = "FindZones"
    actions   = ["route53:ListHostedZones"]
    resources = ["*"]
  }

  # A change id is known only once made: GetChange cannot be narrowed to a zone.
  statement {
    sid       = "WaitForRecordChanges"
    actions   = ["route53:GetChange"]
    resources = ["arn:${local.partition}:route53:::change/*"]
  }

  # RequestCertificate and ListCertificates act on no existing certificate: no narrower resource.
  statement {
    sid       = "RequestCertificates"
    actions   = ["acm:RequestCertificate", "acm:ListCertificates"]
    resources = ["*"]
  }

  # Certificates are requested tagged with their dealership (showroom:dealership).
  statement {
    sid       = "ReadAndTagCertificates"
    actions   = ["acm:DescribeCertificate", "acm:AddTagsToCertificate"]
    resources = ["arn:${local.partition}:acm:us-east-1:${local.account_id}:certificate/*"]
  }

  statement {
    sid = "AliasesAndInvalidations"
    actions = [
      "cloudfront:GetDistribution",
      "cloudfront:GetDistributionConfig",
      "cloudfront:UpdateDistribution",
      "cloudfront:CreateInvalidation",
    ]
    resources = [aws_cloudfront_distribution.this.arn]
  }
}

resource "aws_iam_role_policy" "provisioner" {
  name   = "sites-provisioner"
  role   = var.provisioner_role_name
  policy = data.aws_iam_policy_document.provisioner.json
}
