import type { ColumnType, Generated } from 'kysely';
import type { Role } from '@showroom/contracts';

export interface DealerGroupTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface DealershipTable {
  id: string;
  dealer_group_id: string | null;
  name: string;
  slug: string;
  city: string | null;
  region: string | null;
  time_zone: string;
  created_at: Generated<Date>;
}

export interface UserTable {
  /** The identity provider's user id (`sub`). */
  id: string;
  email: string;
  name: string;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MembershipTable {
  user_id: string;
  dealership_id: string;
  role: Role;
  /** tinyint(1): 1 while the member takes new leads (round-robin skips 0). */
  available: Generated<number>;
  created_at: Generated<Date>;
}

export interface UsersDatabase {
  dealer_groups: DealerGroupTable;
  dealerships: DealershipTable;
  users: UserTable;
  memberships: MembershipTable;
}
