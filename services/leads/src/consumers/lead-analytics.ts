import type { Kysely } from 'kysely';
import type { AnalyticsIngestClient } from '@showroom/server-analytics-client';
import type { LeadsDatabase } from '../database';
import type { OutboxEvent } from '../outbox/events';
import { leadAnalyticsEvents } from './lead-analytics-events';
import { leadFacts } from './lead-facts';

/**
 * Sends the event's analytics events to the analytics service. Their ids come from the outbox
 * event, so a retry after a failure (analytics down: the send throws and the outbox retries this
 * consumer alone) or a redelivery stores nothing twice.
 */
export function leadAnalyticsHandler(
  db: Kysely<LeadsDatabase>,
  analytics: Pick<AnalyticsIngestClient, 'send'>,
) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    if (!facts) return;
    const events = leadAnalyticsEvents(event, facts.lead);
    if (events.length > 0) await analytics.send(events);
  };
}
