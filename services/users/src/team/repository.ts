import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { TeamMember } from '@showroom/contracts';
import type { UsersDatabase } from '../database';
import { membershipsOf, toTeamMember } from './memberships-query';

/** SQL for a dealership's team; every statement is scoped to one dealership by `forDealership`. */
export class TeamRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  /** Everyone active in the dealership, by name (deactivated members are out of the team). */
  async listTeam(dealershipId: string): Promise<TeamMember[]> {
    const rows = await membershipsOf(this.db, dealershipId)
      .where('m.status', '=', 'active')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    return rows.map(toTeamMember);
  }

  async findMember(dealershipId: string, userId: string): Promise<TeamMember | null> {
    const row = await membershipsOf(this.db, dealershipId)
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .executeTakeFirst();
    return row ? toTeamMember(row) : null;
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
