import { configInt, devDefaults, notInProduction, type DevDefaultRule } from '@showroom/server-kit';
import { z } from 'zod';

/** Stripe's own API: the only STRIPE_API_URL production accepts. */
export const STRIPE_API_ORIGIN = 'https://api.stripe.com';

/** The payments sandbox's keys (tools/dev and the tests start it with these); never Stripe's. */
export const SANDBOX_STRIPE_SECRET_KEY = 'sk_test_showroom_sandbox';
export const SANDBOX_STRIPE_WEBHOOK_SECRET = 'whsec_showroom_sandbox';
/** Where `npm start` runs the payments sandbox (the e2e run uses 4670). */
export const SANDBOX_STRIPE_API_URL = 'http://127.0.0.1:4570';

const notStripe: DevDefaultRule = {
  why: `is not Stripe's API (${STRIPE_API_ORIGIN}): card payments would go to a sandbox`,
  isDevValue: (value) => value !== STRIPE_API_ORIGIN,
};

/**
 * Reservation deposits through Stripe Checkout (or the payments sandbox speaking Stripe's API);
 * spread into the retail service's config.
 */
export const paymentsConfigShape = {
  /** The secret API key (sk_live_… in production; a restricted rk_… key works too). */
  STRIPE_SECRET_KEY: notInProduction(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key such as sk_live_…')
      .default(SANDBOX_STRIPE_SECRET_KEY),
    devDefaults.oneOf(SANDBOX_STRIPE_SECRET_KEY),
  ),
  /** The signing secret of the webhook endpoint `/api/retail/webhooks/payments` (whsec_…). */
  STRIPE_WEBHOOK_SECRET: notInProduction(
    z
      .string()
      .regex(/^whsec_\w+$/, 'a webhook signing secret such as whsec_…')
      .default(SANDBOX_STRIPE_WEBHOOK_SECRET),
    devDefaults.oneOf(SANDBOX_STRIPE_WEBHOOK_SECRET),
  ),
  /**
   * The API the stripe client talks to: the payments sandbox here; production refuses anything but
   * https://api.stripe.com (set it so in the task definition).
   */
  STRIPE_API_URL: notInProduction(z.url().default(SANDBOX_STRIPE_API_URL), notStripe),
  /** How often an instance looks for held reservations past their hold time (to release them). */
  RESERVATION_EXPIRY_SWEEP_MS: configInt(1_000, 3_600_000, 60_000),
};

export type PaymentsConfig = z.output<z.ZodObject<typeof paymentsConfigShape>>;
