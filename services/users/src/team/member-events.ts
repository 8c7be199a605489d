import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MemberEvent, MemberEventAction, PersonRef, Role } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { UsersDatabase } from '../database';

export interface NewMemberEvent {
  userId: string;
  action: MemberEventAction;
  actor: PersonRef | null;
  fromRole?: Role | null;
  toRole?: Role | null;
  at?: Date;
}

/** The record of who changed a membership, and when; written in the transaction of the change. */
export class MemberEvents {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  async record(dealershipId: string, ...events: NewMemberEvent[]): Promise<void> {
    if (events.length === 0) return;
    await forDealership(this.db, dealershipId)
      .insertInto('member_events')
      .values(
        events.map((event) => ({
          id: randomUUID(),
          user_id: event.userId,
          action: event.action,
          actor_id: event.actor?.id ?? null,
          actor_name: event.actor?.name ?? null,
          from_role: event.fromRole ?? null,
          to_role: event.toRole ?? null,
          at: event.at,
        })),
      )
      .execute();
  }

  /** Newest first. */
  async historyOf(dealershipId: string, userId: string): Promise<MemberEvent[]> {
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('member_events')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? row.actor_id } : null,
      fromRole: row.from_role,
      toRole: row.to_role,
    }));
  }
}
