import { commaList, ConfigError, configInt, devDefaults, notInProduction } from '@showroom/server-kit';
import { z } from 'zod';

const ROUTE53_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/** The website provisioner's variables, spread into the users service's config. */
export const provisioningConfigShape = {
  /**
   * Where sites are attached: `aws` requests certificates (ACM), writes DNS records (Route 53) and
   * adds alternate names to the CDN (CloudFront); `local` publishes the configuration and assets
   * only (sites on *.localhost). Production refuses `local`.
   */
  SITES_HOSTING: notInProduction(z.enum(['aws', 'local']).default('local'), {
    why: 'attaches no domain and invalidates no CDN (sites on this machine only)',
    isDevValue: (value) => value === 'local',
  }),
  /** The storefront's CloudFront distribution (Terraform's output); required with SITES_HOSTING=aws. */
  SITES_CLOUDFRONT_DISTRIBUTION_ID: z
    .string()
    .regex(/^[A-Z0-9]{8,20}$/, 'a CloudFront distribution id such as E2QWRUHAPOMQZL')
    .optional(),
  /**
   * The platform's Route 53 zone (Terraform's sites zone): records are written there only for names
   * under SITES_PLATFORM_DOMAIN.
   */
  SITES_HOSTED_ZONE_ID: z
    .string()
    .regex(ROUTE53_ZONE_ID, 'a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ')
    .optional(),
  /**
   * Zones dealers delegated to us (comma-separated ids): a custom domain's records are written only
   * in one of these; any other domain gets the records to add at its own DNS host.
   */
  SITES_CUSTOMER_ZONE_IDS: commaList
    .pipe(
      z.array(z.string().regex(ROUTE53_ZONE_ID, 'Route 53 hosted zone ids such as Z0123456789ABCDEFGHIJ')),
    )
    .default([]),
  /** CloudFront serves certificates from ACM in us-east-1 only. */
  SITES_CERTIFICATE_REGION: z.string().min(1).default('us-east-1'),
  /** The leads service, told which origins may post each site's forms. */
  LEADS_API_URL: notInProduction(z.url().default('http://127.0.0.1:3003'), devDefaults.localhost),
  /** Machine credentials (client credentials grant, scope write:site-origins) for calls to leads. */
  AUTH_CLIENT_ID: z.string().min(1).default('showroom-services'),
  AUTH_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-services-secret'),
    devDefaults.oneOf('dev-services-secret'),
  ),
  /** How often an idle provisioner looks for due sites. */
  PROVISIONING_POLL_INTERVAL_MS: configInt(10, 60_000, 1_000),
  /** How long a run is its worker's; past it (the worker died), another takes it over. */
  PROVISIONING_LEASE_MS: configInt(1_000, 3_600_000, 300_000),
  /** Wait before the first retry of a failed run; doubled each time up to PROVISIONING_RETRY_MAX_MS. */
  PROVISIONING_RETRY_FIRST_MS: configInt(0, 3_600_000, 60_000),
  PROVISIONING_RETRY_MAX_MS: configInt(0, 86_400_000, 3_600_000),
};

export type ProvisioningConfig = z.output<z.ZodObject<typeof provisioningConfigShape>>;

export interface ProvisioningSettings {
  pollIntervalMs: number;
  leaseMs: number;
  retryFirstMs: number;
  retryMaxMs: number;
}

export function provisioningSettingsOf(config: ProvisioningConfig): ProvisioningSettings {
  return {
    pollIntervalMs: config.PROVISIONING_POLL_INTERVAL_MS,
    leaseMs: config.PROVISIONING_LEASE_MS,
    retryFirstMs: config.PROVISIONING_RETRY_FIRST_MS,
    retryMaxMs: config.PROVISIONING_RETRY_MAX_MS,
  };
}

/** The distribution AWS hosting needs, or a ConfigError naming the variable. */
export function distributionIdOf(config: ProvisioningConfig): string {
  if (!config.SITES_CLOUDFRONT_DISTRIBUTION_ID) {
    throw new ConfigError(['SITES_CLOUDFRONT_DISTRIBUTION_ID: required when SITES_HOSTING is aws']);
  }
  return config.SITES_CLOUDFRONT_DISTRIBUTION_ID;
}
