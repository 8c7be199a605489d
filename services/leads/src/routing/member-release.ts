import type { Kysely } from 'kysely';
import { OPEN_LEAD_STATUSES, type MemberLeadsReleased, type TeamMember } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import { forDealership, transactionRetryingDeadlocks } from '@showroom/server-mysql';
import { shopperNameOf } from '../capture/lead-draft';
import type { LeadsDatabase } from '../database';
import { lockTurn, routeInTurn } from './round-robin';
import type { TeamDirectory } from './team-directory';

/**
 * Leads given back per transaction. Each transaction holds the dealership's round-robin turn, which
 * capture waits for, so a member with hundreds of open leads is released a slice at a time.
 */
export const RELEASE_BATCH = 50;

/** Ids as MySQL compares them here (case-insensitive collation): the same person either way. */
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A member was deactivated (the users service says so): their open leads at the dealership go back
 * to round-robin among the other available salespeople, or to nobody when there is none, exactly as
 * a new lead is routed (the same turn, the same `assigned`/`unassigned` events and e-mails), with
 * the timeline saying why. Won and lost leads stay theirs: they are history. Safe to call again: a
 * second call finds nothing left to release.
 */
export class MemberLeadsRelease {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly team: TeamDirectory,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
    private readonly batchSize = RELEASE_BATCH,
  ) {}

  async release(dealershipId: string, userId: string): Promise<MemberLeadsReleased> {
    // The member is left out here whatever the users service answers: the call may come before
    // their deactivation reaches its team list, or before a cached team of ours expires.
    const others = (await this.currentTeam(dealershipId)).filter((m) => !sameId(m.id, userId));
    let released = 0;
    for (;;) {
      const count = await transactionRetryingDeadlocks(this.db, (trx) =>
        this.releaseSome(trx, dealershipId, userId, others),
      );
      if (count > 0) this.onCommitted();
      released += count;
      if (count < this.batchSize) return { released };
    }
  }

  private async currentTeam(dealershipId: string): Promise<TeamMember[]> {
    try {
      return await this.team.freshTeam(dealershipId);
    } catch (error) {
      // Nothing was released: the caller may simply ask again.
      throw Object.assign(
        problems.serviceUnavailable('The users service could not name the team; try again shortly.'),
        { cause: error },
      );
    }
  }

  /** One transaction: the turn, then up to a batch of the member's open leads, oldest first. */
  private async releaseSome(
    trx: Kysely<LeadsDatabase>,
    dealershipId: string,
    userId: string,
    others: TeamMember[],
  ): Promise<number> {
    // The turn first, then the leads: the order capture and routing lock them in.
    const turn = (await lockTurn(trx, dealershipId)) ?? { dealershipId, last: null };
    const leads = await forDealership(trx, dealershipId)
      .selectFrom('leads')
      .select(['id', 'first_name', 'last_name', 'assignee_id', 'assignee_name'])
      .where('assignee_id', '=', userId)
      .where('status', 'in', [...OPEN_LEAD_STATUSES])
      .orderBy('created_at')
      .orderBy('id')
      .limit(this.batchSize)
      .forUpdate()
      .execute();
    const now = this.clock();
    for (const lead of leads) {
      const previous = { id: lead.assignee_id ?? userId, name: lead.assignee_name ?? '' };
      // Never back to the person it is taken from, however the id was spelled.
      const eligible = others.filter((m) => !sameId(m.id, previous.id));
      await routeInTurn(
        trx,
        turn,
        eligible,
        { id: lead.id, shopperName: shopperNameOf({ firstName: lead.first_name, lastName: lead.last_name }) },
        { kind: 'assignee_deactivated', previous },
        now,
      );
    }
    return leads.length;
  }
}
