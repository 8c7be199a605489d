import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { startPaymentsSandbox, type PaymentsSandbox } from '@showroom/server-testing';
import { PAYMENT_WEBHOOK_PATH } from './reservation-routes';

export const TEST_STRIPE_SECRET_KEY = 'sk_test_retail_tests';
export const TEST_STRIPE_WEBHOOK_SECRET = 'whsec_retail_tests';

/** The payments sandbox of a test app, and the port its webhooks reach the app on. */
export interface TestPayments {
  sandbox: PaymentsSandbox;
  /** The retail variables that point the stripe client at the sandbox. */
  env: Record<string, string>;
  /** While `value` is true the webhook endpoint answers 503 (a late or lost event). */
  webhookDown: { value: boolean };
  /** Serves the app on the webhook's port once it is built (the sandbox needs the URL first). */
  serve(app: Express): void;
  close(): Promise<void>;
}

/**
 * Starts the payments sandbox for a test app: the app listens on a port of its own for the
 * sandbox's signed webhooks (tests call it through supertest as usual).
 */
export async function startTestPayments(): Promise<TestPayments> {
  let app: Express | undefined;
  const webhookDown = { value: false };
  const server = createServer((req, res) => {
    if (!app || (webhookDown.value && req.url === PAYMENT_WEBHOOK_PATH)) {
      res.statusCode = 503;
      return void res.end();
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sandbox = await startPaymentsSandbox({
    webhookUrl: `http://127.0.0.1:${port}${PAYMENT_WEBHOOK_PATH}`,
    webhookSecret: TEST_STRIPE_WEBHOOK_SECRET,
    secretKey: TEST_STRIPE_SECRET_KEY,
    webhookRetryDelaysMs: [100, 200],
  });
  return {
    sandbox,
    env: {
      STRIPE_API_URL: sandbox.url,
      STRIPE_SECRET_KEY: TEST_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET,
    },
    webhookDown,
    serve: (built) => void (app = built),
    async close() {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
