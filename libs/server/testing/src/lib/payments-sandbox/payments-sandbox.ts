import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { checkoutPages } from './checkout-page';
import { SandboxLedger, type SandboxSession } from './sandbox-ledger';
import { stripeApi } from './stripe-api';
import { WebhookSender, type WebhookDelivery } from './webhook-sender';

export interface PaymentsSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where `checkout.session.completed` events are posted (the merchant's webhook endpoint). */
  webhookUrl: string;
  /** The endpoint's signing secret (whsec_…): events carry `Stripe-Signature` made with it. */
  webhookSecret: string;
  /** The only API key the sandbox accepts (sk_test_…). */
  secretKey: string;
  /** Waits before each retry of a failed webhook delivery; by default 0.5 s, 2 s and 5 s. */
  webhookRetryDelaysMs?: readonly number[];
}

export interface PaymentsSandbox {
  /** `http://127.0.0.1:<port>`: the stripe client's host/port/protocol, and the hosted pages' origin. */
  url: string;
  port: number;
  /** Every checkout session so far, oldest first, with what happened to it. */
  sessions(): SandboxSession[];
  /** Every webhook delivery so far, oldest first. */
  deliveries(): WebhookDelivery[];
  close(): Promise<void>;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 2_000, 5_000];

/**
 * Stripe's API as far as reservation deposits use it, on 127.0.0.1, so the real `stripe` package
 * runs unchanged against it (as dev-auth stands in for Auth0): form-encoded `POST /v1/checkout/sessions`,
 * `GET /v1/checkout/sessions/:id`, `POST /v1/checkout/sessions/:id/expire`, `POST /v1/refunds`, with
 * API-key auth and idempotency keys; and the hosted checkout page `/pay/:sessionId`, whose payment
 * posts a signed `checkout.session.completed` event to the webhook (retried if it fails) and sends
 * the browser to `success_url`. Card details never leave this process and are not kept.
 */
export async function startPaymentsSandbox(options: PaymentsSandboxOptions): Promise<PaymentsSandbox> {
  let origin = '';
  const ledger = new SandboxLedger((sessionId) => `${origin}/pay/${encodeURIComponent(sessionId)}`);
  const webhooks = new WebhookSender({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use('/v1', stripeApi(ledger, options.secretKey));
  app.use(checkoutPages(ledger, (event) => webhooks.send(event)));

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    sessions: () => ledger.snapshot(),
    deliveries: () => webhooks.deliveries(),
    async close() {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
