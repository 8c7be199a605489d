import { sql, type Kysely } from 'kysely';
import { sendToService, type ServiceTokens } from '@showroom/server-kit';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { Logger } from 'pino';
import type { UsersDatabase } from '../database';

export interface MemberReleaseSettings {
  leadsApiUrl: string;
  tokens: ServiceTokens;
  logger: Logger;
  pollIntervalMs: number;
  retryFirstMs: number;
  retryMaxMs: number;
  clock?: () => Date;
}

/** A claimed call is its worker's for this long before another worker may take it over. */
const LEASE_MS = 60_000;
const BATCH = 20;

/**
 * Gives a deactivated member's open leads back to round-robin, through the leads service. The
 * request is a row written in the deactivation's own transaction (an outbox): the call is tried at
 * once after the commit, and again with a backoff while leads is away, so none is lost.
 */
export class MemberReleases {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<UsersDatabase>,
    private readonly settings: MemberReleaseSettings,
  ) {
    this.now = settings.clock ?? (() => new Date());
  }

  /** Part of the caller's transaction: `trx` is the deactivation's. */
  async request(trx: Kysely<UsersDatabase>, dealershipId: string, userId: string): Promise<void> {
    await forDealership(trx, dealershipId)
      .insertInto('member_releases')
      .values({ user_id: userId, next_attempt_at: this.now() })
      .onDuplicateKeyUpdate({ attempts: 0, next_attempt_at: this.now(), last_error: null })
      .execute();
  }

  /** Delivers what is due now; a failure stays queued (and logged), it never fails the caller. */
  deliverDue(): Promise<void> {
    this.running ??= this.deliver()
      .catch((err: unknown) => this.settings.logger.error({ err }, 'member releases could not be delivered'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.deliverDue(), this.settings.pollIntervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async deliver(): Promise<void> {
    for (const due of await this.claimDue()) {
      const path = `/api/leads/internal/dealerships/${encodeURIComponent(due.dealership_id)}/members/${encodeURIComponent(due.user_id)}/release`;
      try {
        await sendToService(this.settings.leadsApiUrl, { method: 'POST', path }, this.settings.tokens);
        await forDealership(this.db, due.dealership_id)
          .deleteFrom('member_releases')
          .where('user_id', '=', due.user_id)
          .where('requested_at', '=', due.requested_at)
          .execute();
      } catch (err) {
        const attempts = due.attempts + 1;
        const delay = Math.min(this.settings.retryMaxMs, this.settings.retryFirstMs * 2 ** (attempts - 1));
        this.settings.logger.warn(
          { err, dealershipId: due.dealership_id, userId: due.user_id, attempts },
          'releasing a deactivated member’s leads failed; will try again',
        );
        await forDealership(this.db, due.dealership_id)
          .updateTable('member_releases')
          .set({
            attempts,
            next_attempt_at: new Date(this.now().getTime() + delay),
            last_error: String((err as Error).message ?? err).slice(0, 500),
          })
          .where('user_id', '=', due.user_id)
          .execute();
      }
    }
  }

  /** Due rows, each leased to this worker so that another one does not call leads for it too. */
  private claimDue() {
    return this.db.transaction().execute(async (trx) => {
      const now = this.now();
      const rows = await acrossDealerships(trx)
        .selectFrom('member_releases')
        .selectAll()
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .modifyEnd(sql`FOR UPDATE SKIP LOCKED`)
        .execute();
      for (const row of rows) {
        await forDealership(trx, row.dealership_id)
          .updateTable('member_releases')
          .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
          .where('user_id', '=', row.user_id)
          .execute();
      }
      return rows;
    });
  }
}
