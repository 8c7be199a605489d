import {
  baseConfigSchema,
  devDefaults,
  loadConfig,
  notInProduction,
  servicePort,
} from '@showroom/server-kit';
import { storageConfigShape } from '@showroom/server-storage';
import { z } from 'zod';

const seconds = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/**
 * The storefront server's variables (README "Configuration"). Of the services' base variables it
 * reads only those that concern a process (no auth: it calls public APIs only).
 */
export const storefrontConfigSchema = baseConfigSchema
  .pick({
    NODE_ENV: true,
    HOST: true,
    LOG_LEVEL: true,
    SHUTDOWN_GRACE_MS: true,
    APP_VERSION: true,
    ALLOW_DEVELOPMENT_DEFAULTS: true,
  })
  .extend({
    PORT: servicePort(4400),
    /** The inventory service as the server reaches it (inside the VPC in production). */
    INVENTORY_API_URL: notInProduction(z.url().default('http://127.0.0.1:3001'), devDefaults.localhost),
    /** The retail service as the server reaches it: a dealership's payment terms for the vehicle page. */
    RETAIL_API_URL: notInProduction(z.url().default('http://127.0.0.1:3004'), devDefaults.localhost),
    /** The API origin shoppers' browsers call (the edge / CloudFront): leads forms, searches after load. */
    PUBLIC_API_ORIGIN: notInProduction(
      z
        .url()
        .default('http://localhost:4200')
        .transform((url) => new URL(url).origin),
      devDefaults.localhost,
    ),
    ...storageConfigShape,
    /**
     * The header naming the site's host when a CDN sits in front: CloudFront sends the origin's own
     * name as Host and copies the viewer's into this one (infra/modules/storefront). Unset: Host.
     */
    SITE_HOST_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as X-Site-Host')
      .transform((name) => name.toLowerCase())
      .optional(),
    /** How long a host's published site is trusted before S3 is read again. */
    SITE_CACHE_SECONDS: seconds(300, 5),
    /** How long a rendered page is served from memory (per site version, host and URL). */
    PAGE_CACHE_SECONDS: seconds(3600, 30),
    /** Memory the page cache may hold (MiB, HTML and its compressed copies). */
    PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
    /** How long a site's sitemap is kept before the public search API is paged again. */
    SITEMAP_CACHE_SECONDS: seconds(86_400, 300),
  });

export type StorefrontConfig = z.output<typeof storefrontConfigSchema>;

export function loadStorefrontConfig(env: NodeJS.ProcessEnv = process.env): StorefrontConfig {
  return loadConfig(storefrontConfigSchema, env);
}
