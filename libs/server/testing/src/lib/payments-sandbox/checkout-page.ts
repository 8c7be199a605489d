import express, { type Response, type Router } from 'express';
import type { SandboxLedger } from './sandbox-ledger';
import { stripeId } from './sandbox-ledger';
import { unixNow, type CheckoutSessionObject, type EventObject } from './stripe-objects';
import { chargeCard, SANDBOX_DECLINED_CARD, SANDBOX_PAYING_CARD, type CardForm } from './test-cards';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 100,
  );
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
  main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  .sandbox { background: #fff4d6; border: 1px solid #d9a400; padding: .5rem .75rem; border-radius: 4px; font-size: .875rem; }
  ul { padding: 0; list-style: none; } li { display: flex; justify-content: space-between; gap: 1rem; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; padding: .5rem; font: inherit; border: 1px solid #8792a2; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #c0123c; }
  .hint { margin: .25rem 0 0; font-size: .875rem; color: #4f566b; }
  [role="alert"] { color: #c0123c; font-weight: 600; }
  button { margin-top: 1.5rem; width: 100%; padding: .75rem; font: inherit; font-weight: 600; color: #fff; background: #0a5bd3; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #0a5bd3; outline-offset: 2px; }
  .cancel { display: block; margin-top: 1rem; text-align: center; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Payments sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="sandbox">Payments sandbox: test cards only, no money moves.</p>
${body}
</main>
</body>
</html>`;
}

interface FormState {
  values: Omit<CardForm, 'cvc'>;
  error: { field: 'number' | 'expiry' | 'cvc' | 'name'; message: string } | null;
}

const FIELDS = [
  {
    field: 'number',
    id: 'card-number',
    name: 'cardNumber',
    label: 'Card number',
    autocomplete: 'cc-number',
    inputmode: 'numeric',
    placeholder: '1234 1234 1234 1234',
    hint: `Test cards: ${SANDBOX_PAYING_CARD} pays, ${SANDBOX_DECLINED_CARD} is declined.`,
  },
  {
    field: 'expiry',
    id: 'card-expiry',
    name: 'expiry',
    label: 'Expiry date',
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    placeholder: 'MM / YY',
    hint: 'Month and year, as MM / YY.',
  },
  {
    field: 'cvc',
    id: 'card-cvc',
    name: 'cvc',
    label: 'Security code (CVC)',
    autocomplete: 'cc-csc',
    inputmode: 'numeric',
    placeholder: '123',
    hint: null,
  },
  {
    field: 'name',
    id: 'card-name',
    name: 'name',
    label: 'Name on card',
    autocomplete: 'cc-name',
    inputmode: 'text',
    placeholder: '',
    hint: null,
  },
] as const;

function checkoutForm(session: CheckoutSessionObject, ledger: SandboxLedger, state: FormState): string {
  const total = money(session.amount_total, session.currency);
  const items = ledger
    .lineItems(session.id)
    .map(
      (item) =>
        `<li><span>${escapeHtml(item.name)}${item.quantity > 1 ? ` × ${item.quantity}` : ''}${
          item.description ? `<br><small>${escapeHtml(item.description)}</small>` : ''
        }</span><span>${money(item.unitAmount * item.quantity, session.currency)}</span></li>`,
    )
    .join('');
  const inputs = FIELDS.map((f) => {
    const invalid = state.error?.field === f.field;
    const describedBy = [f.hint ? `${f.id}-hint` : null, invalid ? 'payment-error' : null]
      .filter(Boolean)
      .join(' ');
    const value = f.field === 'cvc' ? '' : state.values[f.field];
    return `<label for="${f.id}">${f.label}</label>
<input id="${f.id}" name="${f.name}" autocomplete="${f.autocomplete}" inputmode="${f.inputmode}" placeholder="${f.placeholder}" value="${escapeHtml(value)}" required${
      describedBy ? ` aria-describedby="${describedBy}"` : ''
    }${invalid ? ' aria-invalid="true"' : ''}>${f.hint ? `\n<p class="hint" id="${f.id}-hint">${escapeHtml(f.hint)}</p>` : ''}`;
  }).join('\n');
  const error = state.error
    ? `<p role="alert" id="payment-error">${escapeHtml(state.error.message)}</p>`
    : '';
  const cancel = session.cancel_url
    ? `<a class="cancel" href="/pay/${encodeURIComponent(session.id)}/cancel">Cancel and go back</a>`
    : '';
  return page(
    `Pay ${total}`,
    `<h1>Pay ${total}</h1>
<ul aria-label="What you pay for">${items}</ul>
${error}
<form method="post" action="/pay/${encodeURIComponent(session.id)}">
${inputs}
<button type="submit">Pay ${total}</button>
</form>
${cancel}`,
  );
}

function closedPage(session: CheckoutSessionObject): string {
  if (session.status === 'complete') {
    return page(
      'Payment complete',
      `<h1>Payment complete</h1>
<p>This payment of ${money(session.amount_total, session.currency)} has been made.</p>
<p><a href="${escapeHtml(successUrlOf(session))}">Continue</a></p>`,
    );
  }
  return page(
    'Checkout expired',
    `<h1>This checkout has expired</h1>
<p>Start again from the website to pay.</p>${
      session.cancel_url ? `\n<p><a href="${escapeHtml(session.cancel_url)}">Go back</a></p>` : ''
    }`,
  );
}

/** Stripe replaces `{CHECKOUT_SESSION_ID}` in the success URL with the session's id. */
function successUrlOf(session: CheckoutSessionObject): string {
  return session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

function sendHtml(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    })
    .send(html);
}

const field = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

/**
 * The hosted checkout page (`/pay/:sessionId`), standing in for checkout.stripe.com: a plain form
 * for the card; paying completes the session, sends `checkout.session.completed` to the webhook
 * and sends the browser to `success_url`; Cancel sends it to `cancel_url`.
 */
export function checkoutPages(ledger: SandboxLedger, onCompleted: (event: EventObject) => void): Router {
  const pages = express.Router();
  pages.use(express.urlencoded({ extended: false, limit: '10kb' }));

  pages.get('/pay/:sessionId', (req, res) => {
    const session = ledger.session(req.params.sessionId);
    if (!session) return sendHtml(res, 404, page('Not found', '<h1>There is no such checkout</h1>'));
    if (session.status !== 'open') return sendHtml(res, 200, closedPage(session));
    sendHtml(
      res,
      200,
      checkoutForm(session, ledger, { values: { number: '', expiry: '', name: '' }, error: null }),
    );
  });

  pages.post('/pay/:sessionId', (req, res) => {
    const session = ledger.session(req.params.sessionId);
    if (!session) return sendHtml(res, 404, page('Not found', '<h1>There is no such checkout</h1>'));
    if (session.status !== 'open') return sendHtml(res, 409, closedPage(session));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const card: CardForm = {
      number: field(body, 'cardNumber'),
      expiry: field(body, 'expiry'),
      cvc: field(body, 'cvc'),
      name: field(body, 'name'),
    };
    const outcome = chargeCard(card);
    if (!outcome.paid) {
      const { number, expiry, name } = card;
      return sendHtml(
        res,
        402,
        checkoutForm(session, ledger, {
          values: { number, expiry, name },
          error: { field: outcome.field, message: outcome.message },
        }),
      );
    }
    const completed = ledger.completeSession(session.id, { brand: outcome.brand, last4: outcome.last4 });
    onCompleted({
      id: stripeId('evt'),
      object: 'event',
      api_version: ledger.apiVersionOf(session.id),
      created: unixNow(),
      data: { object: completed },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'checkout.session.completed',
    });
    res.redirect(303, successUrlOf(completed));
  });

  pages.get('/pay/:sessionId/cancel', (req, res) => {
    const session = ledger.session(req.params.sessionId);
    if (!session) return sendHtml(res, 404, page('Not found', '<h1>There is no such checkout</h1>'));
    if (session.status !== 'open' || !session.cancel_url) return sendHtml(res, 200, closedPage(session));
    res.redirect(303, session.cancel_url);
  });

  return pages;
}
