import { type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';

/** Finished runs are kept this long, to look into an incident, then forgotten. */
export const FINISHED_RUNS_KEPT_MS = 14 * 24 * 3600_000;
/** Where the alarms' counts stop: they ask for more than none, and past this the size adds nothing. */
export const HEALTH_COUNT_CAP = 10_000;
/** Rows forgotten per sweeper pass at most, so a pass stays short. */
const FORGET_BATCH = 5000;

/** The first characters of a failure, kept on the run for whoever looks into a stuck event. */
const errorText = (reason: unknown): string =>
  (reason instanceof Error ? reason.message : String(reason)).slice(0, 500);

/**
 * The completion records: one row per event and consumer, finished when the consumer succeeded.
 * They, not the jobs in Redis, say what is left to do, so a job lost with Redis (a restart, a
 * failover, a job trimmed after its last attempt) leaves an unfinished run the sweeper finds.
 */
export class ConsumerRuns {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    /** How long a run may stay unfinished before the sweeper publishes its event again. */
    private readonly graceMs: number,
    /** Where the health counts stop (see {@link ConsumerRuns.health}). */
    private readonly healthCountCap = HEALTH_COUNT_CAP,
  ) {}

  private sweepAfter(now: Date): Date {
    return new Date(now.getTime() + this.graceMs);
  }

  /** Records the runs of events being published (in the relay's transaction). */
  async open(
    trx: Kysely<LeadsDatabase>,
    events: { eventId: string; consumers: readonly string[] }[],
    now: Date,
  ): Promise<void> {
    const rows = events.flatMap(({ eventId, consumers }) =>
      consumers.map((consumer) => ({ event_id: eventId, consumer, next_sweep_at: this.sweepAfter(now) })),
    );
    if (rows.length > 0) await trx.insertInto('outbox_consumer_runs').ignore().values(rows).execute();
  }

  /**
   * The consumers of an event still to run. An event with no runs at all (its relay transaction
   * did not commit, or it was published before runs were recorded) gets them now.
   */
  async unfinished(eventId: string, consumers: readonly string[]): Promise<string[]> {
    const read = () =>
      this.db
        .selectFrom('outbox_consumer_runs')
        .select(['consumer', 'finished_at'])
        .where('event_id', '=', eventId)
        .execute();
    let runs = await read();
    if (runs.length === 0 && consumers.length > 0) {
      await this.open(this.db, [{ eventId, consumers }], new Date());
      runs = await read();
    }
    return runs.filter((run) => run.finished_at === null).map((run) => run.consumer);
  }

  async finish(eventId: string, consumers: string[]): Promise<void> {
    if (consumers.length === 0) return;
    await this.db
      .updateTable('outbox_consumer_runs')
      .set({ finished_at: new Date(), last_error: null })
      .where('event_id', '=', eventId)
      .where('consumer', 'in', consumers)
      .where('finished_at', 'is', null)
      .execute();
  }

  /** Counts a failed attempt; `exhausted` when the job used its last one. */
  async fail(
    eventId: string,
    failures: { consumer: string; reason: unknown }[],
    exhausted: boolean,
  ): Promise<void> {
    const now = new Date();
    for (const { consumer, reason } of failures) {
      await this.db
        .updateTable('outbox_consumer_runs')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: errorText(reason),
          next_sweep_at: this.sweepAfter(now),
          ...(exhausted ? { exhausted_at: now } : {}),
        }))
        .where('event_id', '=', eventId)
        .where('consumer', '=', consumer)
        .execute();
    }
  }

  /**
   * Ends a run that can never succeed: finished, so the sweeper leaves it, with the reason in
   * last_error and exhausted_at set, which tells it from a success (those clear last_error).
   */
  async giveUp(eventId: string, consumer: string, reason: unknown): Promise<void> {
    const now = new Date();
    await this.db
      .updateTable('outbox_consumer_runs')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: errorText(reason),
        exhausted_at: now,
        finished_at: now,
      }))
      .where('event_id', '=', eventId)
      .where('consumer', '=', consumer)
      .where('finished_at', 'is', null)
      .execute();
  }

  /**
   * Claims events with a run that is due (unfinished past its grace), for one sweeper pass: the
   * rows stay locked until the caller's transaction ends, so sweepers of several instances share
   * the work. Returns the event ids, oldest due first.
   */
  async claimDue(trx: Transaction<LeadsDatabase>, now: Date, limit: number): Promise<string[]> {
    const due = await trx
      .selectFrom('outbox_consumer_runs')
      .select('event_id')
      .where('finished_at', 'is', null)
      .where('next_sweep_at', '<=', now)
      .orderBy('next_sweep_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return [...new Set(due.map((run) => run.event_id))];
  }

  /** The claimed events' runs wait another grace period before the next look. */
  async postpone(trx: Transaction<LeadsDatabase>, eventIds: string[], now: Date): Promise<void> {
    if (eventIds.length === 0) return;
    await trx
      .updateTable('outbox_consumer_runs')
      .set({ next_sweep_at: this.sweepAfter(now) })
      .where('event_id', 'in', eventIds)
      .where('finished_at', 'is', null)
      .execute();
  }

  /** Deletes runs finished longer ago than they are kept; returns how many. */
  async forgetFinished(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('outbox_consumer_runs')
      .where('finished_at', '<', new Date(now.getTime() - FINISHED_RUNS_KEPT_MS))
      .limit(FORGET_BATCH)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * What the alarms watch: events with a consumer unfinished (or not even published) for longer
   * than `olderThanMs`, and runs whose job used up its attempts and that are still unfinished. Each
   * count stops at `healthCountCap`: the alarms ask for more than none. The backlog's counts then read
   * at most the cap and a minute of new events, however large a backlog grows; the exhausted count
   * reads the unfinished runs, which outside an outage are the work in flight. (An index for each
   * would bound them too, but costs every run the relay records, several per lead, to save a scan
   * every 15 s during an outage.)
   */
  async health(now: Date, olderThanMs: number): Promise<{ backlog: number; exhausted: number }> {
    const cutoff = new Date(now.getTime() - olderThanMs);
    const unfinishedRuns = this.db
      .selectFrom('outbox_consumer_runs')
      .select('event_id')
      .where('finished_at', 'is', null);
    const [unpublished, unfinished, exhausted] = await Promise.all([
      // The backlog is the whole service's.
      this.countUpToCap(
        acrossDealerships(this.db)
          .selectFrom('outbox')
          .select('id')
          .where('published_at', 'is', null)
          .where('occurred_at', '<', cutoff),
      ),
      this.countUpToCap(unfinishedRuns.distinct().where('created_at', '<', cutoff)),
      this.countUpToCap(unfinishedRuns.where('exhausted_at', 'is not', null)),
    ]);
    return { backlog: Math.min(unpublished + unfinished, this.healthCountCap), exhausted };
  }

  private async countUpToCap<DB, TB extends keyof DB, Row>(
    rows: SelectQueryBuilder<DB, TB, Row>,
  ): Promise<number> {
    const { n } = await this.db
      .selectFrom(rows.limit(this.healthCountCap).as('counted'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
