import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { checkBusinessEvent, type AnalyticsIngestClient } from '@showroom/server-analytics-client';
import type { LeadsDatabase } from '../database';
import { ConsumerGaveUp, type OutboxEvent } from '../outbox/events';
import { leadAnalyticsEvents } from './lead-analytics-events';
import { leadFacts } from './lead-facts';

/**
 * Sends the event's analytics events to the analytics service. Their ids come from the outbox
 * event, so a retry after a failure (analytics down: the send throws and the outbox retries this
 * consumer alone) or a redelivery stores nothing twice.
 *
 * Each event is checked before it goes, because analytics refuses a whole batch for one bad event
 * and a retry would build the same one: the valid ones are sent, and the consumer then gives up on
 * the rest once (recorded on its run, logged by the worker) instead of being retried for ever.
 */
export function leadAnalyticsHandler(
  db: Kysely<LeadsDatabase>,
  analytics: Pick<AnalyticsIngestClient, 'send'>,
  logger: Logger,
) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    if (!facts) {
      // Erased (or never committed): its events have nothing left to describe. Said, so a lost
      // event can be told from a bug; ids only, nothing of the shopper.
      logger.info(
        { eventId: event.eventId, eventType: event.type, dealershipId: event.dealershipId },
        'lead analytics skipped: the lead no longer exists',
      );
      return;
    }
    const checks = leadAnalyticsEvents(event, facts.lead).map(checkBusinessEvent);
    const valid = checks.flatMap((check) => (check.ok ? [check.event] : []));
    if (valid.length > 0) await analytics.send(valid);
    const problems = checks.flatMap((check) => (check.ok ? [] : [check.problem]));
    if (problems.length > 0) {
      throw new ConsumerGaveUp(
        `${problems.length} analytics event(s) of this lead event can never be valid (${problems.join('; ')}); ${valid.length} sent`,
      );
    }
  };
}
