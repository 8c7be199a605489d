import { describe, expect, it } from 'vitest';
import type { ShopperDeal } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { ANALYTICS_EVENT_JOB } from '../analytics/analytics-events';
import { retailAppOnDemo } from '../test/retail-test-app';
import { dealershipWithCar, LEASE_36, runJobs, startDeal } from './deal-test-support';

const ctx = retailAppOnDemo();

const SHOPPER = {
  firstName: 'Wilhelmina',
  lastName: 'Quackenbush',
  email: 'w.quackenbush@example.com',
  phone: '614-555-0177',
};

const analyticsJobsOf = (dealershipId: string) =>
  forDealership(ctx.database.writer, dealershipId)
    .selectFrom('retail_jobs')
    .select(['id', 'state', 'attempts', 'last_error'])
    .where('kind', '=', ANALYTICS_EVENT_JOB)
    .execute();

describe('a submitted deal reaches analytics', () => {
  it('when a shopper submits a lease, then analytics gets one deal_submitted with the deal, the car, the selling price and the kind, from digital retailing, and nothing of the shopper', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle, LEASE_36, SHOPPER);

    const submitted = (await shopper.call('post', '/submit').expect(200)).body as ShopperDeal;
    // Sending it again (a double click) queues nothing more.
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    const [job] = await analyticsJobsOf(storefront.dealershipId);
    const events = ctx.analytics.events.filter((e) => e.dealId === shopper.dealId);
    expect(events).toEqual([
      expect.objectContaining({
        id: `retail:${job?.id}`,
        dealershipId: storefront.dealershipId,
        type: 'deal_submitted',
        source: 'digital_retailing',
        dealId: shopper.dealId,
        vehicleId: vehicle.id,
        priceCents: submitted.offer.quote.sellingPriceCents,
        dealKind: 'lease',
        make: vehicle.make,
        model: vehicle.model,
        year: vehicle.year,
        leadId: null,
        salespersonId: null,
        weight: 1,
      }),
    ]);
    expect(events[0]?.occurredAt).toBe(submitted.submittedAt);
    expect(await analyticsJobsOf(storefront.dealershipId)).toMatchObject([{ state: 'done' }]);

    const sent = ctx.analytics.requests.map((r) => r.rawBody).join('\n');
    expect(sent).toContain(shopper.dealId);
    for (const personal of [
      SHOPPER.firstName,
      SHOPPER.lastName,
      SHOPPER.email,
      SHOPPER.phone,
      '6145550177',
    ]) {
      expect(sent, `sent ${personal}`).not.toContain(personal);
    }
  });

  it('when analytics is down, then the job waits for its retry and the event arrives once analytics is back', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    ctx.analytics.failWith = 503;
    try {
      await shopper.call('post', '/submit').expect(200);
      await ctx.runDueJobs();
      const [waiting] = await analyticsJobsOf(storefront.dealershipId);
      expect(waiting?.state).toBe('pending');
      expect(waiting?.attempts).toBeGreaterThanOrEqual(1);
      expect(waiting?.last_error).toContain('503');
      expect(ctx.analytics.events.filter((e) => e.dealId === shopper.dealId)).toHaveLength(0);
    } finally {
      ctx.analytics.failWith = null;
    }

    await forDealership(ctx.database.writer, storefront.dealershipId)
      .updateTable('retail_jobs')
      .set({ next_attempt_at: null })
      .where('state', '=', 'pending')
      .execute();
    await runJobs(ctx);

    expect(ctx.analytics.events.filter((e) => e.dealId === shopper.dealId)).toHaveLength(1);
    expect(await analyticsJobsOf(storefront.dealershipId)).toMatchObject([{ state: 'done' }]);
  });
});
