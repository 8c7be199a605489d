import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';
import { acknowledgeHandler, crmForwardHandler, notifyAssigneeHandler } from '../mail/mail-handlers';
import type { Mailer } from '../mail/mailer';
import { roundRobinHandler } from '../routing/round-robin';
import type { TeamDirectory } from '../routing/team-directory';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import type { TimelineStore } from '../timeline/timeline-store';
import { analyticsHandler, resolveVehicleHandler } from './small-handlers';
import type { OutboxHandlers } from './worker';

export interface ConsumerDeps {
  db: Kysely<LeadsDatabase>;
  timeline: TimelineStore;
  team: TeamDirectory;
  inventory: VehicleLookup;
  mailer: Mailer;
  mailFrom: string;
  portalUrl: string;
  /** Tell the relay that new events were committed. */
  kick: () => void;
}

export function outboxHandlers(deps: ConsumerDeps): OutboxHandlers {
  const mail = { ...deps, onCommitted: deps.kick };
  return {
    timeline: (event) => deps.timeline.append(event),
    route: roundRobinHandler(deps.db, deps.team, deps.kick),
    resolve_vehicle: resolveVehicleHandler(deps.db, deps.inventory),
    notify_assignee: notifyAssigneeHandler(mail),
    acknowledge: acknowledgeHandler(mail),
    crm: crmForwardHandler(mail),
    analytics: analyticsHandler(deps.db),
  };
}
