import type { Kysely } from 'kysely';
import type { PersonRef } from '@showroom/contracts';
import { buildAdf } from '@showroom/leads-adf';
import type { LeadsDatabase } from '../database';
import { adfExportOf } from '../mail/adf-export';
import { deliverOnce } from '../mail/deliveries';
import type { Mailer } from '../mail/mailer';
import { acknowledgement, assigneeNotice } from '../mail/templates';
import type { OutboxEvent } from '../outbox/events';
import type { TeamDirectory } from '../routing/team-directory';
import { leadFacts } from './lead-facts';

export interface MailDeps {
  db: Kysely<LeadsDatabase>;
  mailer: Mailer;
  team: TeamDirectory;
  mailFrom: string;
  portalUrl: string;
  onCommitted: () => void;
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
    await deliverOnce(
      deps.db,
      event,
      'notify_assignee',
      async () => {
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
      },
      deps.onCommitted,
    );
  };
}

/** The shopper gets the dealership's acknowledgement once, when the lead was first routed. */
export function acknowledgeHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    if (event.data['initial'] !== true) return;
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    if (!facts?.lead.email || !facts.settings.ack_enabled) return;
    const { lead, settings } = facts;
    const assignee = event.data['assignee'] as PersonRef | null;
    await deliverOnce(
      deps.db,
      event,
      'acknowledge',
      async () => {
        const mail = acknowledgement(lead, settings, assignee?.name ?? null);
        await deps.mailer.send({
          from: fromOf(settings.from_name, deps.mailFrom),
          to: lead.email ?? '',
          replyTo: settings.reply_to ?? undefined,
          ...mail,
        });
        return emailSent(event, 'email_sent', `Acknowledgement e-mailed to the shopper: “${mail.subject}”`, {
          to: lead.email,
          purpose: 'acknowledgement',
        });
      },
      deps.onCommitted,
    );
  };
}

/** Dealers' CRMs take leads as ADF/XML by e-mail: each new lead is forwarded when a destination is set. */
export function crmForwardHandler(deps: MailDeps) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(deps.db, event.dealershipId, event.leadId);
    const destination = facts?.settings.crm_forward_email;
    if (!facts || !destination) return;
    await deliverOnce(
      deps.db,
      event,
      'crm',
      async () => {
        const xml = buildAdf([adfExportOf(facts.lead, facts.settings)]);
        await deps.mailer.send({
          from: fromOf(facts.settings.from_name, deps.mailFrom),
          to: destination,
          subject: `ADF lead: ${facts.lead.first_name} ${facts.lead.last_name ?? ''}`.trim(),
          text: xml,
          headers: { 'X-Showroom-Lead-Id': facts.lead.id },
        });
        return emailSent(event, 'crm_forwarded', `Forwarded as ADF/XML to ${destination}`, {
          to: destination,
        });
      },
      deps.onCommitted,
    );
  };
}
