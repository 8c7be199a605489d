import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Role } from '@showroom/contracts';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { InvitationTable, UsersDatabase } from '../database';

export interface InvitationRow {
  id: string;
  dealershipId: string;
  dealershipName: string;
  email: string;
  name: string;
  role: Role;
  invitedBy: { id: string; name: string };
  createdAt: Date;
  expiresAt: Date;
  sentAt: Date | null;
  sendCount: number;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  closedAt: Date | null;
}

/** SQL for invitations; a dealership's are reached through `forDealership`, a link's by its token hash. */
export class InvitationRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private dealershipInvitations(dealershipId: string) {
    return withDetails(forDealership(this.db, dealershipId).selectFrom('invitations as i'));
  }

  /** Open ones, and those closed or created since `since`; newest first. */
  async list(dealershipId: string, since: Date): Promise<InvitationRow[]> {
    const rows = await this.dealershipInvitations(dealershipId)
      .where((eb) => eb.or([eb('i.closed_at', 'is', null), eb('i.closed_at', '>=', since)]))
      .orderBy('i.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(toRow);
  }

  async find(dealershipId: string, id: string, lock = false): Promise<InvitationRow | null> {
    let query = this.dealershipInvitations(dealershipId).where('i.id', '=', id);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toRow(row) : null;
  }

  /** The invitation a link names, in whichever dealership it is. */
  async findByTokenHash(tokenHash: string, lock = false): Promise<InvitationRow | null> {
    let query = withDetails(acrossDealerships(this.db).selectFrom('invitations as i')).where(
      'i.token_hash',
      '=',
      tokenHash,
    );
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toRow(row) : null;
  }

  /** The dealership's open invitation for `email`, locked. */
  async findOpen(dealershipId: string, email: string): Promise<InvitationRow | null> {
    const row = await this.dealershipInvitations(dealershipId)
      .where('i.email', '=', email)
      .where('i.closed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    return row ? toRow(row) : null;
  }

  async insert(invitation: {
    id: string;
    dealershipId: string;
    email: string;
    name: string;
    role: Role;
    tokenHash: string;
    invitedBy: { id: string; name: string };
    expiresAt: Date;
  }): Promise<void> {
    await forDealership(this.db, invitation.dealershipId)
      .insertInto('invitations')
      .values({
        id: invitation.id,
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        token_hash: invitation.tokenHash,
        invited_by: invitation.invitedBy.id,
        invited_by_name: invitation.invitedBy.name,
        expires_at: invitation.expiresAt,
      })
      .execute();
  }

  /** A new link (the old one stops working) that expires at `expiresAt`. */
  async renew(dealershipId: string, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('invitations')
      .set({ token_hash: tokenHash, expires_at: expiresAt, sent_at: null })
      .where('id', '=', id)
      .execute();
  }

  async markSent(dealershipId: string, id: string, at: Date): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('invitations')
      .set((eb) => ({ sent_at: at, send_count: eb('send_count', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async close(
    dealershipId: string,
    id: string,
    outcome: { at: Date; revoked?: boolean; acceptedUserId?: string },
  ): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('invitations')
      .set({
        closed_at: outcome.at,
        ...(outcome.revoked ? { revoked_at: outcome.at } : {}),
        ...(outcome.acceptedUserId
          ? { accepted_at: outcome.at, accepted_user_id: outcome.acceptedUserId }
          : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}

type InvitationsFrom = SelectQueryBuilder<UsersDatabase & { i: InvitationTable }, 'i', object>;

/** An invitation with its dealership's name and the inviter's. */
function withDetails(from: InvitationsFrom) {
  return from
    .innerJoin('dealerships as d', 'd.id', 'i.dealership_id')
    .select([
      'i.id',
      'i.dealership_id',
      'd.name as dealership_name',
      'i.email',
      'i.name',
      'i.role',
      'i.invited_by',
      'i.invited_by_name',
      'i.created_at',
      'i.expires_at',
      'i.sent_at',
      'i.send_count',
      'i.accepted_at',
      'i.revoked_at',
      'i.closed_at',
    ]);
}

function toRow(row: {
  id: string;
  dealership_id: string;
  dealership_name: string;
  email: string;
  name: string;
  role: Role;
  invited_by: string;
  invited_by_name: string;
  created_at: Date;
  expires_at: Date;
  sent_at: Date | null;
  send_count: number;
  accepted_at: Date | null;
  revoked_at: Date | null;
  closed_at: Date | null;
}): InvitationRow {
  return {
    id: row.id,
    dealershipId: row.dealership_id,
    dealershipName: row.dealership_name,
    email: row.email,
    name: row.name,
    role: row.role,
    invitedBy: { id: row.invited_by, name: row.invited_by_name },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    sendCount: Number(row.send_count),
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    closedAt: row.closed_at,
  };
}
