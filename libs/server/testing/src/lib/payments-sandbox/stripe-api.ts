import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { NewCheckoutSession, SandboxLedger } from './sandbox-ledger';
import { stripeId } from './sandbox-ledger';
import { StripeApiError, stripeErrorHandler } from './stripe-errors';
import { unixNow, type CheckoutLineItem } from './stripe-objects';

/** A form body as `express.urlencoded({ extended: true })` parses Stripe's `a[b][0][c]=…` keys. */
type FormValue = string | FormValue[] | { [key: string]: FormValue };
type Form = Record<string, FormValue | undefined>;

/** The version requests without a Stripe-Version header get (an account's default version). */
const STRIPE_ACCOUNT_API_VERSION = '2026-10-28.endive';
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

function text(form: Form, param: string): string | null {
  const value = form[param];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw StripeApiError.invalidParam(param, `Invalid string: ${param}`);
  return value;
}

function required(form: Form, param: string): string {
  const value = text(form, param);
  if (value === null) throw StripeApiError.missingParam(param);
  return value;
}

function integer(value: string, param: string, min: number): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw StripeApiError.invalidParam(param, `Invalid integer: ${value}`);
  }
  return Number(value);
}

function nested(value: FormValue | undefined, param: string): Form {
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw StripeApiError.invalidParam(param, `Invalid object: ${param}`);
  }
  return value;
}

function list(value: FormValue | undefined, param: string): FormValue[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  // qs makes an object of indices it will not turn into an array; Stripe's own order is by index.
  if (typeof value === 'object') {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => value[key] as FormValue);
  }
  throw StripeApiError.invalidParam(param, `Invalid array: ${param}`);
}

/** Stripe's metadata rules: at most 50 keys, keys up to 40 characters, values up to 500. */
function metadataOf(value: FormValue | undefined, param = 'metadata'): Record<string, string> {
  const form = nested(value, param);
  const entries = Object.entries(form);
  if (entries.length > 50)
    throw StripeApiError.invalidParam(param, 'You can specify up to 50 keys in metadata.');
  const metadata: Record<string, string> = {};
  for (const [key, entry] of entries) {
    if (typeof entry !== 'string' || key.length > 40 || entry.length > 500) {
      throw StripeApiError.invalidParam(`${param}[${key}]`, `Invalid metadata value: ${param}[${key}]`);
    }
    metadata[key] = entry;
  }
  return metadata;
}

function lineItemOf(value: FormValue, index: number): CheckoutLineItem & { currency: string } {
  const param = `line_items[${index}]`;
  const item = nested(value, param);
  if (item['price'] !== undefined) {
    throw StripeApiError.invalidParam(
      `${param}[price]`,
      'The payments sandbox takes price_data, not saved prices.',
    );
  }
  const priceData = nested(item['price_data'], `${param}[price_data]`);
  if (Object.keys(priceData).length === 0) throw StripeApiError.missingParam(`${param}[price_data]`);
  const product = nested(priceData['product_data'], `${param}[price_data][product_data]`);
  return {
    currency: required(priceData, 'currency').toLowerCase(),
    unitAmount: integer(required(priceData, 'unit_amount'), `${param}[price_data][unit_amount]`, 0),
    name: required(product, 'name'),
    description: text(product, 'description'),
    quantity: integer(required(item, 'quantity'), `${param}[quantity]`, 1),
  };
}

/** POST /v1/checkout/sessions: the parameters a hosted, one-off payment takes. */
function newCheckoutSession(form: Form, apiVersion: string): NewCheckoutSession {
  const mode = required(form, 'mode');
  if (mode !== 'payment') {
    throw StripeApiError.invalidParam(
      'mode',
      `The payments sandbox supports mode=payment only, not ${mode}.`,
    );
  }
  const items = list(form['line_items'], 'line_items').map(lineItemOf);
  if (items.length === 0) throw StripeApiError.missingParam('line_items');
  const currencies = new Set(items.map((item) => item.currency));
  if (currencies.size > 1) {
    throw StripeApiError.invalidParam('line_items', 'All line items must be in the same currency.');
  }
  const expiresAt = text(form, 'expires_at');
  const expiry = expiresAt === null ? null : integer(expiresAt, 'expires_at', 0);
  if (
    expiry !== null &&
    (expiry < unixNow() + MIN_EXPIRY_SECONDS || expiry > unixNow() + MAX_EXPIRY_SECONDS)
  ) {
    throw StripeApiError.invalidParam(
      'expires_at',
      'The Checkout Session must expire between 30 minutes and 24 hours after creation.',
    );
  }
  const clientReferenceId = text(form, 'client_reference_id');
  if (clientReferenceId !== null && clientReferenceId.length > 200) {
    throw StripeApiError.invalidParam(
      'client_reference_id',
      'client_reference_id is at most 200 characters.',
    );
  }
  return {
    lineItems: items.map(({ currency: _currency, ...item }) => item),
    currency: [...currencies][0] as string,
    successUrl: required(form, 'success_url'),
    cancelUrl: text(form, 'cancel_url'),
    clientReferenceId,
    customerEmail: text(form, 'customer_email'),
    metadata: metadataOf(form['metadata']),
    expiresAt: expiry,
    apiVersion,
  };
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer sk_…` (stripe-node) or Basic with the key as user name (curl -u sk_…:). */
function apiKeyOf(req: Request): string | null {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] as string;
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic)
    return (
      Buffer.from(basic[1] as string, 'base64')
        .toString()
        .split(':')[0] ?? null
    );
  return null;
}

function requireApiKey(secretKey: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const key = apiKeyOf(req);
    if (key === null) {
      return next(
        new StripeApiError(
          401,
          'invalid_request_error',
          'You did not provide an API key. Provide it in the Authorization header, using Bearer auth.',
        ),
      );
    }
    if (!sameSecret(key, secretKey)) {
      return next(
        new StripeApiError(
          401,
          'invalid_request_error',
          `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`,
        ),
      );
    }
    next();
  };
}

interface StoredResponse {
  route: string;
  status: number;
  body: unknown;
}

/**
 * Stripe's idempotent requests: a POST repeated with the same `Idempotency-Key` gets the first
 * answer again instead of doing the work twice (stripe-node sends a key with every POST).
 */
function idempotentPosts() {
  const answers = new Map<string, StoredResponse>();
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || !key) return next();
    const route = `${req.method} ${req.originalUrl}`;
    const earlier = answers.get(key);
    if (earlier) {
      if (earlier.route !== route) {
        return next(
          new StripeApiError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${earlier.route}' vs '${route}').`,
          ),
        );
      }
      res.set('Idempotent-Replayed', 'true');
      return res.status(earlier.status).json(earlier.body);
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode < 500) answers.set(key, { route, status: res.statusCode, body });
      return json(body);
    };
    next();
  };
}

/** The part of Stripe's API (`/v1`) that reservation deposits use. */
export function stripeApi(ledger: SandboxLedger, secretKey: string): Router {
  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Request-Id', stripeId('req', 14));
    next();
  });
  api.use(requireApiKey(secretKey));
  api.use(express.urlencoded({ extended: true, limit: '100kb' }));
  api.use(idempotentPosts());

  api.post('/checkout/sessions', (req, res) => {
    const apiVersion = req.get('stripe-version') ?? STRIPE_ACCOUNT_API_VERSION;
    res.json(ledger.createSession(newCheckoutSession((req.body ?? {}) as Form, apiVersion)));
  });

  api.get('/checkout/sessions/:id', (req, res) => {
    const session = ledger.session(req.params.id);
    if (!session) throw StripeApiError.noSuch('checkout.session', req.params.id, 'session');
    res.json(session);
  });

  api.post('/checkout/sessions/:id/expire', (req, res) => {
    res.json(ledger.expireSession(req.params.id));
  });

  api.post('/refunds', (req, res) => {
    const form = (req.body ?? {}) as Form;
    if (text(form, 'charge') !== null) {
      throw StripeApiError.invalidParam('charge', 'The payments sandbox refunds by payment_intent.');
    }
    const amount = text(form, 'amount');
    res.json(
      ledger.refund({
        paymentIntent: required(form, 'payment_intent'),
        amount: amount === null ? null : integer(amount, 'amount', 1),
        reason: text(form, 'reason'),
        metadata: metadataOf(form['metadata']),
      }),
    );
  });

  api.use((req) => {
    throw new StripeApiError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${req.method}: /v1${req.path}). The payments sandbox serves checkout sessions and refunds only.`,
    );
  });
  api.use(stripeErrorHandler);
  return api;
}
