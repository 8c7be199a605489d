import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { OutboxEvent } from '../outbox/events';
import { leadFacts } from './lead-facts';

/** The embedded analytics store: one row per event, written once however often the job runs. */
export function leadAnalyticsHandler(db: Kysely<LeadsDatabase>) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    if (!facts) return;
    await forDealership(db, event.dealershipId)
      .insertInto('lead_analytics')
      .values({
        event_id: event.eventId,
        lead_id: event.leadId,
        type: event.type,
        channel: facts.lead.channel,
        source: facts.lead.source,
        status: String(event.data['to'] ?? facts.lead.status),
        occurred_at: event.occurredAt,
      })
      .ignore()
      .execute();
  };
}
