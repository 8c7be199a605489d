# platform: everything one environment runs, wired once. The root in live/ calls this module with
# one environment's sizes and shape (Multi-AZ, replicas, NAT per AZ, night shutdown...), so the
# environments differ only in envs/<env>.tfvars (and their state, envs/<env>.backend.hcl).
#
#   WAF -> CloudFront (portal bucket, /photos/*, /api/* -> ALB with a secret origin header) -> ALB
#   (CloudFront's addresses only) -> ECS services -> RDS / Redis / DynamoDB / S3, secrets from SSM,
#   images from the shared ECR, alarms to SNS; services call each other by Cloud Map names.
#   Dealer websites: WAF -> their own CloudFront (*.<sites_domain>, /media/*) -> the same ALB with
#   the storefront's secret -> ECS storefront (modules/storefront), provisioned by users.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

data "aws_route53_zone" "this" {
  name         = var.hosted_zone_name
  private_zone = false
}

locals {
  name           = "showroom-${var.environment}"
  account_id     = data.aws_caller_identity.current.account_id
  rds_identifier = "${local.name}-mysql"
  api_origin     = "origin.${var.domain_name}"
  portal_origin  = "https://${var.domain_name}"

  # How one service calls another: inside the VPC, by its Cloud Map name (an A record per running
  # task, <service>.<internal_domain>, in a private DNS zone of this VPC) on its container port,
  # never through CloudFront and the ALB, which answer 404 for /api/*/internal/*. Callers append
  # the full /api/<service>/... path, which each service serves itself.
  internal_domain = "${var.environment}.showroom.internal"

  leads_mail_from  = coalesce(var.leads_mail_from, "leads@${var.domain_name}")
  retail_mail_from = coalesce(var.retail_mail_from, "deals@${var.domain_name}")
  team_mail_from   = "team@${var.domain_name}"

  # Dealer websites (modules/storefront): <slug>.<sites_domain> for every dealership, https.
  sites_domain = coalesce(var.sites_domain, "sites.${var.domain_name}")
  # Site assets (logos, icons) published by users, served by the storefront's distribution at
  # /media/<key> on every site host; this one host is the address written into published sites.
  sites_media_url = "https://media.${local.sites_domain}/media"

  # Inventory's search engine: Algolia when the environment names an application, with one index
  # per environment (its sort replicas are named after it) and the two keys from SSM; otherwise
  # the embedded engine, which needs nothing here. Filtered for-expressions keep one type either way.
  algolia = var.algolia_app_id != null
  inventory_search_environment = {
    for name, value in {
      SEARCH_ENGINE      = "algolia"
      ALGOLIA_APP_ID     = coalesce(var.algolia_app_id, "none")
      ALGOLIA_INDEX_NAME = "showroom_${var.environment}_vehicles"
    } : name => value if local.algolia
  }
  inventory_search_secrets = [for name in ["ALGOLIA_ADMIN_API_KEY", "ALGOLIA_SEARCH_API_KEY"] : name if local.algolia]

  # Inventory's media bucket (services/inventory's storage config): what it keeps under each prefix,
  # which of them CloudFront serves at the same path, and where browsers find them.
  media_prefixes        = ["photos/", "feeds/", "imports/"]
  public_media_prefixes = ["photos/", "feeds/"]
  # Dealer websites in the same bucket (users writes sites/*): private uploads and published
  # configurations under sites/, public assets (read by CloudFront) under sites/assets/.
  sites_prefix        = "sites/"
  sites_assets_prefix = "sites/assets/"
  media_bucket_environment = {
    S3_BUCKET     = module.media_bucket.bucket
    S3_REGION     = data.aws_region.current.region
    S3_ENDPOINT   = "https://s3.${data.aws_region.current.region}.amazonaws.com"
    S3_KMS_KEY_ID = module.media_bucket.kms_key_arn
  }
  inventory_media_environment = merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.portal_origin })
  # Retail keeps trade-in photos private under retail/ (the desk reads them through retail's own
  # route; CloudFront serves nothing there); MEDIA_PUBLIC_URL is the portal's origin, as inventory's.
  retail_prefix            = "retail/"
  retail_media_environment = merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.portal_origin })
  users_media_environment  = merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.sites_media_url })

  # The users service's site provisioning on AWS (services/users/src/config.ts, SITES_*).
  users_sites_environment = {
    SITES_HOSTING                    = "aws"
    SITES_PLATFORM_DOMAIN            = local.sites_domain
    SITES_ORIGIN_TEMPLATE            = "https://{host}"
    SITES_CLOUDFRONT_DISTRIBUTION_ID = module.storefront.distribution_id
    SITES_HOSTED_ZONE_ID             = module.storefront.hosted_zone_id
    LEADS_API_URL                    = "http://leads.${local.internal_domain}:3003"
    AUTH_CLIENT_ID                   = var.auth0_leads_client_id
  }

  # The users service's team administration (services/users/src/identity/config.ts): the Auth0
  # Management API through its own Machine to Machine application, invitation links to the portal,
  # invitation e-mail through SES (SMTP_URL from SSM).
  users_team_environment = {
    AUTH0_DOMAIN               = var.auth0_domain
    AUTH0_MANAGEMENT_CLIENT_ID = var.auth0_management_client_id
    PORTAL_URL                 = local.portal_origin
    MAIL_FROM                  = local.team_mail_from
  }

  # The retail service (services/retail/src/config.ts): dealerships (users), cars for sale and their
  # holds (inventory), deal leads (leads), all inside the VPC with the machine client leads uses;
  # shopper e-mails through SES (SMTP_URL from SSM); Stripe's own API, the only one it accepts in
  # production; credit applications sealed under the PII key (below), never the local provider.
  retail_environment = {
    USERS_API_URL     = "http://users.${local.internal_domain}:3002"
    INVENTORY_API_URL = "http://inventory.${local.internal_domain}:3001"
    LEADS_API_URL     = "http://leads.${local.internal_domain}:3003"
    MAIL_FROM         = local.retail_mail_from
    AUTH_CLIENT_ID    = var.auth0_leads_client_id
    STRIPE_API_URL    = "https://api.stripe.com"
    KEY_PROVIDER      = "kms"
    KMS_KEY_ID        = aws_kms_key.retail_pii.arn
    KMS_REGION        = data.aws_region.current.region
    ANALYTICS_API_URL = local.analytics_api_url
  }

  # The storefront server (apps/storefront/README.md): inventory and retail (a dealership's payment
  # terms) inside the VPC, the public APIs (leads' forms, retail's deals) at the portal's origin,
  # published sites from the media bucket.
  storefront_port = 4400
  storefront_environment = merge(local.media_bucket_environment, {
    MEDIA_PUBLIC_URL   = local.sites_media_url
    INVENTORY_API_URL  = "http://inventory.${local.internal_domain}:3001"
    RETAIL_API_URL     = "http://retail.${local.internal_domain}:3004"
    PUBLIC_API_ORIGIN  = local.portal_origin
    SITE_CACHE_SECONDS = "5"
    PAGE_CACHE_SECONDS = "30"
  })

  # The nightly warehouse export (infra/warehouse/README.md): each service that owns a warehouse table
  # writes its day's Parquet under warehouse/<table>/ of the warehouse bucket, from a one-off task of
  # its own task definition with its export role (warehouse-export.tf, infra/scripts/warehouse-export.sh);
  # Redshift's COPY role reads them.
  warehouse_prefix = "warehouse/"
  # modules/redshift-warehouse names its COPY role <name>-warehouse-copy.
  warehouse_copy_role_arn = "arn:${data.aws_partition.current.partition}:iam::${local.account_id}:role/${local.name}-warehouse-copy"
  warehouse_tables        = { leads = "leads", inventory = "vehicles", retail = "deals", analytics = "events" }
  warehouse_environment = {
    WAREHOUSE_S3_BUCKET  = module.warehouse_bucket.bucket
    WAREHOUSE_KMS_KEY_ID = module.warehouse_bucket.kms_key_arn
    S3_REGION            = data.aws_region.current.region
    S3_ENDPOINT          = "https://s3.${data.aws_region.current.region}.amazonaws.com"
  }

  # Where the producers post their business events (POST /internal/analytics/events, scope
  # write:analytics-events), inside the VPC like every call between services.
  analytics_api_url = "http://analytics.${local.internal_domain}:3005"

  # The analytics service (services/analytics/src/config.ts): events in Elasticsearch (Elastic Cloud
  # or self-managed: AWS OpenSearch refuses the official client), its URL here and its API key in SSM;
  # dealerships' time zones and site origins from users with the platform's machine client.
  analytics_environment = {
    ANALYTICS_ENGINE  = "elasticsearch"
    ELASTICSEARCH_URL = var.analytics_elasticsearch_url
    USERS_API_URL     = "http://users.${local.internal_domain}:3002"
    AUTH_CLIENT_ID    = var.auth0_leads_client_id
  }

  vpce_exempt_principal_arns = [
    for pattern in var.vpce_exempt_role_patterns : "arn:${data.aws_partition.current.partition}:iam::${local.account_id}:role/${pattern}"
  ]

  # What each service is, independent of the environment: port, ALB rule priority, whether it runs
  # an outbox (alarmed on), the machine clients its internal routes accept (MACHINE_CLIENT_IDS),
  # the one internal route the edge must still forward (public_internal: its own listener rule,
  # before the ALB's internal 404), the tables and bucket prefixes its task role may use, the
  # non-secret environment only it needs (on top of the common one modules/ecs-service sets) and
  # the SSM secrets only it reads (on top of its database URLs and the shared ones, see
  # modules/ssm-secrets). Sizes come from var.services.
  service_catalog = {
    inventory = {
      port            = 3001
      priority        = 100
      outbox          = false
      machine_clients = [var.auth0_leads_client_id]
      public_internal = null
      # Rooftop and group names come from users, with the same machine client leads uses.
      environment = merge(local.inventory_search_environment, local.inventory_media_environment, {
        USERS_API_URL     = "http://users.${local.internal_domain}:3002"
        AUTH_CLIENT_ID    = var.auth0_leads_client_id
        ANALYTICS_API_URL = local.analytics_api_url
      })
      secrets         = concat(["AUTH_CLIENT_SECRET"], local.inventory_search_secrets)
      dynamodb_tables = ["audit-log"]
      s3_access = concat(
        [for prefix in local.media_prefixes : { bucket_arn = module.media_bucket.arn, prefix = prefix }],
        [{ bucket_arn = module.reports_bucket.arn, prefix = "inventory/" }],
      )
      kms_keys = [module.media_bucket.kms_key_arn, module.reports_bucket.kms_key_arn]
    }
    users = {
      port            = 3002
      priority        = 110
      outbox          = false
      machine_clients = [var.auth0_leads_client_id, var.auth0_actions_client_id]
      # Auth0's post-login Action reads memberships from outside AWS: the one internal route the
      # edge forwards (still only to an allow-listed client's token).
      public_internal = { priority = 5, path = "/api/users/internal/users/*/memberships" }
      # Its site provisioner (services/users/src/provisioning) publishes sites to S3, attaches
      # domains to the storefront's distribution (modules/storefront grants those calls) and
      # registers each site's origins with leads, with the machine client inventory also uses.
      environment     = merge(local.users_sites_environment, local.users_media_environment, local.users_team_environment)
      secrets         = ["AUTH_CLIENT_SECRET", "AUTH0_MANAGEMENT_CLIENT_SECRET", "SMTP_URL"]
      dynamodb_tables = ["audit-log"]
      s3_access       = [{ bucket_arn = module.media_bucket.arn, prefix = local.sites_prefix }]
      kms_keys        = [module.media_bucket.kms_key_arn]
    }
    leads = {
      port     = 3003
      priority = 120
      # Its outbox sweeper writes the Showroom/Outbox metrics that modules/monitoring alarms on.
      outbox = true
      # users registers each dealer site's origins (write:site-origins) with this client.
      machine_clients = [var.auth0_leads_client_id]
      public_internal = null
      environment = {
        LEAD_TIMELINE_TABLE = module.timelines.table_names["lead-timeline"]
        DYNAMODB_REGION     = data.aws_region.current.region
        PORTAL_URL          = local.portal_origin
        USERS_API_URL       = "http://users.${local.internal_domain}:3002"
        INVENTORY_API_URL   = "http://inventory.${local.internal_domain}:3001"
        MAIL_FROM           = local.leads_mail_from
        AUTH_CLIENT_ID      = var.auth0_leads_client_id
        ANALYTICS_API_URL   = local.analytics_api_url
      }
      # SES SMTP credentials (smtps://...:465) and the Auth0 machine-to-machine client's secret.
      secrets         = ["SMTP_URL", "AUTH_CLIENT_SECRET"]
      dynamodb_tables = ["lead-timeline", "audit-log"]
      s3_access = [
        { bucket_arn = module.reports_bucket.arn, prefix = "leads/" },
      ]
      kms_keys = [module.reports_bucket.kms_key_arn]
    }
    retail = {
      port     = 3004
      priority = 130
      # Its job outbox (retail_jobs) writes no Showroom/Outbox metrics: nothing to alarm on yet.
      outbox = false
      # No internal routes of its own; the allow-list names the platform's machine client as elsewhere.
      machine_clients = [var.auth0_leads_client_id]
      public_internal = null
      # Its peers, Stripe and the PII key (local.retail_environment), trade-in photos in the media bucket.
      environment = merge(local.retail_media_environment, local.retail_environment)
      # SES SMTP credentials, the machine client's secret, the deal links' HMAC key and Stripe's keys.
      secrets         = ["SMTP_URL", "AUTH_CLIENT_SECRET", "DEAL_LINK_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]
      dynamodb_tables = []
      s3_access       = [{ bucket_arn = module.media_bucket.arn, prefix = local.retail_prefix }]
      # The media bucket's key only: the PII key's own policy names the task role (below).
      kms_keys = [module.media_bucket.kms_key_arn]
    }
    analytics = {
      port     = 3005
      priority = 140
      outbox   = false
      # The producers' machine client posts business events (scope write:analytics-events).
      machine_clients = [var.auth0_leads_client_id]
      public_internal = null
      environment     = local.analytics_environment
      # The Elasticsearch API key (cluster manage_ilm, manage_index_templates; showroom-analytics-*:
      # create_doc, index, read, view_index_metadata, manage: manage creates the monthly event indices)
      # and the machine client's secret.
      secrets         = ["AUTH_CLIENT_SECRET", "ELASTICSEARCH_API_KEY"]
      dynamodb_tables = []
      s3_access       = []
      kms_keys        = []
    }
  }

  # Effective capacity: a service that has not launched yet runs no task.
  capacity = {
    for name, size in var.services : name => {
      min = size.launched ? size.min_capacity : 0
      max = size.launched ? size.max_capacity : 0
    }
  }

  launched_services = sort([for name, size in var.services : name if size.launched])

  content_security_policy = join("; ", [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' https://${var.auth0_domain}",
    "frame-src https://${var.auth0_domain}",
    "form-action 'self' https://${var.auth0_domain}",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ])
}

# --- Network -------------------------------------------------------------------------------------

module "network" {
  source = "../network"

  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  nat_gateway_per_az = var.nat_gateway_per_az
  service_ports      = concat([for service in local.service_catalog : service.port], [local.storefront_port])
  # leads and retail send their e-mails through Amazon SES's SMTP endpoint (SMTP_URL, port 465).
  allow_smtps_egress = true
}

# Data subnets in the replica region for the cross-region RDS replica: no NAT, no endpoints.
module "dr_network" {
  source = "../network"
  count  = var.rds_cross_region_replica ? 1 : 0

  providers = {
    aws = aws.replica
  }

  name                = "${local.name}-dr"
  cidr_block          = var.dr_vpc_cidr
  az_count            = 2
  enable_nat_gateway  = false
  interface_endpoints = []
  service_ports       = []
}

# --- Secrets (names and key only; values are put out of band) ------------------------------------

module "secrets" {
  source = "../ssm-secrets"

  environment          = var.environment
  services             = keys(local.service_catalog)
  service_secret_names = { for name, service in local.service_catalog : name => service.secrets }
}

# --- Buckets -------------------------------------------------------------------------------------

module "logs_bucket" {
  source = "../s3-private-bucket"

  bucket_name           = "${local.name}-logs-${local.account_id}"
  sse_algorithm         = "AES256" # ALB access logs cannot be delivered to SSE-KMS buckets
  allow_alb_access_logs = true
  force_destroy         = !var.deletion_protection
  lifecycle_rules = [
    { id = "expire-logs", expiration_days = var.access_log_retention_days, noncurrent_expiration_days = 7 },
  ]
}

# Inventory's media (ObjectStore, S3_BUCKET): vehicle photos (content-hashed variants, immutable) and
# syndication feeds (secret URLs) served by CloudFront at /photos/* and /feeds/*, and dealers'
# imported files (imports/), which CloudFront may not read. SSE-KMS with the bucket's key, which the
# inventory task role and CloudFront (for the two public prefixes) may use.
module "media_bucket" {
  source = "../s3-private-bucket"

  bucket_name                  = "${local.name}-media-${local.account_id}"
  restrict_to_vpc_endpoint_id  = module.network.s3_vpc_endpoint_id
  vpce_exempt_principal_arns   = local.vpce_exempt_principal_arns
  cloudfront_distribution_arns = [module.portal.distribution_arn, module.storefront.distribution_arn]
  cloudfront_read_prefixes     = concat(local.public_media_prefixes, [local.sites_assets_prefix])
  force_destroy                = !var.deletion_protection
  lifecycle_rules = [
    { id = "tier-photos", prefix = "photos/", transition_days = 30, transition_storage_class = "INTELLIGENT_TIERING", noncurrent_expiration_days = 30 },
    { id = "expire-imports", prefix = "imports/", expiration_days = 90, noncurrent_expiration_days = 7 },
    { id = "feed-versions", prefix = "feeds/", noncurrent_expiration_days = 7 },
    { id = "site-versions", prefix = local.sites_prefix, noncurrent_expiration_days = 7 },
  ]
}


module "reports_bucket" {
  source = "../s3-private-bucket"

  bucket_name                 = "${local.name}-reports-${local.account_id}"
  restrict_to_vpc_endpoint_id = module.network.s3_vpc_endpoint_id
  vpce_exempt_principal_arns  = local.vpce_exempt_principal_arns
  force_destroy               = !var.deletion_protection
  lifecycle_rules = [
    { id = "age-reports", transition_days = 30, expiration_days = 365, noncurrent_expiration_days = 30 },
  ]
}

# The warehouse's Parquet files (warehouse/<table>/dt=<day>/), written by the services' nightly
# exports (through the VPC's endpoint) and read by Redshift's COPY as its COPY role.
# Its key is the platform's key for warehouse data: the Redshift namespace is encrypted with it too.
module "warehouse_bucket" {
  source = "../s3-private-bucket"

  bucket_name                 = "${local.name}-warehouse-${local.account_id}"
  restrict_to_vpc_endpoint_id = module.network.s3_vpc_endpoint_id
  # COPY from Parquet reads through Redshift Spectrum, which does not come through this VPC's
  # endpoint: the COPY role (read-only, warehouse/ only) is exempt, by name so neither module waits.
  vpce_exempt_principal_arns = concat(local.vpce_exempt_principal_arns, [local.warehouse_copy_role_arn])
  force_destroy              = !var.deletion_protection
  lifecycle_rules = [
    {
      id                         = "age-warehouse-files"
      prefix                     = local.warehouse_prefix
      transition_days            = 30
      transition_storage_class   = "INTELLIGENT_TIERING"
      expiration_days            = var.warehouse.file_retention_days
      noncurrent_expiration_days = 7
    },
  ]
}

module "warehouse" {
  source = "../redshift-warehouse"

  name_prefix   = local.name
  environment   = var.environment
  vpc_id        = module.network.vpc_id
  subnet_ids    = module.network.data_subnet_ids
  kms_key_arn   = module.warehouse_bucket.kms_key_arn
  bucket_arn    = module.warehouse_bucket.arn
  bucket_prefix = local.warehouse_prefix
  base_capacity = var.warehouse.base_capacity
  max_capacity  = var.warehouse.max_capacity
}

# --- Compute -------------------------------------------------------------------------------------

module "alb" {
  source = "../alb"

  name                = local.name
  public_subnet_ids   = module.network.public_subnet_ids
  security_group_id   = module.network.alb_security_group_id
  domain_name         = local.api_origin
  hosted_zone_id      = data.aws_route53_zone.this.zone_id
  access_logs_bucket  = module.logs_bucket.bucket
  access_logs_prefix  = "alb"
  deletion_protection = var.deletion_protection
}

module "ecs_cluster" {
  source = "../ecs-cluster"

  name = local.name
}

# The private DNS zone services find each other in (ECS registers each task's address).
resource "aws_service_discovery_private_dns_namespace" "services" {
  name        = local.internal_domain
  description = "Showroom ${var.environment} services, for calls between them inside the VPC"
  vpc         = module.network.vpc_id
}

data "aws_ecr_repository" "service" {
  for_each = local.service_catalog

  name = "${var.ecr_repository_prefix}/${each.key}"
}

module "service" {
  source   = "../ecs-service"
  for_each = local.service_catalog

  name_prefix            = local.name
  environment            = var.environment
  service_name           = each.key
  container_port         = each.value.port
  listener_rule_priority = each.value.priority
  public_internal_route  = each.value.public_internal

  cluster_arn        = module.ecs_cluster.arn
  cluster_name       = module.ecs_cluster.name
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.app_subnet_ids
  security_group_ids = [module.network.app_security_group_id]
  alb_listener_arn   = module.alb.https_listener_arn
  alb_origin_header  = module.alb.origin_header
  alb_arn_suffix     = module.alb.arn_suffix

  service_discovery_namespace_id = aws_service_discovery_private_dns_namespace.services.id

  ecr_repository_url = data.aws_ecr_repository.service[each.key].repository_url
  ecr_repository_arn = data.aws_ecr_repository.service[each.key].arn
  initial_image_tag  = var.services[each.key].initial_image_tag

  cpu               = var.services[each.key].cpu
  memory            = var.services[each.key].memory
  min_capacity      = local.capacity[each.key].min
  max_capacity      = local.capacity[each.key].max
  capacity_provider = var.capacity_provider

  auth_issuer_base_url = "https://${var.auth0_domain}/"
  auth_audience        = var.auth_audience
  machine_client_ids   = each.value.machine_clients
  cors_origins         = [local.portal_origin]
  log_level            = var.services[each.key].log_level
  log_retention_days   = var.log_retention_days
  # A service that exports a warehouse table also gets the bucket's names, which its one-off export
  # task inherits; the write to its table's prefix is the export role's only (warehouse-export.tf).
  extra_environment = merge(
    each.value.environment,
    { for name, value in local.warehouse_environment : name => value if contains(keys(local.warehouse_tables), each.key) },
  )

  secret_arns                = module.secrets.service_secret_arns[each.key]
  secrets_parameter_path_arn = module.secrets.service_parameter_path_arns[each.key]
  secrets_kms_key_arn        = module.secrets.kms_key_arn

  dynamodb_table_arns = [for table in each.value.dynamodb_tables : module.timelines.table_arns[table]]
  s3_access           = each.value.s3_access
  data_kms_key_arns = concat(
    each.value.kms_keys,
    length(each.value.dynamodb_tables) > 0 ? [module.timelines.kms_key_arn] : [],
  )
}

# --- Credit applications: the PII key --------------------------------------------------------------

# Retail seals each credit application under its own data key (AES-256-GCM), which this key wraps:
# GenerateDataKey and Decrypt with the encryption context { dealershipId, applicationId }
# (services/retail/src/encryption). Only the retail task role may use it, and only under such a
# context; the account administers the key (rotation, policy, deletion) but cannot encrypt or
# decrypt with it, nor grant that to anyone (no kms:CreateGrant), so no IAM policy reaches it.
resource "aws_kms_key" "retail_pii" {
  description             = "Credit applications of ${var.environment} (retail's envelope keys)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "retail_pii" {
  name          = "alias/showroom-${var.environment}-retail-pii"
  target_key_id = aws_kms_key.retail_pii.key_id
}

data "aws_iam_policy_document" "retail_pii" {
  statement {
    sid = "AccountAdministersTheKey"
    actions = [
      "kms:CreateAlias",
      "kms:Describe*",
      "kms:Enable*",
      "kms:List*",
      "kms:Put*",
      "kms:Update*",
      "kms:Revoke*",
      "kms:Disable*",
      "kms:Get*",
      "kms:Delete*",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:ScheduleKeyDeletion",
      "kms:CancelKeyDeletion",
      "kms:RotateKeyOnDemand",
    ]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "RetailSealsCreditApplications"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [module.service["retail"].task_role_arn]
    }

    # Exactly the two context keys, both present: a data key is bound to one application of one
    # dealership (retail passes the same context to Decrypt).
    condition {
      test     = "ForAllValues:StringEquals"
      variable = "kms:EncryptionContextKeys"
      values   = ["dealershipId", "applicationId"]
    }

    condition {
      test     = "Null"
      variable = "kms:EncryptionContext:dealershipId"
      values   = ["false"]
    }

    condition {
      test     = "Null"
      variable = "kms:EncryptionContext:applicationId"
      values   = ["false"]
    }
  }
}

# The policy is its own resource: the key exists before the retail service (whose KMS_KEY_ID it is)
# and the policy after the task role it names, so neither waits for the other.
resource "aws_kms_key_policy" "retail_pii" {
  key_id = aws_kms_key.retail_pii.id
  policy = data.aws_iam_policy_document.retail_pii.json
}

# --- Data ----------------------------------------------------------------------------------------

module "rds" {
  source = "../rds-mysql"

  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  identifier                      = local.rds_identifier
  instance_class                  = var.rds_instance_class
  replica_instance_class          = var.rds_replica_instance_class
  allocated_storage               = var.rds_allocated_storage
  max_allocated_storage           = var.rds_max_allocated_storage
  subnet_ids                      = module.network.data_subnet_ids
  security_group_ids              = [module.network.data_security_group_id]
  multi_az                        = var.rds_multi_az
  read_replica_count              = var.rds_read_replica_count
  cross_region_replica            = var.rds_cross_region_replica
  cross_region_subnet_ids         = var.rds_cross_region_replica ? module.dr_network[0].data_subnet_ids : []
  cross_region_security_group_ids = var.rds_cross_region_replica ? [module.dr_network[0].data_security_group_id] : []
  backup_retention_days           = var.rds_backup_retention_days
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = !var.deletion_protection
  vpc_id                          = module.network.vpc_id
  dns_zone_name                   = "${local.name}.db.internal"
}

module "redis" {
  source = "../elasticache-redis"

  name                      = "${local.name}-redis"
  node_type                 = var.redis_node_type
  num_cache_clusters        = var.redis_num_cache_clusters
  automatic_failover        = var.redis_automatic_failover
  subnet_ids                = module.network.data_subnet_ids
  security_group_ids        = [module.network.data_security_group_id]
  auth_token_parameter_name = module.secrets.redis_auth_token_parameter_name
  snapshot_retention_days   = var.deletion_protection ? 7 : 1
}

module "timelines" {
  source = "../dynamodb-timelines"

  name_prefix         = local.name
  deletion_protection = var.deletion_protection
}

# --- Portal --------------------------------------------------------------------------------------

# CLOUDFRONT-scope web ACLs live in us-east-1: the default provider's region (live/providers.tf).
module "waf" {
  source = "../waf"

  name                  = "${local.name}-edge"
  public_internal_paths = [for service in local.service_catalog : service.public_internal.path if service.public_internal != null]
}

module "portal" {
  source = "../static-site"

  name                    = "${local.name}-portal"
  domain_name             = var.domain_name
  hosted_zone_id          = data.aws_route53_zone.this.zone_id
  api_origin_domain_name  = module.alb.domain_name
  api_origin_header       = module.alb.origin_header
  web_acl_id              = module.waf.arn
  content_security_policy = local.content_security_policy
  force_destroy           = !var.deletion_protection
  # A path is the object's key: /photos/<key> reads photos/<key> (MEDIA_PUBLIC_URL is the site's origin).
  extra_s3_origins = [
    for prefix in local.public_media_prefixes :
    { id = trimsuffix(prefix, "/"), path_pattern = "/${prefix}*", regional_domain_name = module.media_bucket.regional_domain_name }
  ]
}

# --- Dealer websites -----------------------------------------------------------------------------

data "aws_ecr_repository" "storefront" {
  name = "${var.ecr_repository_prefix}/storefront"
}

module "storefront" {
  source = "../storefront"

  name_prefix    = local.name
  environment    = var.environment
  sites_domain   = local.sites_domain
  hosted_zone_id = data.aws_route53_zone.this.zone_id

  container_port     = local.storefront_port
  cluster_arn        = module.ecs_cluster.arn
  cluster_name       = module.ecs_cluster.name
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.app_subnet_ids
  security_group_ids = [module.network.app_security_group_id]
  alb_listener_arn   = module.alb.https_listener_arn
  alb_arn_suffix     = module.alb.arn_suffix
  alb_domain_name    = module.alb.domain_name
  ecr_repository_url = data.aws_ecr_repository.storefront.repository_url
  ecr_repository_arn = data.aws_ecr_repository.storefront.arn

  size                 = var.storefront
  capacity_provider    = var.capacity_provider
  auth_issuer_base_url = "https://${var.auth0_domain}/"
  cors_origins         = [local.portal_origin]
  log_retention_days   = var.log_retention_days
  service_environment  = local.storefront_environment

  secrets_parameter_path_arn = "${module.secrets.parameter_path_arn_prefix}/storefront/*"
  secrets_kms_key_arn        = module.secrets.kms_key_arn

  media_bucket_arn                  = module.media_bucket.arn
  media_bucket_regional_domain_name = module.media_bucket.regional_domain_name
  media_kms_key_arn                 = module.media_bucket.kms_key_arn

  provisioner_role_name = module.service["users"].task_role_name
  web_acl_id            = module.waf.arn
}

# What scripts/publish-portal.sh, deploy-service.sh and the warehouse ETL read: no secrets, only names.
resource "aws_ssm_parameter" "deploy" {
  for_each = {
    "portal/config.json"     = jsonencode({ auth = { domain = var.auth0_domain, clientId = var.auth0_portal_client_id, audience = var.auth_audience } })
    "portal/bucket"          = module.portal.bucket
    "portal/distribution-id" = module.portal.distribution_id
    "deploy/cluster"         = module.ecs_cluster.name
    # infra/scripts/warehouse-load.sh (the nightly ETL's load).
    "warehouse/workgroup"     = module.warehouse.workgroup_name
    "warehouse/database"      = module.warehouse.database_name
    "warehouse/copy-role-arn" = module.warehouse.copy_role_arn
    "warehouse/bucket"        = module.warehouse_bucket.bucket
  }

  name           = "/showroom/${var.environment}/${each.key}"
  type           = "String"
  insecure_value = each.value
}

# --- Operations ----------------------------------------------------------------------------------

module "monitoring" {
  source = "../monitoring"

  name_prefix               = local.name
  alarm_emails              = var.alarm_emails
  alb_arn_suffix            = module.alb.arn_suffix
  target_groups             = merge({ for name, service in module.service : name => service.target_group_arn_suffix }, { storefront = module.storefront.target_group_arn_suffix })
  ecs_cluster_name          = module.ecs_cluster.name
  ecs_services              = concat(keys(local.service_catalog), [module.storefront.service_name])
  rds_instance_ids          = concat([module.rds.primary_identifier], module.rds.replica_identifiers)
  rds_replica_ids           = module.rds.replica_identifiers
  redis_cluster_ids         = module.redis.member_cluster_ids
  dynamodb_table_names      = module.timelines.table_names
  health_check_domain       = var.domain_name
  health_check_api_services = local.launched_services
  outbox_services           = [for name in local.launched_services : name if local.service_catalog[name].outbox]
}

module "scheduler" {
  source = "../scheduler"
  count  = var.scheduled_shutdown ? 1 : 0

  name_prefix = local.name
  ecs_services = merge(
    {
      for name, service in module.service : name => {
        resource_id  = service.autoscaling_resource_id
        min_capacity = local.capacity[name].min
        max_capacity = local.capacity[name].max
      }
    },
    {
      storefront = {
        resource_id  = module.storefront.autoscaling_resource_id
        min_capacity = var.storefront.min_capacity
        max_capacity = var.storefront.max_capacity
      }
    },
  )
  rds_instances = { (local.rds_identifier) = module.rds.primary_arn }
}
