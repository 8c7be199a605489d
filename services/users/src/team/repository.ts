import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { TeamMember } from '@showroom/contracts';
import type { UsersDatabase } from '../database';

/** SQL for a dealership's team; every statement is scoped to one dealership by `forDealership`. */
export class TeamRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private members(dealershipId: string) {
    return forDealership(this.db, dealershipId)
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.available']);
  }

  /** Everyone active in the dealership, by name (deactivated members are out of the team). */
  async listTeam(dealershipId: string): Promise<TeamMember[]> {
    const rows = await this.members(dealershipId)
      .where('m.status', '=', 'active')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    return rows.map(toMember);
  }

  async findMember(dealershipId: string, userId: string): Promise<TeamMember | null> {
    const row = await this.members(dealershipId)
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  /** False when the user is not a member of this dealership. */
  async setAvailable(dealershipId: string, userId: string, available: boolean): Promise<boolean> {
    const result = await forDealership(this.db, dealershipId)
      .updateTable('memberships')
      .set({ available: available ? 1 : 0 })
      .where('user_id', '=', userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    // mysql2 connects with FOUND_ROWS: a row set to the value it already had still counts.
    return Number(result.numUpdatedRows) > 0;
  }

  /** `dealerships` is the register of tenants itself: its rows are found by their own id. */
  async dealershipExists(dealershipId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('dealerships')
      .select('id')
      .where('id', '=', dealershipId)
      .executeTakeFirst();
    return row !== undefined;
  }
}

function toMember(row: Omit<TeamMember, 'available'> & { available: number }): TeamMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    available: Number(row.available) === 1,
  };
}
