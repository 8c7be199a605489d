import type { ColumnType, Generated } from 'kysely';
import type { MemberEventAction, MemberStatus, ProvisioningStepName, Role } from '@showroom/contracts';

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
  street: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  phone: string | null;
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
  status: Generated<MemberStatus>;
  created_at: Generated<Date>;
}

export interface InvitationTable {
  id: string;
  dealership_id: string;
  email: string;
  name: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  invited_by_name: string;
  created_at: Generated<Date>;
  expires_at: Date;
  sent_at: Date | null;
  send_count: Generated<number>;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
  closed_at: Date | null;
  open_email: ColumnType<string | null, never, never>;
}

export interface MemberReleaseTable {
  dealership_id: string;
  user_id: string;
  requested_at: Generated<Date>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
}

export interface MemberEventTable {
  id: string;
  dealership_id: string;
  user_id: string;
  action: MemberEventAction;
  actor_id: string | null;
  actor_name: string | null;
  from_role: Role | null;
  to_role: Role | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export type ProvisioningState = 'pending' | 'running' | 'live' | 'failed';

/** A dealership's website provisioning request (the outbox row) and its run's lease. */
export interface WebsiteProvisioningTable {
  dealership_id: string;
  version: number;
  version_live: number | null;
  state: ProvisioningState;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  claimed_until: Date | null;
  claim_token: string | null;
  live_at: Date | null;
  last_error: string | null;
  /** The own domains the site is not served on yet, as attach-domain last found them: a JSON array; null for none. */
  unserved_domains: string | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** How one provisioning step went, for the version it last ran for. */
export interface WebsiteProvisioningStepTable {
  dealership_id: string;
  step: ProvisioningStepName;
  version: number;
  status: 'pending' | 'done' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  detail: string | null;
  finished_at: Date | null;
}

/** A dealership's website settings (one row per dealership). JSON columns come back as text. */
export interface WebsiteTable {
  dealership_id: string;
  tagline: string | null;
  email: string | null;
  /** OpeningHours as JSON. */
  hours: string;
  brand_colour: string;
  accent_colour: string;
  logo_key: string | null;
  logo_width: number | null;
  logo_height: number | null;
  /** sha256 of the normalised PNG, hex. */
  logo_hash: string | null;
  /** string[] as JSON; the first is the canonical host. */
  custom_domains: string;
  /** Bumped by every change (the ETag); provisioning is requested for it. */
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Who holds a custom domain: the primary key lets one dealership only have it. */
export interface WebsiteDomainTable {
  domain: string;
  dealership_id: string;
}

export interface UsersDatabase {
  dealer_groups: DealerGroupTable;
  dealerships: DealershipTable;
  users: UserTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  member_events: MemberEventTable;
  member_releases: MemberReleaseTable;
  websites: WebsiteTable;
  website_domains: WebsiteDomainTable;
  website_provisioning: WebsiteProvisioningTable;
  website_provisioning_steps: WebsiteProvisioningStepTable;
}
