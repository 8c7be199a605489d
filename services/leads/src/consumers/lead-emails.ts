import type { Kysely } from 'kysely';
import type { PersonRef } from '@showroom/contracts';
import { buildAdf } from '@showroom/leads-adf';
import type { Mailer } from '@showroom/server-mail';
import type { LeadsDatabase } from '../database';
import type { AcknowledgementLimit } from '../mail/acknowledgement-limit';
import { adfExportOf } from '../mail/adf-export';
import type { Deliveries } from '../mail/deliveries';
import { acknowledgement, assigneeNotice } from '../mail/templates';
import type { OutboxEvent } from '../outbox/events';
import type { TeamDirectory } from '../routing/team-directory';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import { dealOfLead, leadFacts } from './lead-facts';
import { matchVehicle } from './vehicle-match';

export interface MailDeps {
  db: Kysely<LeadsDatabase>;
  mailer: Pick<Mailer, 'send'>;
  deliveries: Deliveries;
  acknowledgements: AcknowledgementLimit;
  team: TeamDirectory;
  inventory: VehicleLookup;
  mailFrom: string;
  portalUrl: string;
}

const fromOf = (name: string, address: string) => `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;

function emailSent(
  event: OutboxEvent,
  type: 'email_sent' | 'crm_forwarded',
  summary: string,
  data: Record<string, unknown>,
) {
  return {
    type,
    leadId: event.leadId,
    actor: null,
    shopperName: event.shopperName,
    assigneeId: event.assigneeId,
    summary,
    data,
  };
}

/** The assignee hears of a new lead, or of their shopper coming back. */
export function notifyAssigneeHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    const assignee = (event.data['assignee'] as PersonRef | null | undefined) ?? null;
    const assigneeId = event.type === 'assigned' ? assignee?.id : event.assigneeId;
    if (!assigneeId) return;
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    // The team as recently read is good enough for a notice (member() asks afresh, for reassigning).
    const member = (await deps.team.team(event.dealershipId)).find((m) => m.id === assigneeId);
    if (!facts || !member) return;
    await deps.deliveries.deliverOnce(event, 'notify_assignee', 'at-most-once', async () => {
      const notice = assigneeNotice(facts.lead, deps.portalUrl, event.type === 'duplicate_attached');
      await deps.mailer.send({
        from: fromOf('Showroom leads', deps.mailFrom),
        to: member.email,
        ...notice,
      });
      return emailSent(event, 'email_sent', `E-mailed ${member.name}: “${notice.subject}”`, {
        to: member.email,
        purpose: 'assignee_notice',
      });
    });
  };
}

/**
 * The shopper gets the dealership's acknowledgement once, when the lead was first routed, and an
 * address gets one a day at most, whichever dealership's form named it. The address was never
 * verified, so the mail carries nothing the shopper typed but a cleaned first name (see templates).
 */
export function acknowledgeHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    if (event.data['initial'] !== true) return;
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    const to = facts?.lead.email;
    if (!facts || !to || !facts.settings.ack_enabled) return;
    const { settings } = facts;
    const assignee = event.data['assignee'] as PersonRef | null;
    await deps.deliveries.deliverOnce(event, 'acknowledge', 'at-most-once', async () => {
      const now = new Date();
      if (!(await deps.acknowledgements.reserve(to, now))) return null;
      try {
        // The car is named only as inventory describes it: match it now if that has not happened yet.
        const lead = await matchVehicle(deps.db, deps.inventory, facts.lead).catch(() => facts.lead);
        const mail = acknowledgement(lead, settings, assignee?.name ?? null);
        await deps.mailer.send({
          from: fromOf(settings.from_name, deps.mailFrom),
          to,
          replyTo: settings.reply_to ?? undefined,
          ...mail,
        });
        return emailSent(event, 'email_sent', `Acknowledgement e-mailed to the shopper: “${mail.subject}”`, {
          to,
          purpose: 'acknowledgement',
        });
      } catch (error) {
        await deps.acknowledgements.release(to, now);
        throw error;
      }
    });
  };
}

/** Dealers' CRMs take leads as ADF/XML by e-mail: each new lead is forwarded when a destination is set. */
export function crmForwardHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    const destination = facts?.settings.crm_forward_email;
    if (!facts || !destination) return;
    await deps.deliveries.deliverOnce(event, 'crm', 'at-least-once', async () => {
      // The CRM gets the car as inventory describes it (a deal names it by id only) and the deal.
      const [lead, deal] = await Promise.all([
        matchVehicle(deps.db, deps.inventory, facts.lead).catch(() => facts.lead),
        dealOfLead(deps.db, event.dealershipId, event.leadId),
      ]);
      const xml = buildAdf([adfExportOf(lead, facts.settings, deal)]);
      await deps.mailer.send({
        from: fromOf(facts.settings.from_name, deps.mailFrom),
        to: destination,
        subject: `ADF lead: ${lead.first_name} ${lead.last_name ?? ''}`.trim(),
        text: xml,
        headers: { 'X-Showroom-Lead-Id': lead.id },
      });
      return emailSent(event, 'crm_forwarded', `Forwarded as ADF/XML to ${destination}`, {
        to: destination,
      });
    });
  };
}
