import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';
import type { OutboxEvent } from '../outbox/events';
import { leadFacts } from './lead-facts';

/** The embedded analytics store: one row per event, written once however often the job runs. */
export function leadAnalyticsHandler(db: Kysely<LeadsDatabase>) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    if (!facts) return;
    await db
      .insertInto('lead_analytics')
      .ignore()
      .values({
        event_id: event.eventId,
        dealership_id: event.dealershipId,
        lead_id: event.leadId,
        type: event.type,
        channel: facts.lead.channel,
        source: facts.lead.source,
        status: String(event.data['to'] ?? facts.lead.status),
        occurred_at: event.occurredAt,
      })
      .execute();
  };
}
