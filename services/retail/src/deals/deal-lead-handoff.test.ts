import { describe, expect, it } from 'vitest';
import type { DealList } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { retailAppOnDemo } from '../test/retail-test-app';
import { atDesk, dealershipWithCar, runJobs, startDeal } from './deal-test-support';

const ctx = retailAppOnDemo();

/** The dealership's jobs waiting for a retry are due now (instead of waiting out their backoff). */
async function retriesDueNow(dealershipId: string): Promise<void> {
  await forDealership(ctx.database.writer, dealershipId)
    .updateTable('retail_jobs')
    .set({ next_attempt_at: null })
    .where('state', '=', 'pending')
    .execute();
}

describe('a submitted deal reaches leads even when leads is away', () => {
  it('keeps the shopper’s submission while leads is down and opens the lead once it is back', async () => {
    const { storefront, vehicle, sales } = await dealershipWithCar(ctx);
    const earlier = await startDeal(ctx, storefront, vehicle);
    await earlier.call('post', '/submit').expect(200);
    await runJobs(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    const desk = atDesk(ctx, sales, storefront.dealershipId);

    ctx.peers.down.add('leads');
    try {
      const submitted = await shopper.call('post', '/submit').expect(200);
      expect(submitted.body.status).toBe('submitted');
      await ctx.runDueJobs();
      expect(ctx.peers.leads.has(shopper.dealId)).toBe(false);

      // Until leads answers, a salesperson's desk cannot tell whose deal it is: 503, never a guess.
      const away = await desk.get(`/deals/${earlier.dealId}`).expect(503);
      expect(away.headers['retry-after']).toBeDefined();
      await desk.get('/deals').expect(503);
      // Someone who sees every deal still can.
      const manager = await ctx.member('manager', storefront.dealershipId);
      await atDesk(ctx, manager, storefront.dealershipId).get(`/deals/${shopper.dealId}`).expect(200);
    } finally {
      ctx.peers.down.delete('leads');
    }

    // The failed hand-over waits for its retry; once that is due, the lead is opened.
    await retriesDueNow(storefront.dealershipId);
    await runJobs(ctx);
    expect(ctx.peers.leads.get(shopper.dealId)?.inputs).toHaveLength(1);
    const mine = (await desk.get('/deals').expect(200)).body as DealList;
    expect(mine.items.map((d) => d.id).sort()).toEqual([earlier.dealId, shopper.dealId].sort());
    // The failed hand-over was logged without the shopper's contact details.
    const logs = ctx.logLines.join('');
    expect(logs).toContain('deal-lead');
    for (const contact of ['dana.driver@example.com', '614-555-0142', 'Driver'])
      expect(logs).not.toContain(contact);
  });
});
