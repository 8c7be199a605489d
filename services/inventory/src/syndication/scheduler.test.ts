import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import type { Inventory } from '../app';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/**
 * The schedule, turn by turn: the background timer is slowed to ten minutes so that only the
 * turns the tests ask for run (the first, at start, has passed before the tests begin).
 */
describe('syndication schedule: changes wait for the debounce, every dealership is regenerated when stale', () => {
  const ctx = inventoryAppForTests({
    env: {
      SYNDICATION_DEBOUNCE_MS: '60000',
      SYNDICATION_FULL_INTERVAL_MINUTES: '60',
      SYNDICATION_FOLLOW_INTERVAL_MS: '600000',
    },
  });
  let dealershipId: string;
  let owner: string;

  beforeAll(async () => {
    dealershipId = ctx.directory.add({ id: randomUUID(), name: 'Schedule Motors' }).id;
    owner = await ctx.tokenFor('owner', dealershipId);
    const saved = await request(ctx.app)
      .put('/api/inventory/syndication/settings')
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send({ channels: { marketplace: true }, webReady: { minPhotos: 0 } });
    expect(saved.status).toBe(200);
  });

  const tenant = () => forDealership(ctx.database.writer, dealershipId);
  const state = () =>
    tenant()
      .selectFrom('syndication_settings')
      .select(['dirty_since', 'last_full_run_at'])
      .executeTakeFirstOrThrow();
  const runs = async () =>
    (await tenant().selectFrom('syndication_runs').select('trigger_kind').orderBy('id').execute()).map(
      (run) => run.trigger_kind,
    );
  /** A turn that starts now: the first call may only wait for one already under way. */
  const turnOf = async (instance: Inventory) => {
    await instance.syndication.scheduler.turn();
    await instance.syndication.scheduler.turn();
  };
  const turn = () => turnOf(ctx.inventory);

  it('a change marks the dealership dirty but waits for the debounce; once the change is old enough it is generated', async () => {
    const added = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput());
    expect(added.status).toBe(201);

    await turn();
    expect((await state()).dirty_since).not.toBeNull();
    expect(await runs()).toEqual(['settings']);

    // The change is now older than the debounce.
    await tenant()
      .updateTable('syndication_settings')
      .set({ dirty_since: new Date(Date.now() - 120_000) })
      .execute();
    await turn();

    expect(await runs()).toEqual(['settings', 'change']);
    expect((await state()).dirty_since).toBeNull();
  });

  it('a dealership not regenerated within the full interval is regenerated though nothing changed', async () => {
    await turn();
    expect((await runs()).at(-1)).toBe('change');

    await tenant()
      .updateTable('syndication_settings')
      .set({ last_full_run_at: new Date(Date.now() - 2 * 3_600_000) })
      .execute();
    await turn();

    expect((await runs()).at(-1)).toBe('schedule');
    expect((await state()).last_full_run_at?.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('only the instance holding the lock generates; another takes over when it stops', async () => {
    const other = await ctx.anotherInstance();
    const staleNow = () =>
      tenant()
        .updateTable('syndication_settings')
        .set({ last_full_run_at: new Date(Date.now() - 2 * 3_600_000) })
        .execute();
    const count = async () => (await runs()).length;
    const before = await count();
    await staleNow();

    await turnOf(other);
    expect(await count()).toBe(before);

    await ctx.inventory.syndication.scheduler.close();
    await turnOf(other);
    expect(await count()).toBe(before + 1);
  });
});
