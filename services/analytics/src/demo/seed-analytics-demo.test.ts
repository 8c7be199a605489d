import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ALL_DEMO_DEALERSHIPS, DEMO_DEALERSHIPS, DEMO_USERS, demoAnalyticsMonths } from '@showroom/demo-data';
import { analyticsApp } from '../test/analytics-test-app';
import { seedAnalyticsDemo } from './seed-analytics-demo';

const NOW = new Date('2026-11-20T17:30:00Z');
const { downtown } = DEMO_DEALERSHIPS;

describe('the demo history seed', () => {
  const ctx = analyticsApp();
  const dashboard = async () => {
    const token = await ctx.tokenFor(DEMO_USERS.owner, [...DEMO_USERS.owner.memberships]);
    const ask = (name: string) =>
      request(ctx.app)
        .get(`/api/analytics/reports/${name}`)
        .set('Authorization', `Bearer ${token}`)
        .set('X-Dealership-Id', downtown.id)
        .query({ from: '2026-09-01', to: '2026-11-20', scope: 'group' })
        .expect(200)
        .then((answer) => answer.body);
    return {
      rooftops: await ask('rooftops'),
      costs: await ask('source-costs'),
      aging: await ask('inventory-aging'),
    };
  };

  it('fills the demo rooftops’ dashboard, and seeding again changes nothing', async () => {
    const deps = { engine: ctx.engine, db: ctx.database.writer };
    const first = await seedAnalyticsDemo(deps, NOW);
    expect(first.costMonths).toBe(ALL_DEMO_DEALERSHIPS.length * demoAnalyticsMonths(NOW).length);
    const seeded = await dashboard();
    expect(seeded.rooftops.rooftops.every((r: { leads: { current: number } }) => r.leads.current > 100)).toBe(
      true,
    );
    expect(seeded.costs.total.costCents).toBeGreaterThan(0);
    // The cars sold over the window are the history's; the lot today is listed by inventory's own seed.
    expect(seeded.aging.daysToSell.sold).toBeGreaterThan(20);

    const second = await seedAnalyticsDemo(deps, NOW);
    expect(second).toEqual({ events: first.events, costMonths: 0 });
    expect(await dashboard()).toEqual(seeded);
  });

  it('leaves a month’s costs a dealer already entered as they are', async () => {
    const month = demoAnalyticsMonths(NOW)[1] as string;
    const manager = await ctx.tokenFor(DEMO_USERS.manager, [...DEMO_USERS.manager.memberships]);
    await request(ctx.app)
      .put(`/api/analytics/source-costs/${month}`)
      .set('Authorization', `Bearer ${manager}`)
      .set('X-Dealership-Id', downtown.id)
      .send({ costs: [{ source: 'cars.com', costCents: 1 }] })
      .expect(200);
    await seedAnalyticsDemo({ engine: ctx.engine, db: ctx.database.writer }, NOW);
    const answer = await request(ctx.app)
      .get('/api/analytics/source-costs')
      .set('Authorization', `Bearer ${manager}`)
      .set('X-Dealership-Id', downtown.id)
      .query({ month })
      .expect(200);
    expect(answer.body.costs).toEqual([{ source: 'cars.com', costCents: 1 }]);
  });
});
