import type { Kysely } from 'kysely';
import type { PersonRef } from '@showroom/contracts';
import { buildAdf } from '@showroom/leads-adf';
import type { Mailer } from '@showroom/server-mail';
import type { LeadsDatabase } from '../database';
import type { AcknowledgementLimit } from '../mail/acknowledgement-limit';
import type { Deliveries } from '../mail/deliveries';
import { acknowledgement, assigneeNotice } from '../mail/templates';
import type { OutboxEvent } from '../outbox/events';
import type { TeamDirectory } from '../routing/team-directory';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import { crmProspectOf, isForwardedToCrm } from './crm-prospect';
import { leadFacts } from './lead-facts';
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

/**
 * Dealers' CRMs take leads as ADF/XML by e-mail, when a destination is set: each new lead, and each
 * online deal that joined a shopper's open lead (see {@link isForwardedToCrm}). Once per event: the
 * event is written once per lead or deal, and its delivery record keeps a retried job from sending
 * it again. The deal's summary never holds credit data, only the application's status.
 */
export function crmForwardHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    if (!isForwardedToCrm(event)) return;
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    const destination = facts?.settings.crm_forward_email;
    if (!facts || !destination) return;
    await deps.deliveries.deliverOnce(event, 'crm', 'at-least-once', async () => {
      const prospect = await crmProspectOf(deps, event, facts);
      if (!prospect) return null;
      await deps.mailer.send({
        from: fromOf(facts.settings.from_name, deps.mailFrom),
        to: destination,
        subject: `ADF lead: ${facts.lead.first_name} ${facts.lead.last_name ?? ''}`.trim(),
        text: buildAdf([prospect]),
        // The ADF id, as in the document: the lead's, or an attached deal's.
        headers: { 'X-Showroom-Lead-Id': prospect.leadId },
      });
      if (prospect.leadId === event.leadId) {
        return emailSent(event, 'crm_forwarded', `Forwarded as ADF/XML to ${destination}`, {
          to: destination,
        });
      }
      return emailSent(event, 'crm_forwarded', `Online deal forwarded as ADF/XML to ${destination}`, {
        to: destination,
        dealId: prospect.leadId,
      });
    });
  };
}
