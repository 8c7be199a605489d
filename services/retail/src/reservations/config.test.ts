import { ConfigError, serviceConfigLoader } from '@showroom/server-kit';
import { describe, expect, it } from 'vitest';
import { paymentsConfigShape, SANDBOX_STRIPE_API_URL, STRIPE_API_ORIGIN } from './config';
import { stripeClientOptions } from './stripe-payment-provider';

const load = serviceConfigLoader(3004, paymentsConfigShape);
/** Production with the base variables set, so only this shape's refusals remain. */
const PRODUCTION = { NODE_ENV: 'production', AUTH_ISSUER_BASE_URL: 'https://showroom.eu.auth0.com/' };
const LIVE = {
  STRIPE_SECRET_KEY: 'sk_live_51Hx0000000000000000000000',
  STRIPE_WEBHOOK_SECRET: 'whsec_0000000000000000000000000000',
  STRIPE_API_URL: STRIPE_API_ORIGIN,
};

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[=: ]/)[0] as string);
    throw error;
  }
  return [];
};

describe('payments configuration', () => {
  it('talks to the payments sandbox with its keys outside production', () => {
    const config = load({});
    expect(config.STRIPE_API_URL).toBe(SANDBOX_STRIPE_API_URL);
    expect(stripeClientOptions(config.STRIPE_API_URL)).toMatchObject({
      host: '127.0.0.1',
      port: '4570',
      protocol: 'http',
    });
  });

  it('production refuses the sandbox keys and any API but Stripe’s', () => {
    expect(problemsOf(() => load(PRODUCTION))).toEqual([
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_API_URL',
    ]);
    expect(
      problemsOf(() => load({ ...PRODUCTION, ...LIVE, STRIPE_API_URL: 'https://payments.example.com' })),
    ).toEqual(['STRIPE_API_URL']);
    expect(problemsOf(() => load({ ...PRODUCTION, ...LIVE }))).toEqual([]);
  });

  it('the stripe client keeps its own host, port and protocol for Stripe itself', () => {
    const options = stripeClientOptions(STRIPE_API_ORIGIN);
    expect(options).not.toHaveProperty('host');
    expect(options).not.toHaveProperty('protocol');
  });

  it('names a key or secret that is not shaped like Stripe’s', () => {
    expect(
      problemsOf(() => load({ STRIPE_SECRET_KEY: 'pk_test_public', STRIPE_WEBHOOK_SECRET: 'secret' })),
    ).toEqual(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);
  });
});
