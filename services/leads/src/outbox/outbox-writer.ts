import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { NewLeadEvent } from './events';

/**
 * Records events in the caller's transaction: they exist exactly when the change they describe
 * was committed. Returns the event ids.
 */
export async function writeOutbox(
  trx: Kysely<LeadsDatabase>,
  dealershipId: string,
  occurredAt: Date,
  events: NewLeadEvent[],
): Promise<string[]> {
  const insert = outboxInsert(trx, dealershipId, occurredAt, events);
  if (!insert) return [];
  await insert.query.execute();
  return insert.eventIds;
}

/** The insert of `events` into the outbox (nothing when there are none), for the caller to send. */
export function outboxInsert(
  db: Kysely<LeadsDatabase>,
  dealershipId: string,
  occurredAt: Date,
  events: NewLeadEvent[],
) {
  if (events.length === 0) return undefined;
  const rows = events.map(({ type, leadId, ...payload }, index) => ({
    event_id: randomUUID(),
    lead_id: leadId,
    type,
    payload: JSON.stringify(payload),
    // Events of one change keep their order on the timeline, a millisecond apart.
    occurred_at: new Date(occurredAt.getTime() + index),
    published_at: null,
  }));
  return {
    query: forDealership(db, dealershipId).insertInto('outbox').values(rows),
    eventIds: rows.map((row) => row.event_id),
  };
}
