import type { Kysely } from 'kysely';
import type { PersonRef, TeamMember } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { OutboxEvent } from '../outbox/events';
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

/**
 * Routes a new lead: round-robin over the dealership's available salespeople. The settings row
 * holds whose turn it was and is locked while choosing, so two leads never go to one person by
 * accident; a lead that was already routed (a retry, or staff chose) is left alone.
 */
export function roundRobinHandler(db: Kysely<LeadsDatabase>, team: TeamDirectory, onCommitted: () => void) {
  return async (event: OutboxEvent): Promise<void> => {
    const members = await team.team(event.dealershipId);
    const routed = await db.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, event.dealershipId);
      const settings = await tenant
        .selectFrom('lead_settings')
        .select('last_assigned_user_id')
        .forUpdate()
        .executeTakeFirst();
      const lead = await tenant
        .selectFrom('leads')
        .select(['id', 'routed_at', 'assignee_id'])
        .where('id', '=', event.leadId)
        .forUpdate()
        .executeTakeFirst();
      if (!settings || !lead || lead.routed_at) return false;
      const chosen = nextInTurn(members, settings.last_assigned_user_id);
      const now = new Date();
      const assignee: PersonRef | null = chosen && { id: chosen.id, name: chosen.name };
      await tenant
        .updateTable('leads')
        .set({
          assignee_id: assignee?.id ?? null,
          assignee_name: assignee?.name ?? null,
          routed_at: now,
          updated_at: now,
        })
        .where('id', '=', event.leadId)
        .execute();
      if (assignee) {
        await tenant.updateTable('lead_settings').set({ last_assigned_user_id: assignee.id }).execute();
      }
      await writeOutbox(trx, event.dealershipId, now, [
        {
          type: assignee ? 'assigned' : 'unassigned',
          leadId: event.leadId,
          actor: null,
          shopperName: event.shopperName,
          assigneeId: assignee?.id ?? null,
          summary: assignee
            ? `Assigned to ${assignee.name} (round-robin)`
            : 'No salesperson is available: waiting for a manager to assign it',
          data: { assignee, previous: null, initial: true },
        },
      ]);
      return true;
    });
    if (routed) onCommitted();
  };
}
