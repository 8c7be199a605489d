import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Mailer } from '@showroom/server-mail';
import type { AnalyticsIngestClient } from '@showroom/server-analytics-client';
import { schemaNameOf, type LeadsConfig } from '../config';
import type { LeadsDatabase } from '../database';
import { AcknowledgementLimit } from '../mail/acknowledgement-limit';
import { Deliveries } from '../mail/deliveries';
import type { OutboxConsumers, OutboxHandler } from '../outbox/events';
import type { MetricLineSink } from '../outbox/outbox-metrics';
import { startOutbox, type OutboxRuntime } from '../outbox/outbox-runtime';
import { roundRobinHandler } from '../routing/round-robin';
import type { TeamDirectory } from '../routing/team-directory';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import type { TimelineStore } from '../timeline/timeline-store';
import { leadAnalyticsHandler } from './lead-analytics';
import { acknowledgeHandler, crmForwardHandler, notifyAssigneeHandler } from './lead-emails';
import { SUBSCRIPTIONS, type LeadConsumer } from './subscriptions';
import { resolveVehicleHandler } from './vehicle-match';

export interface ConsumerDeps {
  db: Kysely<LeadsDatabase>;
  timeline: TimelineStore;
  team: TeamDirectory;
  inventory: VehicleLookup;
  mailer: Mailer;
  /** Where the analytics consumer posts business events. */
  analytics: Pick<AnalyticsIngestClient, 'send'>;
  mailFrom: string;
  portalUrl: string;
  logger: Logger;
  /** Tell the relay that new events were committed. */
  kick: () => void;
}

/** What reacts to lead events: the timeline, routing, the vehicle match, e-mails, CRM, analytics. */
export function leadConsumers(deps: ConsumerDeps): OutboxConsumers {
  const mail = {
    ...deps,
    deliveries: new Deliveries(deps.db, deps.logger, deps.kick),
    acknowledgements: new AcknowledgementLimit(deps.db),
  };
  const handlers: Record<LeadConsumer, OutboxHandler> = {
    timeline: (event) => deps.timeline.append(event),
    route: roundRobinHandler(deps.db, deps.team, deps.kick),
    resolve_vehicle: resolveVehicleHandler(deps.db, deps.inventory),
    notify_assignee: notifyAssigneeHandler(mail),
    acknowledge: acknowledgeHandler(mail),
    crm: crmForwardHandler(mail),
    analytics: leadAnalyticsHandler(deps.db, deps.analytics, deps.logger),
  };
  return { subscriptions: SUBSCRIPTIONS, handlers };
}

/** The leads service's outbox as configured: its consumers, relay, sweeper and queue. */
export function startLeadsOutbox(
  config: LeadsConfig,
  deps: Omit<ConsumerDeps, 'kick' | 'mailFrom' | 'portalUrl' | 'logger'>,
  logger: Logger,
  emitMetrics?: MetricLineSink,
): OutboxRuntime {
  const started: { runtime?: OutboxRuntime } = {};
  const consumers = leadConsumers({
    ...deps,
    mailFrom: config.MAIL_FROM,
    portalUrl: config.PORTAL_URL,
    logger,
    // Consumers that write new events wake the relay, as requests do.
    kick: () => started.runtime?.relay.kick(),
  });
  started.runtime = startOutbox(
    deps.db,
    consumers,
    {
      redisUrl: config.REDIS_URL,
      pollMs: config.OUTBOX_POLL_MS,
      retry: {
        firstMs: config.OUTBOX_RETRY_FIRST_MS,
        capMs: config.OUTBOX_RETRY_CAP_MS,
        attempts: config.OUTBOX_JOB_ATTEMPTS,
      },
      sweepGraceMs: config.OUTBOX_SWEEP_GRACE_MS,
      sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
      consume: config.LEADS_WORKER_ENABLED,
      prefix: config.OUTBOX_QUEUE_PREFIX ?? `bull-${schemaNameOf(config.LEADS_DATABASE_URL)}`,
      service: 'leads',
      emitMetrics,
    },
    logger,
  );
  return started.runtime;
}
