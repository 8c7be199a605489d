import { randomUUID } from 'node:crypto';
import {
  DUPLICATE_WINDOW_DAYS,
  leadSourceLabel,
  normalizeEmail,
  normalizePhone,
  type CaptureResult,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { NewLeadEvent } from '../outbox/events';
import type { CaptureRepository, CaptureStatements, ContactKeys, OpenLead } from './capture-repository';
import { shopperNameOf, type LeadDraft } from './lead-draft';

export interface IdempotencyRequest {
  key: string;
  /** SHA-256 of what was sent, so a key reused for a different request is refused. */
  requestHash: string;
}

export interface CaptureOutcome {
  results: CaptureResult[];
  /** True when nothing new was stored: the same request (or ADF id) was seen before. */
  replayed: boolean;
}

export interface CaptureOptions {
  idempotency?: IdempotencyRequest;
  /** The ADF document (or the e-mail carrying it) the drafts were read from: kept once. */
  document?: string;
}

const DAY_MS = 86_400_000;

/**
 * Takes leads from every channel. One transaction per request: the dealership's settings row is
 * locked first, so two submissions of one shopper cannot both become new leads, and a request of
 * several prospects is stored whole or not at all. Consumers learn of it through the outbox.
 */
export class CaptureService {
  constructor(
    private readonly repository: CaptureRepository,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async capture(
    dealershipId: string,
    drafts: LeadDraft[],
    { idempotency, document }: CaptureOptions = {},
  ): Promise<CaptureOutcome> {
    const outcome = await this.repository.transaction(async (db) => {
      const now = this.clock();
      const activeSince = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
      const first = drafts[0] && contactKeysOf(drafts[0]);
      const locked = await db.lockDealership(dealershipId, first, activeSince);
      if (!locked) throw problems.notFound('A dealership taking leads with this id');
      if (idempotency) {
        const earlier = await db.replayOf(dealershipId, idempotency.key);
        if (earlier && earlier.requestHash !== idempotency.requestHash) {
          throw problems.conflict('This Idempotency-Key was already used for a different request.', [
            { name: 'Idempotency-Key', reason: 'reused with a different body' },
          ]);
        }
        if (earlier) return { results: JSON.parse(earlier.responseBody) as CaptureResult[], replayed: true };
      }
      let documentId: string | null = null;
      let stored = 0;
      const results: CaptureResult[] = [];
      for (const [index, draft] of drafts.entries()) {
        const seen = draft.external && (await db.externalSubmission(dealershipId, draft.external));
        if (seen) {
          results.push({ ...seen, duplicateOf: seen.leadId });
          continue;
        }
        if (document !== undefined && documentId === null) {
          // Kept once for the whole request, however many prospects it holds.
          documentId = randomUUID();
          const prospectCount = drafts.length;
          db.insertDocument(dealershipId, {
            id: documentId,
            body: document,
            prospectCount,
            receivedAt: now,
          });
        }
        // Earlier drafts of this request may have opened a lead the next one belongs to.
        const open =
          index === 0 ? locked.open : await db.openLeadOf(dealershipId, contactKeysOf(draft), activeSince);
        results.push(this.store(db, dealershipId, { draft, open, now, documentId }));
        stored++;
      }
      if (idempotency) {
        // A few ids per prospect, and a document holds at most ADF_MAX_PROSPECTS of them: the kept
        // answer always fits its column, so a retry can always replay it.
        db.saveReplay(dealershipId, idempotency.key, {
          requestHash: idempotency.requestHash,
          responseStatus: 201,
          responseBody: JSON.stringify(results),
        });
      }
      return { results, replayed: stored === 0 };
    });
    if (!outcome.replayed) this.onCommitted();
    return outcome;
  }

  private store(
    db: CaptureStatements,
    dealershipId: string,
    {
      draft,
      open,
      now,
      documentId,
    }: { draft: LeadDraft; open: OpenLead | undefined; now: Date; documentId: string | null },
  ): CaptureResult {
    const submissionId = randomUUID();
    const leadId = open?.id ?? randomUUID();
    const submitted = {
      submissionId,
      channel: draft.channel,
      source: draft.source,
      intent: draft.intent,
      // Kept on the lead's timeline: what was mended in the document the lead was read from.
      ...(draft.repairs.length > 0 ? { adfRepairs: draft.repairs } : {}),
      // The deal and its car: the CRM forward of a deal that joins an open lead describes them.
      ...(draft.deal ? { dealId: draft.deal.dealId, vehicleId: draft.vehicle?.id ?? null } : {}),
    };
    const events = open
      ? this.attach(db, dealershipId, draft, open, now, submitted)
      : this.open(db, dealershipId, draft, leadId, now, submitted);
    db.insertSubmission(dealershipId, {
      id: submissionId,
      lead_id: leadId,
      channel: draft.channel,
      source: draft.source,
      intent: draft.intent,
      message: draft.message,
      original_document: null,
      document_id: documentId,
      prospect_document: draft.prospectDocument,
      external_source: draft.external?.source ?? null,
      external_id: draft.external?.id ?? null,
      received_at: now,
    });
    if (draft.deal) {
      // In the lead's transaction: whoever acts on the new lead (the CRM forward) finds its deal.
      db.insertDealLead(dealershipId, { dealId: draft.deal.dealId, leadId, deal: draft.deal, at: now });
    }
    db.writeEvents(dealershipId, now, events);
    return { leadId, submissionId, duplicateOf: open ? open.id : null };
  }

  /**
   * A returning shopper's submission joins their open lead. Only staff may fill in a missing e-mail
   * or phone: anyone can post the public form with someone else's address, so what an anonymous
   * submission offers is only shown to staff on the timeline, to accept or not.
   */
  private attach(
    db: CaptureStatements,
    dealershipId: string,
    draft: LeadDraft,
    open: OpenLead,
    now: Date,
    submitted: Record<string, unknown>,
  ): NewLeadEvent[] {
    const keys = contactKeysOf(draft);
    const offered = {
      email: keys.emailNorm && keys.emailNorm !== open.email_norm ? draft.email : null,
      phone: keys.phoneNorm && keys.phoneNorm !== open.phone_norm ? draft.phone : null,
    };
    const fromStaff = draft.actor !== null;
    db.attachToLead(
      dealershipId,
      open.id,
      now,
      fromStaff
        ? {
            email: open.email ?? draft.email,
            email_norm: open.email_norm ?? keys.emailNorm,
            phone: open.phone ?? draft.phone,
            phone_norm: open.phone_norm ?? keys.phoneNorm,
          }
        : undefined,
    );
    const offers = !fromStaff && (offered.email || offered.phone);
    const message = draft.message ? `: “${clip(draft.message)}”` : '';
    const left = offers
      ? ` — left contact details not on the lead (${offerText(offered)}); check before using them`
      : '';
    return [
      {
        type: 'duplicate_attached',
        leadId: open.id,
        actor: draft.actor,
        shopperName: shopperNameOf({ firstName: open.first_name, lastName: open.last_name }),
        assigneeId: open.assignee_id,
        summary: `Returned through ${leadSourceLabel(draft.source)}${message}${left}${repairedText(draft)}`,
        data: { ...submitted, ...(offers ? { offeredContact: offered } : {}) },
      },
    ];
  }

  private open(
    db: CaptureStatements,
    dealershipId: string,
    draft: LeadDraft,
    leadId: string,
    now: Date,
    submitted: Record<string, unknown>,
  ): NewLeadEvent[] {
    const { emailNorm, phoneNorm } = contactKeysOf(draft);
    const vehicle = draft.vehicle;
    db.insertLead(dealershipId, {
      id: leadId,
      status: 'new',
      lost_reason: null,
      channel: draft.channel,
      source: draft.source,
      traffic_source: draft.trafficSource,
      intent: draft.intent,
      first_name: draft.firstName,
      last_name: draft.lastName,
      email: draft.email,
      phone: draft.phone,
      email_norm: emailNorm,
      phone_norm: phoneNorm,
      preferred_contact: draft.preferredContact,
      message: draft.message,
      trade_in: draft.tradeIn ? JSON.stringify(draft.tradeIn) : null,
      vehicle_id: vehicle?.id ?? null,
      vehicle_vin: vehicle?.vin ?? null,
      vehicle_stock: vehicle?.stockNumber ?? null,
      vehicle_year: vehicle?.year ?? null,
      vehicle_make: vehicle?.make ?? null,
      vehicle_model: vehicle?.model ?? null,
      vehicle_trim: vehicle?.trim ?? null,
      vehicle_condition: vehicle?.condition ?? null,
      vehicle_price_cents: vehicle?.priceCents ?? null,
      assignee_id: draft.assignee?.id ?? null,
      assignee_name: draft.assignee?.name ?? null,
      routed_at: draft.assignee ? now : null,
      next_task_due_at: null,
      first_response_at: null,
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    });
    const shopperName = shopperNameOf(draft);
    const events: NewLeadEvent[] = [
      {
        type: 'lead_created',
        leadId,
        actor: draft.actor,
        shopperName,
        assigneeId: draft.assignee?.id ?? null,
        summary: `New lead from ${leadSourceLabel(draft.source)}${repairedText(draft)}`,
        data: submitted,
      },
    ];
    if (draft.assignee) {
      events.push({
        type: 'assigned',
        leadId,
        actor: draft.actor,
        shopperName,
        assigneeId: draft.assignee.id,
        summary: `Assigned to ${draft.assignee.name}`,
        data: { assignee: draft.assignee, previous: null, initial: true },
      });
    }
    return events;
  }
}

function contactKeysOf(draft: LeadDraft): ContactKeys {
  return {
    emailNorm: draft.email ? normalizeEmail(draft.email) : null,
    phoneNorm: draft.phone ? normalizePhone(draft.phone) : null,
  };
}

function offerText(offered: { email: string | null; phone: string | null }): string {
  return [offered.email && `e-mail ${offered.email}`, offered.phone && `phone ${offered.phone}`]
    .filter(Boolean)
    .join(', ');
}

/** " — ADF repaired: …" when the document had to be mended to be read. */
function repairedText(draft: LeadDraft): string {
  return draft.repairs.length > 0 ? ` — ADF repaired: ${draft.repairs.map((r) => r.detail).join('; ')}` : '';
}

function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
