import { expect } from 'vitest';
import { SANDBOX_PAYING_CARD } from '@showroom/server-testing';
import type { RetailTestContext } from '../test/retail-test-app';
import { ReservationRepository, type ReservationRow } from './reservation-repository';

export const GOOD_CARD = { number: SANDBOX_PAYING_CARD, expiry: '12 / 34', cvc: '123', name: 'Dana Driver' };

/**
 * Pays on the provider's page as a browser would: loads the page, finds each input by its label,
 * posts the form to its action. Answers the page's response (303 to the site when paid).
 */
export async function payOnCheckoutPage(checkoutUrl: string, card = GOOD_CARD): Promise<Response> {
  const page = await fetch(checkoutUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  if (!action) throw new Error('the checkout page has no form');
  const inputNamed = (label: string) => {
    const id = new RegExp(`<label for="([^"]+)">${label.replace(/[()]/g, '\\$&')}</label>`).exec(html)?.[1];
    const name = id && new RegExp(`<input id="${id}" name="([^"]+)"`).exec(html)?.[1];
    if (!name) throw new Error(`the checkout page has no input labelled ${label}`);
    return name;
  };
  const form = new URLSearchParams({
    [inputNamed('Card number')]: card.number,
    [inputNamed('Expiry date')]: card.expiry,
    [inputNamed('Security code (CVC)')]: card.cvc,
    [inputNamed('Name on card')]: card.name,
  });
  return fetch(new URL(action, checkoutUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

export async function reservationRow(
  ctx: RetailTestContext,
  dealershipId: string,
  dealId: string,
): Promise<ReservationRow> {
  const row = await new ReservationRepository(ctx.database.writer).forDeal(dealershipId, dealId);
  if (!row) throw new Error(`deal ${dealId} has no reservation`);
  return row;
}

/** Waits (briefly) until the deal's reservation is in `status`: the webhook arrives on its own time. */
export async function reservationBecomes(
  ctx: RetailTestContext,
  dealershipId: string,
  dealId: string,
  status: ReservationRow['status'],
): Promise<ReservationRow> {
  const until = Date.now() + 5_000;
  for (;;) {
    const row = await reservationRow(ctx, dealershipId, dealId);
    if (row.status === status) return row;
    if (Date.now() > until) expect.fail(`the reservation stayed ${row.status}, never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
