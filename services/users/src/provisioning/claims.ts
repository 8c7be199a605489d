import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProvisioningStepName } from '@showroom/contracts';
import { clipReason } from '@showroom/server-kit';
import { acrossDealerships, forDealership, queueClaimTransaction } from '@showroom/server-mysql';
import type { UsersDatabase, WebsiteProvisioningStepTable } from '../database';

/** A site's provisioning a worker holds until its lease runs out; every write is fenced on `token`. */
export interface ClaimedSite {
  dealershipId: string;
  token: string;
  /** Failed runs of this request before this one: a run after a failure goes on from its failed step. */
  failures: number;
  /** The version requested when the run was claimed (the site read next may be newer). */
  version: number;
}

/** The claim ran out and another worker may hold the site: the run stops without writing. */
export class ClaimLost extends Error {
  override name = 'ClaimLost';
  constructor() {
    super('the provisioning lease ran out; another worker takes the site over');
  }
}

/**
 * How a step went. A done step that names `unservedDomains` (attach-domain) replaces the site's
 * list of own domains not served yet; the other steps leave it as it was.
 */
export type StepOutcome =
  { status: 'done'; detail: string; unservedDomains?: string[] } | { status: 'failed'; error: string };

/** The unserved_domains column: a JSON array of the names, NULL for none. */
const unservedDomainsColumn = (domains: string[]) => (domains.length > 0 ? JSON.stringify(domains) : null);

/** How each step last went, by step. */
export type StepRecords = Map<
  ProvisioningStepName,
  { version: number; status: WebsiteProvisioningStepTable['status'] }
>;

/**
 * The provisioning queue: request rows taken with `FOR UPDATE SKIP LOCKED` and marked with a lease
 * in the same transaction, so two workers never run one site at once; a lease that ran out (its
 * worker died) is taken over. Every write of a run names its claim token: a worker that lost its
 * lease records nothing.
 */
export class ProvisioningClaims {
  constructor(private readonly writer: Kysely<UsersDatabase>) {}

  async claim(now: Date, leaseMs: number): Promise<ClaimedSite | null> {
    return queueClaimTransaction(this.writer, async (trx) => {
      const row = await acrossDealerships(trx)
        .selectFrom('website_provisioning')
        .select(['dealership_id', 'attempts', 'version'])
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      const token = randomUUID();
      await forDealership(trx, row.dealership_id)
        .updateTable('website_provisioning')
        .set({
          state: 'running',
          claimed_until: new Date(now.getTime() + leaseMs),
          claim_token: token,
          updated_at: now,
        })
        .execute();
      return { dealershipId: row.dealership_id, token, failures: row.attempts, version: row.version };
    });
  }

  /** Extends the lease; false when the claim was lost (the run must stop). */
  async heartbeat(claim: ClaimedSite, now: Date, leaseMs: number): Promise<boolean> {
    const result = await forDealership(this.writer, claim.dealershipId)
      .updateTable('website_provisioning')
      .set({ claimed_until: new Date(now.getTime() + leaseMs) })
      .where('claim_token', '=', claim.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async steps(claim: ClaimedSite): Promise<StepRecords> {
    const rows = await forDealership(this.writer, claim.dealershipId)
      .selectFrom('website_provisioning_steps')
      .select(['step', 'version', 'status'])
      .execute();
    return new Map(rows.map((row) => [row.step, { version: row.version, status: row.status }]));
  }

  /**
   * Records a step's outcome for `version`; its attempts count again from 1 for a new version. A
   * done step's `unservedDomains` is written with it, in the same fenced transaction.
   */
  async recordStep(
    claim: ClaimedSite,
    step: ProvisioningStepName,
    version: number,
    outcome: StepOutcome,
    now: Date,
  ): Promise<boolean> {
    return this.fenced(claim, async (trx) => {
      const values =
        outcome.status === 'done'
          ? {
              status: 'done' as const,
              detail: clipReason(outcome.detail),
              last_error: null,
              finished_at: now,
            }
          : { status: 'failed' as const, last_error: clipReason(outcome.error), finished_at: null };
      await forDealership(trx, claim.dealershipId)
        .insertInto('website_provisioning_steps')
        .values({ step, version, attempts: 1, detail: null, ...values })
        .onDuplicateKeyUpdate({
          // Before `version` is set: MySQL applies the assignments in order.
          attempts: sql<number>`IF(version = ${version}, attempts + 1, 1)`,
          detail:
            outcome.status === 'done'
              ? values.detail
              : sql<string | null>`IF(version = ${version}, detail, NULL)`,
          version,
          ...values,
        })
        .execute();
      if (outcome.status === 'done' && outcome.unservedDomains) {
        await forDealership(trx, claim.dealershipId)
          .updateTable('website_provisioning')
          .set({ unserved_domains: unservedDomainsColumn(outcome.unservedDomains) })
          .execute();
      }
    });
  }

  /**
   * The run of `version` went through: live, unless a newer version was asked for meanwhile, which
   * is then due at once.
   */
  async finished(claim: ClaimedSite, version: number, now: Date): Promise<boolean> {
    return this.fenced(claim, (trx) =>
      forDealership(trx, claim.dealershipId)
        .updateTable('website_provisioning')
        .set({
          state: sql`IF(version > ${version}, 'pending', 'live')`,
          live_at: sql`IF(version > ${version}, live_at, ${now})`,
          next_attempt_at: sql`IF(version > ${version}, ${now}, NULL)`,
          version_live: version,
          attempts: 0,
          last_error: null,
          claimed_until: null,
          claim_token: null,
          updated_at: now,
        })
        .execute(),
    );
  }

  /**
   * A step of `version` failed: tried again after `retryAt` (or at once when a newer version was
   * asked for meanwhile: the dealer may have fixed what failed).
   */
  async failed(
    claim: ClaimedSite,
    version: number,
    error: string,
    retryAt: Date,
    now: Date,
  ): Promise<boolean> {
    return this.fenced(claim, (trx) =>
      forDealership(trx, claim.dealershipId)
        .updateTable('website_provisioning')
        .set({
          state: sql`IF(version > ${version}, 'pending', 'failed')`,
          next_attempt_at: sql`IF(version > ${version}, ${now}, ${retryAt})`,
          attempts: sql`IF(version > ${version}, 0, attempts + 1)`,
          last_error: clipReason(error),
          claimed_until: null,
          claim_token: null,
          updated_at: now,
        })
        .execute(),
    );
  }

  /** The dealership or its website is gone: nothing left to provision. */
  async forget(claim: ClaimedSite): Promise<void> {
    await forDealership(this.writer, claim.dealershipId)
      .deleteFrom('website_provisioning')
      .where('claim_token', '=', claim.token)
      .execute();
  }

  /** Runs `write` only while `claim` holds the row (locked for the write); false when it lost it. */
  private async fenced(
    claim: ClaimedSite,
    write: (trx: Transaction<UsersDatabase>) => Promise<unknown>,
  ): Promise<boolean> {
    return this.writer.transaction().execute(async (trx) => {
      const held = await forDealership(trx, claim.dealershipId)
        .selectFrom('website_provisioning')
        .select('dealership_id')
        .where('claim_token', '=', claim.token)
        .forUpdate()
        .executeTakeFirst();
      if (!held) return false;
      await write(trx);
      return true;
    });
  }
}
