import {
  allNotInProduction,
  configInt,
  devDefaults,
  notInProduction,
  serviceConfigLoader,
} from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { storageConfigShape } from '@showroom/server-storage';
import { z } from 'zod';
import { creditConfigShape } from './credit/config';
import { keyProviderConfigShape } from './encryption/config';
import { paymentsConfigShape } from './reservations/config';

/** Signs the e-mailed deal links on this machine only; production must set its own secret. */
export const DEV_DEAL_LINK_SECRET = 'dev-deal-link-secret-not-for-production';

const localService = (port: number) =>
  notInProduction(z.url().default(`http://127.0.0.1:${port}`), devDefaults.localhost);

/** The retail service's environment (besides the base variables every service reads). */
export const loadRetailConfig = serviceConfigLoader(3004, {
  ...allNotInProduction(databaseConfigShape('RETAIL', 'showroom_retail'), devDefaults.localhost),
  /** Rate limits of the public routes (each instance counts in memory while Redis is away). */
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  /** Trade-in photos (private objects in the media bucket). */
  ...storageConfigShape,
  /** Dealerships' names, e-mail and website origins (internal storefront route). */
  USERS_API_URL: localService(3002),
  /** Vehicles for sale and reservation holds. */
  INVENTORY_API_URL: localService(3001),
  /** The lead a submitted deal becomes, its timeline and its assignee. */
  LEADS_API_URL: localService(3003),
  /** Analytics, which hears of each deal a shopper submits. */
  ANALYTICS_API_URL: localService(3005),
  /** Machine credentials (client credentials grant) for calls to users, inventory, leads and analytics. */
  AUTH_CLIENT_ID: z.string().min(1).default('showroom-services'),
  AUTH_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-services-secret'),
    devDefaults.oneOf('dev-services-secret'),
  ),
  /** smtp://host:port or smtps://user:pass@host:port (SES SMTP in production). */
  SMTP_URL: notInProduction(z.url().default('smtp://127.0.0.1:1025'), devDefaults.localhost),
  /** The envelope sender of shopper e-mails (From shows the dealership's name; replies go to it). */
  MAIL_FROM: z.email().default('deals@showroom.dev'),
  /** HMAC key of the deal links e-mailed to shoppers (at least 32 characters). */
  DEAL_LINK_SECRET: notInProduction(
    z.string().min(32).default(DEV_DEAL_LINK_SECRET),
    devDefaults.oneOf(DEV_DEAL_LINK_SECRET),
  ),
  /** How long an e-mailed deal link (a counter-offer's) opens the deal. */
  DEAL_LINK_TTL_HOURS: configInt(1, 720, 72),
  /** Public routes: requests per client address, and per dealership, in each window. */
  PUBLIC_RATE_PER_ADDRESS: configInt(1, 1_000_000, 120),
  PUBLIC_RATE_PER_DEALERSHIP: configInt(1, 10_000_000, 6_000),
  PUBLIC_RATE_WINDOW_SECONDS: configInt(1, 86_400, 60),
  /** Dealerships whose storefront facts (name, origins) each instance keeps for 30 s. */
  STOREFRONT_CACHE_SIZE: configInt(1, 1_000_000, 10_000),
  /** How often an idle job runner looks for due jobs. */
  JOB_POLL_INTERVAL_MS: configInt(10, 60_000, 1_000),
  /** How long a claimed job is its runner's; past it (the runner died), another takes it over. */
  JOB_LEASE_MS: configInt(1_000, 3_600_000, 120_000),
  /** Wait before the first retry of a failed job; doubled each time up to JOB_RETRY_MAX_MS. */
  JOB_RETRY_FIRST_MS: configInt(0, 3_600_000, 5_000),
  JOB_RETRY_MAX_MS: configInt(0, 86_400_000, 900_000),
  /** Attempts before a job is marked failed (and left for a person to look at). */
  JOB_MAX_ATTEMPTS: configInt(1, 1_000, 12),
  /** Jobs one runner claims at a time. */
  JOB_BATCH_SIZE: configInt(1, 100, 10),
  /** Done and failed jobs are deleted this many days after they finished. */
  JOB_RETENTION_DAYS: configInt(1, 365, 14),
  /** How often an instance deletes the jobs past their retention. */
  JOB_CLEANUP_INTERVAL_MS: configInt(60_000, 86_400_000, 3_600_000),
  /** Credit applications: who wraps their data keys (KMS in production), and the retention sweep. */
  ...keyProviderConfigShape,
  ...creditConfigShape,
  /** Reservation deposits: Stripe (the payments sandbox here) and the hold-expiry sweep. */
  ...paymentsConfigShape,
});
export type RetailConfig = ReturnType<typeof loadRetailConfig>;
