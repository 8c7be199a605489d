import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';
import { ConsumerRuns, FINISHED_RUNS_KEPT_MS } from './consumer-runs';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface MetricLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[];
  };
  Service: string;
  OutboxBacklog: number;
  OutboxExhaustedJobs: number;
}

/**
 * A consumer that keeps failing uses up its job's attempts (SMTP away longer than the retries
 * last). The job is finished as far as Redis is concerned, and Redis trims it later; the event is
 * not: the sweeper counts it for the alarms and publishes it again until the consumer succeeds.
 */
describe('outbox sweeper', () => {
  let ctx: LeadsTestContext;
  let dealer: TestDealership;

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    dealer = await ctx.newDealership();
  });
  afterAll(() => ctx.close());

  /** The line of the pass at `at` (the sweeper's own passes go on beside the test's). */
  const metricsAt = (at: Date): MetricLine | undefined =>
    ctx.metricLines
      .map((line) => JSON.parse(line) as MetricLine)
      .find((line) => line._aws.Timestamp === at.getTime());

  it('leaves a job Redis still holds waiting to run: it is looked at, postponed, and not published again', async () => {
    await ctx.outbox.sweeper.stop();
    await ctx.outbox.queue.pause();
    try {
      const email = 'still.waiting@example.com';
      expect((await postWebsiteLead(ctx, dealer.id, websiteLead({ email }))).status).toBe(201);
      const eventsOfLead = ctx.database.writer
        .selectFrom('outbox')
        .select('event_id')
        .where(
          'lead_id',
          '=',
          ctx.database.writer.selectFrom('leads').select('id').where('email', '=', email),
        );
      await expect
        .poll(() => eventsOfLead.where('published_at', 'is', null).execute(), { timeout: 10_000 })
        .toEqual([]);

      const aMinuteOn = new Date(Date.now() + 61_000);
      const { republished } = await ctx.outbox.sweeper.pass(aMinuteOn);

      expect(republished).toBe(0);
      const runs = await ctx.database.writer
        .selectFrom('outbox_consumer_runs')
        .select('next_sweep_at')
        .where('event_id', 'in', eventsOfLead)
        .where('finished_at', 'is', null)
        .execute();
      expect(runs.length).toBeGreaterThan(0);
      // Claimed and put off for another grace period: the pass decided, it did not fail.
      for (const run of runs) expect(run.next_sweep_at.getTime()).toBeGreaterThan(aMinuteOn.getTime());
    } finally {
      await ctx.outbox.queue.resume();
      ctx.outbox.sweeper.start();
    }
    await ctx.settle(20_000);
    expect(ctx.sink.messages().filter((m) => m.to.includes('still.waiting@example.com'))).toHaveLength(1);
  });

  it(
    'when an e-mail consumer used up its attempts, it is counted as exhausted and sent once SMTP is back',
    { timeout: 60_000 },
    async () => {
      await ctx.sink.close();
      const email = 'exhausted.retries@example.com';
      const res = await postWebsiteLead(ctx, dealer.id, websiteLead({ email }));
      expect(res.status).toBe(201);
      const { id: leadId } = await ctx.database.writer
        .selectFrom('leads')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();

      // Eight attempts of 100-400 ms each: about three seconds until the job gives up.
      let exhausted: { consumer: string }[] = [];
      for (let waited = 0; exhausted.length < 2; waited += 200) {
        expect(waited).toBeLessThan(15_000);
        await pause(200);
        exhausted = await ctx.database.writer
          .selectFrom('outbox_consumer_runs')
          .select('consumer')
          .where('exhausted_at', 'is not', null)
          .where('finished_at', 'is', null)
          .where(
            'event_id',
            'in',
            ctx.database.writer.selectFrom('outbox').select('event_id').where('lead_id', '=', leadId),
          )
          .execute();
      }
      expect(exhausted.map((run) => run.consumer).sort()).toEqual(['acknowledge', 'notify_assignee']);

      // A minute on, the lead's e-mails count in the backlog too.
      const aMinuteOn = new Date(Date.now() + 61_000);
      const { health } = await ctx.outbox.sweeper.pass(aMinuteOn);
      expect(health?.backlog).toBeGreaterThanOrEqual(1);
      expect(health?.exhausted).toBeGreaterThanOrEqual(2);
      const line = metricsAt(aMinuteOn);
      expect(line?._aws.CloudWatchMetrics[0]).toMatchObject({
        Namespace: 'Showroom/Outbox',
        Dimensions: [['Service']],
        Metrics: [{ Name: 'OutboxBacklog' }, { Name: 'OutboxExhaustedJobs' }],
      });
      expect(line).toMatchObject({ Service: 'leads', OutboxBacklog: health?.backlog });
      expect(line?.OutboxExhaustedJobs).toBe(health?.exhausted);

      await ctx.restartSink();
      await ctx.settle(20_000);
      const ack = ctx.sink.messages().filter((m) => m.to.includes(email));
      expect(ack).toHaveLength(1);
      const notices = ctx.sink.messages().filter((m) => m.text.includes(leadId));
      expect(notices).toHaveLength(1);

      // Two weeks on, the lead's finished runs are forgotten (an unfinished one would stay).
      const runsOfLead = () =>
        ctx.database.writer
          .selectFrom('outbox_consumer_runs')
          .select('consumer')
          .where(
            'event_id',
            'in',
            ctx.database.writer.selectFrom('outbox').select('event_id').where('lead_id', '=', leadId),
          )
          .execute();
      expect((await runsOfLead()).length).toBeGreaterThan(0);
      const { forgotten } = await ctx.outbox.sweeper.pass(
        new Date(Date.now() + FINISHED_RUNS_KEPT_MS + 61_000),
      );
      expect(forgotten).toBeGreaterThan(0);
      expect(await runsOfLead()).toEqual([]);

      // The other consumers of the lead's events finish on their own time: the backlog drains.
      let later = new Date();
      await expect
        .poll(
          async () => {
            later = new Date(Date.now() + 61_000);
            return (await ctx.outbox.sweeper.pass(later)).health;
          },
          { timeout: 10_000, interval: 250 },
        )
        .toEqual({ backlog: 0, exhausted: 0 });
      expect(metricsAt(later)).toMatchObject({ OutboxBacklog: 0, OutboxExhaustedJobs: 0 });
    },
  );

  it('counts the backlog for the alarms up to its cap, however many events wait', async () => {
    await ctx.outbox.sweeper.stop();
    await ctx.outbox.queue.pause();
    try {
      for (const email of ['capped.one@example.com', 'capped.two@example.com', 'capped.three@example.com']) {
        expect((await postWebsiteLead(ctx, dealer.id, websiteLead({ email }))).status).toBe(201);
      }
      // Published (jobs waiting in the paused queue), so each event has unfinished runs.
      await expect
        .poll(
          () =>
            ctx.database.writer
              .selectFrom('outbox')
              .select('event_id')
              .where('published_at', 'is', null)
              .execute(),
          {
            timeout: 10_000,
          },
        )
        .toEqual([]);
      const aMinuteOn = new Date(Date.now() + 61_000);
      const uncapped = await new ConsumerRuns(ctx.database.writer, 60_000).health(aMinuteOn, 60_000);
      expect(uncapped.backlog).toBeGreaterThanOrEqual(3);
      expect(await new ConsumerRuns(ctx.database.writer, 60_000, 2).health(aMinuteOn, 60_000)).toEqual({
        backlog: 2,
        exhausted: 0,
      });
    } finally {
      await ctx.outbox.queue.resume();
      ctx.outbox.sweeper.start();
    }
  });
});
