import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import type { UsersDatabase } from '../database';
import { usersMigrations } from '../migrations';
import { provisioningStatusOf, requestProvisioning, retryProvisioning } from './requests';

let schema: TestSchema;
let database: Database<UsersDatabase>;

async function newDealership(): Promise<string> {
  const id = randomUUID();
  await database.writer
    .insertInto('dealerships')
    .values({
      id,
      name: `Rooftop ${id.slice(0, 8)}`,
      slug: `rooftop-${id.slice(0, 8)}`,
      time_zone: 'America/Chicago',
    })
    .execute();
  return id;
}

const statusOf = async (id: string) => (await provisioningStatusOf(database.writer, [id])).get(id);

beforeAll(async () => {
  schema = await createTestSchema('provisioning_requests');
  database = createDatabase<UsersDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 3 });
  await migrateToLatest(database.writer, usersMigrations);
});

afterAll(async () => {
  await database?.close();
  await schema?.drop();
});

describe('provisioning requests', () => {
  it('a website change requests provisioning in its own transaction: due now, pending, every step to run', async () => {
    const id = await newDealership();
    await database.writer.transaction().execute((trx) => requestProvisioning(trx, id, 1));
    const status = await statusOf(id);
    expect(status).toMatchObject({
      state: 'pending',
      version: 1,
      nextAttemptAt: null,
      liveAt: null,
      unservedDomains: [],
    });
    expect(status?.steps.map((step) => [step.step, step.status])).toEqual([
      ['upload-assets', 'pending'],
      ['publish-config', 'pending'],
      ['attach-domain', 'pending'],
      ['allow-lead-origins', 'pending'],
      ['invalidate-cdn', 'pending'],
    ]);
    const row = await database.writer
      .selectFrom('website_provisioning')
      .selectAll()
      .where('dealership_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.next_attempt_at?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a rolled-back change leaves no request behind', async () => {
    const id = await newDealership();
    await expect(
      database.writer.transaction().execute(async (trx) => {
        await requestProvisioning(trx, id, 1);
        throw new Error('the website change failed');
      }),
    ).rejects.toThrow('the website change failed');
    expect((await statusOf(id))?.version).toBe(0);
  });

  it('never goes back to an older version, and a new request clears the failure it follows', async () => {
    const id = await newDealership();
    await requestProvisioning(database.writer, id, 3);
    await database.writer
      .updateTable('website_provisioning')
      .set({
        state: 'failed',
        attempts: 2,
        last_error: 'S3 refused',
        next_attempt_at: new Date(Date.now() + 60_000),
      })
      .where('dealership_id', '=', id)
      .execute();
    await requestProvisioning(database.writer, id, 2);
    const row = await database.writer
      .selectFrom('website_provisioning')
      .selectAll()
      .where('dealership_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ version: 3, state: 'pending', attempts: 0, last_error: null });
  });

  it('a request while a worker holds the run leaves it running (no second worker may take it)', async () => {
    const id = await newDealership();
    await requestProvisioning(database.writer, id, 1);
    await database.writer
      .updateTable('website_provisioning')
      .set({ state: 'running', claimed_until: new Date(Date.now() + 60_000), claim_token: randomUUID() })
      .where('dealership_id', '=', id)
      .execute();
    await requestProvisioning(database.writer, id, 2);
    expect(await statusOf(id)).toMatchObject({ state: 'running', version: 2 });
  });

  it('a failed run shows when it is tried again; Retry makes it due now', async () => {
    const id = await newDealership();
    await requestProvisioning(database.writer, id, 1);
    const later = new Date(Date.now() + 3_600_000);
    await database.writer
      .updateTable('website_provisioning')
      .set({ state: 'failed', attempts: 5, next_attempt_at: later })
      .where('dealership_id', '=', id)
      .execute();
    expect((await statusOf(id))?.nextAttemptAt).toBe(later.toISOString());
    await retryProvisioning(database.writer, id);
    const row = await database.writer
      .selectFrom('website_provisioning')
      .selectAll()
      .where('dealership_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('pending');
    expect(row.next_attempt_at?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('answers every dealership asked about, steps of an older version reading as pending', async () => {
    const [a, b] = [await newDealership(), await newDealership()];
    await requestProvisioning(database.writer, a, 2);
    await database.writer
      .insertInto('website_provisioning_steps')
      .values([
        {
          dealership_id: a,
          step: 'publish-config',
          version: 2,
          status: 'done',
          attempts: 1,
          detail: 'published 2 hosts',
          last_error: null,
          finished_at: new Date(),
        },
        {
          dealership_id: a,
          step: 'upload-assets',
          version: 1,
          status: 'failed',
          attempts: 3,
          detail: null,
          last_error: 'old',
          finished_at: null,
        },
      ])
      .execute();
    const statuses = await provisioningStatusOf(database.writer, [a, b]);
    expect(statuses.get(b)).toMatchObject({ state: 'pending', version: 0, unservedDomains: [] });
    const steps = statuses.get(a)?.steps ?? [];
    expect(steps[1]).toMatchObject({
      step: 'publish-config',
      status: 'done',
      attempts: 1,
      detail: 'published 2 hosts',
    });
    expect(steps[0]).toMatchObject({
      step: 'upload-assets',
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
  });
});
