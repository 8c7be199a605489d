import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASON_LENGTH } from '@showroom/server-kit';
import { createDatabase, forDealership, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import type { RetailDatabase } from '../database';
import { retailMigrations } from '../migrations';
import { enqueueJob } from './enqueue';
import { forgetFinishedJobs } from './finished-jobs-sweep';
import { JobClaims } from './job-claims';
import { JobRunner, type JobHandlers, type JobRunnerSettings } from './job-runner';

const SETTINGS: JobRunnerSettings = {
  pollIntervalMs: 10,
  leaseMs: 60_000,
  retryFirstMs: 1_000,
  retryMaxMs: 60_000,
  maxAttempts: 3,
  batchSize: 5,
};

/** A clock a test moves by hand. */
function testClock(start = new Date('2026-12-06T12:00:00.000Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function capturedLogs() {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'trace' }, { write: (line: string) => lines.push(line) }) };
}

describe('retail job runner', () => {
  let schema: TestSchema;
  let database: Database<RetailDatabase>;
  beforeAll(async () => {
    schema = await createTestSchema('retail_jobs');
    database = createDatabase<RetailDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 6 });
    await migrateToLatest(database.writer, retailMigrations);
  });
  afterAll(async () => {
    await database?.close();
    await schema?.drop();
  });

  const runner = (handlers: JobHandlers, clock: () => Date, settings: Partial<JobRunnerSettings> = {}) => {
    const logs = capturedLogs();
    return {
      logs: logs.lines,
      runner: new JobRunner({
        claims: new JobClaims(database.writer),
        handlers,
        settings: { ...SETTINGS, ...settings },
        logger: logs.logger,
        clock,
      }),
    };
  };
  const jobsOf = (dealershipId: string) =>
    forDealership(database.writer, dealershipId)
      .selectFrom('retail_jobs')
      .selectAll()
      .orderBy('created_at')
      .execute();

  it('when two runners poll at once, every job runs exactly once', async () => {
    const dealershipId = randomUUID();
    const kind = `count-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 24; i++) await enqueueJob(database.writer, dealershipId, { kind, payload: { i } });
    const ran: number[] = [];
    const handlers: JobHandlers = {
      [kind]: async (job) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        ran.push((job.payload as { i: number }).i);
      },
    };
    const clock = testClock();
    const [a, b] = [runner(handlers, clock.now), runner(handlers, clock.now)];
    const [byA, byB] = await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    expect(byA + byB).toBe(24);
    expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect((await jobsOf(dealershipId)).every((job) => job.state === 'done' && job.attempts === 1)).toBe(
      true,
    );
  });

  it('when a handler fails, the job is tried again after a wait, and done once it succeeds', async () => {
    const dealershipId = randomUUID();
    const kind = `flaky-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    const clock = testClock();
    const { runner: flaky } = runner(
      {
        [kind]: async () => {
          calls++;
          if (calls === 1) throw new Error('leads answered 503');
        },
      },
      clock.now,
    );
    await enqueueJob(database.writer, dealershipId, { kind, payload: {} });

    expect(await flaky.runDue()).toBe(1);
    const [failed] = await jobsOf(dealershipId);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, last_error: 'Error: leads answered 503' });
    expect(failed?.next_attempt_at?.getTime()).toBe(clock.now().getTime() + SETTINGS.retryFirstMs);

    expect(await flaky.runDue()).toBe(0);
    clock.advance(SETTINGS.retryFirstMs);
    expect(await flaky.runDue()).toBe(1);
    expect(await jobsOf(dealershipId)).toMatchObject([{ state: 'done', attempts: 2, last_error: null }]);
    expect(calls).toBe(2);
  });

  it('when a job keeps failing, it is failed for good after the last attempt, with its reason clipped', async () => {
    const dealershipId = randomUUID();
    const kind = `broken-${randomUUID().slice(0, 8)}`;
    const clock = testClock();
    const { runner: broken } = runner(
      {
        [kind]: async () => {
          throw new Error('x'.repeat(2_000));
        },
      },
      clock.now,
    );
    await enqueueJob(database.writer, dealershipId, { kind, payload: {} });
    for (let attempt = 1; attempt <= SETTINGS.maxAttempts; attempt++) {
      expect(await broken.runDue()).toBe(1);
      clock.advance(SETTINGS.retryMaxMs);
    }
    expect(await broken.runDue()).toBe(0);
    const [job] = await jobsOf(dealershipId);
    expect(job).toMatchObject({ state: 'failed', attempts: SETTINGS.maxAttempts });
    expect(job?.last_error).toHaveLength(REASON_LENGTH);
    expect(job?.last_error?.endsWith('…')).toBe(true);
  });

  it('when a runner dies holding a job, another takes it over once the lease runs out, and the dead one records nothing', async () => {
    const dealershipId = randomUUID();
    const kind = `lease-${randomUUID().slice(0, 8)}`;
    const clock = testClock();
    await enqueueJob(database.writer, dealershipId, { kind, payload: {} });
    // The first runner claims the job and dies before it runs it.
    const claims = new JobClaims(database.writer);
    const [held] = await claims.claim(clock.now(), SETTINGS.leaseMs, 10);
    if (!held) throw new Error('the first runner claimed nothing');
    expect(held.kind).toBe(kind);

    let ran = 0;
    const { runner: survivor } = runner({ [kind]: async () => void ran++ }, clock.now);
    expect(await survivor.runDue()).toBe(0);
    clock.advance(SETTINGS.leaseMs);
    expect(await survivor.runDue()).toBe(1);
    expect(ran).toBe(1);
    expect(await jobsOf(dealershipId)).toMatchObject([{ state: 'done', attempts: 2 }]);

    // The first runner comes back: its claim is gone, so it writes nothing.
    expect(await claims.failed(held, 'late', null, clock.now())).toBe(false);
    expect(await jobsOf(dealershipId)).toMatchObject([{ state: 'done' }]);
  });

  it('when a batch outlives a later job’s lease and another runner takes that job, the first runner skips it', async () => {
    const dealershipId = randomUUID();
    const kind = `slow-${randomUUID().slice(0, 8)}`;
    const clock = testClock();
    const bySlow: number[] = [];
    const byOther: number[] = [];
    const other = runner(
      { [kind]: async (job) => void byOther.push((job.payload as { n: number }).n) },
      clock.now,
    );
    const { runner: slow } = runner(
      {
        [kind]: async (job) => {
          bySlow.push((job.payload as { n: number }).n);
          if (bySlow.length > 1) return;
          // The first job outlives the lease: the batch's other job is claimed and run by another runner
          // meanwhile (and the first one too, its own lease being over).
          clock.advance(SETTINGS.leaseMs);
          await other.runner.runDue();
        },
      },
      clock.now,
      { batchSize: 2 },
    );
    await enqueueJob(database.writer, dealershipId, { kind, payload: { n: 1 } });
    await enqueueJob(database.writer, dealershipId, { kind, payload: { n: 2 } });
    await slow.runDue();
    const [first] = bySlow;
    const second = first === 1 ? 2 : 1;
    expect(bySlow).toEqual([first]);
    expect([...bySlow, ...byOther].filter((n) => n === second)).toHaveLength(1);
    expect((await jobsOf(dealershipId)).map((job) => job.state)).toEqual(['done', 'done']);
  });

  it('a done job keeps nothing of its payload, and finished jobs are deleted after their retention', async () => {
    const dealershipId = randomUUID();
    const kind = `mail-${randomUUID().slice(0, 8)}`;
    const clock = testClock();
    const { runner: mailer } = runner({ [kind]: async () => undefined }, clock.now);
    await enqueueJob(database.writer, dealershipId, {
      kind,
      payload: { link: 'https://www.dealer.example/deals/x?access=l1.secret' },
    });
    await mailer.runDue();
    const [done] = await jobsOf(dealershipId);
    expect(done).toMatchObject({ state: 'done', payload: 'null' });

    const claims = new JobClaims(database.writer);
    expect(await forgetFinishedJobs(claims, 14, new Date(clock.now().getTime() + 13 * 86_400_000))).toBe(0);
    expect(await jobsOf(dealershipId)).toHaveLength(1);
    expect(
      await forgetFinishedJobs(claims, 14, new Date(clock.now().getTime() + 15 * 86_400_000)),
    ).toBeGreaterThanOrEqual(1);
    expect(await jobsOf(dealershipId)).toHaveLength(0);
  });

  it('a job of a kind nobody handles is failed at once, and the logs name the job but never its payload', async () => {
    const dealershipId = randomUUID();
    const clock = testClock();
    const { runner: idle, logs } = runner({}, clock.now);
    await enqueueJob(database.writer, dealershipId, {
      kind: 'nobody-handles-this',
      payload: { email: 'shopper.private@example.test' },
    });
    expect(await idle.runDue()).toBe(1);
    expect(await jobsOf(dealershipId)).toMatchObject([
      { state: 'failed', last_error: 'Error: no handler for job kind nobody-handles-this' },
    ]);
    const failure = logs.find((line) => line.includes('retail job failed for good'));
    expect(failure).toContain(dealershipId);
    expect(logs.join('\n')).not.toContain('shopper.private@example.test');
  });

  it('a job waits for its run time', async () => {
    const dealershipId = randomUUID();
    const kind = `later-${randomUUID().slice(0, 8)}`;
    const clock = testClock();
    let ran = 0;
    const { runner: later } = runner({ [kind]: async () => void ran++ }, clock.now);
    await enqueueJob(database.writer, dealershipId, {
      kind,
      payload: {},
      runAt: new Date(clock.now().getTime() + 60_000),
    });
    expect(await later.runDue()).toBe(0);
    clock.advance(60_000);
    expect(await later.runDue()).toBe(1);
    expect(ran).toBe(1);
  });
});

describe('enqueueing a retail job', () => {
  let schema: TestSchema;
  let database: Database<RetailDatabase>;
  beforeAll(async () => {
    schema = await createTestSchema('retail_enqueue');
    database = createDatabase<RetailDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
    await migrateToLatest(database.writer, retailMigrations);
  });
  afterAll(async () => {
    await database?.close();
    await schema?.drop();
  });
  const countOf = async (dealershipId: string) =>
    (await forDealership(database.writer, dealershipId).selectFrom('retail_jobs').select('id').execute())
      .length;

  it('with the same dedupe key twice, keeps the first job only, and the caller’s transaction goes on', async () => {
    const dealershipId = randomUUID();
    const dedupeKey = `deal-lead:${randomUUID()}:1`;
    const [first, second] = await database.writer
      .transaction()
      .execute(async (trx) => [
        await enqueueJob(trx, dealershipId, { kind: 'deal-lead', payload: { n: 1 }, dedupeKey }),
        await enqueueJob(trx, dealershipId, { kind: 'deal-lead', payload: { n: 2 }, dedupeKey }),
      ]);
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const rows = await forDealership(database.writer, dealershipId)
      .selectFrom('retail_jobs')
      .selectAll()
      .execute();
    expect(rows).toMatchObject([{ id: first, payload: '{"n":1}', state: 'pending' }]);
  });

  it('in a transaction that rolls back, leaves no job', async () => {
    const dealershipId = randomUUID();
    await expect(
      database.writer.transaction().execute(async (trx) => {
        await enqueueJob(trx, dealershipId, { kind: 'shopper-mail', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countOf(dealershipId)).toBe(0);
  });
});
