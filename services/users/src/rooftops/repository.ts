import type { Kysely } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { UsersDatabase } from '../database';
import type { DealershipRow } from '../websites/website-row';
import { customDomainsOf } from '../websites/website-row';

/** SQL for the rooftops of a dealer group (`dealerships` and `dealer_groups` are registers, read by id). */
export const rooftopRepository = {
  /** Every rooftop of the group, by name. */
  async ofGroup(db: Kysely<UsersDatabase>, groupId: string): Promise<DealershipRow[]> {
    return db
      .selectFrom('dealerships')
      .selectAll()
      .where('dealer_group_id', '=', groupId)
      .orderBy('name')
      .orderBy('id')
      .execute();
  },

  async groupName(db: Kysely<UsersDatabase>, groupId: string): Promise<string | null> {
    const row = await db
      .selectFrom('dealer_groups')
      .select('name')
      .where('id', '=', groupId)
      .executeTakeFirst();
    return row?.name ?? null;
  },

  /** The own domains of each of the group's rooftops (none for a rooftop without a website yet). */
  async customDomainsOf(db: Kysely<UsersDatabase>, dealershipIds: string[]): Promise<Map<string, string[]>> {
    if (dealershipIds.length === 0) return new Map();
    const rows = await acrossDealerships(db)
      .selectFrom('websites')
      .selectAll()
      .where('dealership_id', 'in', dealershipIds)
      .execute();
    return new Map(rows.map((row) => [row.dealership_id, customDomainsOf(row)]));
  },

  /** Locks the dealership (and so its group's onboarding) until the transaction ends. */
  async lockDealership(trx: Kysely<UsersDatabase>, dealershipId: string): Promise<DealershipRow | null> {
    const row = await trx
      .selectFrom('dealerships')
      .selectAll()
      .where('id', '=', dealershipId)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  },

  async lockGroup(trx: Kysely<UsersDatabase>, groupId: string): Promise<{ id: string; name: string } | null> {
    const row = await trx
      .selectFrom('dealer_groups')
      .select(['id', 'name'])
      .where('id', '=', groupId)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  },

  async nameTakenInGroup(trx: Kysely<UsersDatabase>, groupId: string, name: string): Promise<boolean> {
    const row = await trx
      .selectFrom('dealerships')
      .select('id')
      .where('dealer_group_id', '=', groupId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row !== undefined;
  },
};
