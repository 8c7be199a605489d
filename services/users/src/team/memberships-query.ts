import type { Kysely } from 'kysely';
import type { MemberStatus, Role, TeamMember } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { UsersDatabase } from '../database';

/** A dealership's memberships with their people: what the team and its administration both read. */
export function membershipsOf(db: Kysely<UsersDatabase>, dealershipId: string) {
  return forDealership(db, dealershipId)
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.available', 'm.status', 'm.created_at']);
}

export interface MembershipRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  available: number;
  status: MemberStatus;
  created_at: Date;
}

export function toTeamMember(row: MembershipRow): TeamMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    available: Number(row.available) === 1,
  };
}
