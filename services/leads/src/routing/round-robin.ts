import { sql, type Kysely } from 'kysely';
import { ASSIGNEE_DEACTIVATED_REASON, type PersonRef, type TeamMember } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { NewLeadEvent, OutboxEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';
import type { TeamDirectory } from './team-directory';

/** The next salesperson after `last` in a stable order, skipping those marked unavailable. */
export function nextInTurn(team: TeamMember[], last: string | null): TeamMember | null {
  const eligible = team
    .filter((m) => m.role === 'sales' && m.available)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (eligible.length === 0) return null;
  const after = last === null ? -1 : eligible.findIndex((m) => m.id.localeCompare(last) > 0);
  return eligible[after === -1 ? 0 : after] ?? eligible[0] ?? null;
}

/** A dealership's round-robin turn, locked by {@link lockTurn} until the transaction ends. */
export interface LockedTurn {
  readonly dealershipId: string;
  /** Who got the last lead (`lead_settings.last_assigned_user_id`); null before the first. */
  last: string | null;
}

/**
 * Locks the dealership's turn (its `lead_settings` row, FOR UPDATE) for the rest of the
 * transaction, so two routings never read the same turn and give two leads to one person by
 * accident; undefined when the dealership has no settings. Take it before locking any lead: capture
 * and routing lock the settings row first, so a transaction that did it the other way round could
 * deadlock with them.
 */
export async function lockTurn(
  trx: Kysely<LeadsDatabase>,
  dealershipId: string,
): Promise<LockedTurn | undefined> {
  const settings = await forDealership(trx, dealershipId)
    .selectFrom('lead_settings')
    .select('last_assigned_user_id')
    .forUpdate()
    .executeTakeFirst();
  return settings && { dealershipId, last: settings.last_assigned_user_id };
}

/** A lead about to be routed, locked by the caller. */
export interface LeadToRoute {
  id: string;
  shopperName: string;
}

/**
 * Why a lead is routed: a new lead's first routing, or an open lead whose assignee (`previous`) was
 * deactivated, which goes back to round-robin.
 */
export type RoutingCause = { kind: 'new' } | { kind: 'assignee_deactivated'; previous: PersonRef };

/**
 * Gives `lead` to the next salesperson in turn among `members`, or to nobody when none is available
 * (the inbox shows it unassigned), moves the turn on (in `turn` too, so the next lead of the same
 * transaction continues the round), and records the `assigned` or `unassigned` event, all in the
 * caller's transaction, which holds the turn's lock and the lead's. Returns the new assignee.
 */
export async function routeInTurn(
  trx: Kysely<LeadsDatabase>,
  turn: LockedTurn,
  members: TeamMember[],
  lead: LeadToRoute,
  cause: RoutingCause,
  now: Date,
): Promise<PersonRef | null> {
  const tenant = forDealership(trx, turn.dealershipId);
  const chosen = nextInTurn(members, turn.last);
  const assignee: PersonRef | null = chosen && { id: chosen.id, name: chosen.name };
  await tenant
    .updateTable('leads')
    .set({
      assignee_id: assignee?.id ?? null,
      assignee_name: assignee?.name ?? null,
      updated_at: now,
      // A first routing fills in what capture left open; taking a lead from someone changes what
      // people may have seen of it, so its version moves on as any reassignment's does.
      ...(cause.kind === 'new' ? { routed_at: now } : { version: sql<number>`version + 1` }),
    })
    .where('id', '=', lead.id)
    .execute();
  if (assignee) {
    await tenant.updateTable('lead_settings').set({ last_assigned_user_id: assignee.id }).execute();
    turn.last = assignee.id;
  }
  await writeOutbox(trx, turn.dealershipId, now, [routingEvent(lead, assignee, cause)]);
  return assignee;
}

/** The `assigned` or `unassigned` event of a routing: the timeline's entry and the e-mails' cue. */
function routingEvent(lead: LeadToRoute, assignee: PersonRef | null, cause: RoutingCause): NewLeadEvent {
  const base = {
    type: assignee ? ('assigned' as const) : ('unassigned' as const),
    leadId: lead.id,
    actor: null,
    shopperName: lead.shopperName,
    assigneeId: assignee?.id ?? null,
  };
  if (cause.kind === 'new') {
    return {
      ...base,
      summary: assignee
        ? `Assigned to ${assignee.name} (round-robin)`
        : 'No salesperson is available: waiting for a manager to assign it',
      data: { assignee, previous: null, initial: true },
    };
  }
  const why = `Back to round-robin: ${cause.previous.name || 'the assignee'} was deactivated`;
  return {
    ...base,
    summary: assignee
      ? `${why}. Assigned to ${assignee.name}`
      : `${why}. No salesperson is available: waiting for a manager to assign it`,
    // Not `initial`: the shopper was acknowledged when the lead first arrived.
    data: { assignee, previous: cause.previous, initial: false, reason: ASSIGNEE_DEACTIVATED_REASON },
  };
}

/**
 * Routes a new lead: round-robin over the dealership's available salespeople. The settings row
 * holds whose turn it was and is locked while choosing, so two leads never go to one person by
 * accident; a lead that was already routed (a retry, or staff chose) is left alone.
 */
export function roundRobinHandler(db: Kysely<LeadsDatabase>, team: TeamDirectory, onCommitted: () => void) {
  return async (event: OutboxEvent): Promise<void> => {
    const members = await team.team(event.dealershipId);
    const routed = await db.transaction().execute(async (trx) => {
      const turn = await lockTurn(trx, event.dealershipId);
      const lead = await forDealership(trx, event.dealershipId)
        .selectFrom('leads')
        .select(['id', 'routed_at'])
        .where('id', '=', event.leadId)
        .forUpdate()
        .executeTakeFirst();
      if (!turn || !lead || lead.routed_at) return false;
      const toRoute = { id: lead.id, shopperName: event.shopperName };
      await routeInTurn(trx, turn, members, toRoute, { kind: 'new' }, new Date());
      return true;
    });
    if (routed) onCommitted();
  };
}
