import type { Kysely } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { Dealership, MembershipClaim, Role } from '@showroom/contracts';
import type { UsersDatabase } from '../database';

export interface UserProfile {
  id: string;
  email: string;
  name: string;
}

export interface DealershipMembership {
  dealership: Dealership;
  role: Role;
}

const DEALERSHIP_COLUMNS = [
  'd.id',
  'd.name',
  'd.slug',
  'd.city',
  'd.region',
  'd.time_zone',
  'd.dealer_group_id',
  'g.name as dealer_group_name',
] as const;

interface DealershipRow {
  id: string;
  name: string;
  slug: string;
  city: string | null;
  region: string | null;
  time_zone: string;
  dealer_group_id: string | null;
  dealer_group_name: string | null;
}

function dealershipFromRow(row: DealershipRow): Dealership {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    city: row.city,
    region: row.region,
    timeZone: row.time_zone,
    dealerGroupId: row.dealer_group_id,
    dealerGroupName: row.dealer_group_name,
  };
}

/**
 * SQL for people as they sign in. A person works at several dealerships, so their memberships are
 * read across dealerships (`acrossDealerships`, allowed in this file by the users lint config): the
 * user's own rows, found by their user id, never another person's.
 */
export class PeopleRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  async findUser(userId: string): Promise<UserProfile | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row ?? null;
  }

  async membershipsOf(userId: string): Promise<DealershipMembership[]> {
    const rows = await acrossDealerships(this.db)
      .selectFrom('memberships as m')
      .innerJoin('dealerships as d', 'd.id', 'm.dealership_id')
      .leftJoin('dealer_groups as g', 'g.id', 'd.dealer_group_id')
      .select(['m.role', ...DEALERSHIP_COLUMNS])
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .orderBy('d.name')
      .execute();
    return rows.map((row) => ({ role: row.role, dealership: dealershipFromRow(row) }));
  }

  /** Every dealership with its group: the directory other services keep (names of rooftops, groups). */
  async allDealerships(): Promise<Dealership[]> {
    const rows = await this.db
      .selectFrom('dealerships as d')
      .leftJoin('dealer_groups as g', 'g.id', 'd.dealer_group_id')
      .select([...DEALERSHIP_COLUMNS])
      .orderBy('d.name')
      .execute();
    return rows.map(dealershipFromRow);
  }

  async membershipClaimsOf(userId: string): Promise<MembershipClaim[]> {
    return (
      acrossDealerships(this.db)
        .selectFrom('memberships')
        .select(['dealership_id as dealershipId', 'role'])
        .where('user_id', '=', userId)
        // A deactivated member's next token no longer names the dealership.
        .where('status', '=', 'active')
        .orderBy('dealership_id')
        .execute()
    );
  }
}
