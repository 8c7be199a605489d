import type { Insertable, Kysely } from 'kysely';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { DealershipTable, UsersDatabase } from '../database';
import { customDomainsOf, defaultWebsite, type DealershipRow } from '../websites/website-row';

/** SQL for the rooftops of a dealer group (`dealerships` and `dealer_groups` are registers, read by id). */
export const rooftopRepository = {
  async findDealership(db: Kysely<UsersDatabase>, dealershipId: string): Promise<DealershipRow | null> {
    const row = await db
      .selectFrom('dealerships')
      .selectAll()
      .where('id', '=', dealershipId)
      .executeTakeFirst();
    return row ?? null;
  },

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

  /** How many of `dealershipIds` the person is an owner of. */
  async ownedBy(db: Kysely<UsersDatabase>, userId: string, dealershipIds: string[]): Promise<number> {
    if (dealershipIds.length === 0) return 0;
    const row = await acrossDealerships(db)
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number | string>().as('owned'))
      .where('user_id', '=', userId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .where('dealership_id', 'in', dealershipIds)
      .executeTakeFirstOrThrow();
    return Number(row.owned);
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

  /** A new group with `dealershipId` (a standalone dealership until now) in it. */
  async insertGroupOf(
    trx: Kysely<UsersDatabase>,
    group: { id: string; name: string },
    dealershipId: string,
  ): Promise<void> {
    await trx.insertInto('dealer_groups').values(group).execute();
    await trx
      .updateTable('dealerships')
      .set({ dealer_group_id: group.id })
      .where('id', '=', dealershipId)
      .execute();
  },

  /** The slugs taken by any dealership that are this one or this one with a -n suffix. */
  async slugsLike(trx: Kysely<UsersDatabase>, base: string): Promise<Set<string>> {
    const rows = await trx
      .selectFrom('dealerships')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
      .execute();
    return new Set(rows.map((row) => row.slug));
  },

  async insertDealership(trx: Kysely<UsersDatabase>, dealership: Insertable<DealershipTable>): Promise<void> {
    await trx.insertInto('dealerships').values(dealership).execute();
  },

  async insertOwner(trx: Kysely<UsersDatabase>, dealershipId: string, userId: string): Promise<void> {
    await forDealership(trx, dealershipId)
      .insertInto('memberships')
      .values({ user_id: userId, role: 'owner' })
      .execute();
  },

  /** The new rooftop's website: the defaults and its own domains. */
  async insertWebsite(
    trx: Kysely<UsersDatabase>,
    dealershipId: string,
    customDomains: string[],
  ): Promise<void> {
    const { dealership_id: _, ...website } = defaultWebsite(dealershipId);
    await forDealership(trx, dealershipId)
      .insertInto('websites')
      .values({ ...website, custom_domains: JSON.stringify(customDomains) })
      .execute();
  },

  async userExists(trx: Kysely<UsersDatabase>, userId: string): Promise<boolean> {
    const row = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    return row !== undefined;
  },

  async insertUser(
    trx: Kysely<UsersDatabase>,
    user: { id: string; email: string; name: string },
  ): Promise<void> {
    await trx.insertInto('users').values(user).execute();
  },
};
