import type { Kysely } from 'kysely';
import type { MemberStatus, Role, TeamMember } from '@showroom/contracts';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { UsersDatabase } from '../database';
import { membershipsOf, toTeamMember, type MembershipRow } from './memberships-query';

export interface MemberRow extends TeamMember {
  status: MemberStatus;
  joinedAt: Date;
}

/** SQL for administering a dealership's memberships (roles, activation); scoped by `forDealership`. */
export class MemberRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  /** Everyone, deactivated members too: active first, then by name. */
  async list(dealershipId: string): Promise<MemberRow[]> {
    const rows = await membershipsOf(this.db, dealershipId)
      .orderBy('m.status')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    return rows.map(toRow);
  }

  /** `lock` holds the membership until the transaction ends, so two admins cannot race on it. */
  async find(dealershipId: string, userId: string, lock = false): Promise<MemberRow | null> {
    let query = membershipsOf(this.db, dealershipId).where('m.user_id', '=', userId);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toRow(row) : null;
  }

  async isMember(dealershipId: string, email: string): Promise<boolean> {
    const row = await membershipsOf(this.db, dealershipId).where('u.email', '=', email).executeTakeFirst();
    return row !== undefined;
  }

  async setRole(dealershipId: string, userId: string, role: Role): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('memberships')
      .set({ role })
      .where('user_id', '=', userId)
      .execute();
  }

  async setStatus(dealershipId: string, userId: string, status: MemberStatus): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('memberships')
      .set({ status })
      .where('user_id', '=', userId)
      .execute();
  }

  /**
   * The dealership's active owners, locked: a change that would leave none is refused, and two
   * owners demoting each other at once cannot both pass the check.
   */
  async lockActiveOwners(dealershipId: string): Promise<string[]> {
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('memberships')
      .select('user_id')
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .forUpdate()
      .execute();
    return rows.map((row) => row.user_id);
  }

  async add(dealershipId: string, userId: string, role: Role): Promise<void> {
    await forDealership(this.db, dealershipId)
      .insertInto('memberships')
      .values({ user_id: userId, role })
      .execute();
  }

  /** How many dealerships the person is still active in (none: they are blocked at the identity provider). */
  async activeMembershipCount(userId: string): Promise<number> {
    const row = await acrossDealerships(this.db)
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number | string>().as('active'))
      .where('user_id', '=', userId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.active);
  }

  /** Every membership at the given rooftops (a group owner's view), by person. */
  async acrossRooftops(dealershipIds: string[]) {
    if (dealershipIds.length === 0) return [];
    return acrossDealerships(this.db)
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'm.dealership_id', 'm.role', 'm.status'])
      .where('m.dealership_id', 'in', dealershipIds)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
  }

  /** Adds the person or refreshes their e-mail and name from the identity provider. */
  async upsertUser(user: { id: string; email: string; name: string }): Promise<void> {
    await this.db
      .insertInto('users')
      .values(user)
      .onDuplicateKeyUpdate({ email: user.email, name: user.name, updated_at: new Date() })
      .execute();
  }
}

function toRow(row: MembershipRow): MemberRow {
  return { ...toTeamMember(row), status: row.status, joinedAt: row.created_at };
}
