import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';
import type { NewLeadEvent, OutboxEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';

/**
 * Runs a side effect (an e-mail) at most once per event and consumer, as far as this service can
 * tell: the record is written after the send, with the follow-up timeline event, in one
 * transaction. Only a crash between the send and that commit could send twice.
 */
export async function deliverOnce(
  db: Kysely<LeadsDatabase>,
  event: OutboxEvent,
  handler: string,
  send: () => Promise<NewLeadEvent | null>,
  onCommitted: () => void,
): Promise<void> {
  const done = await db
    .selectFrom('outbox_deliveries')
    .select('event_id')
    .where('event_id', '=', event.eventId)
    .where('handler', '=', handler)
    .executeTakeFirst();
  if (done) return;
  const followUp = await send();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('outbox_deliveries').values({ event_id: event.eventId, handler }).execute();
    if (followUp) await writeOutbox(trx, event.dealershipId, new Date(), [followUp]);
  });
  if (followUp) onCommitted();
}
