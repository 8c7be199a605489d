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
import { outboxRowsOf } from '../outbox/outbox-writer';
import {
  noCaptureWrites,
  type CaptureStatements,
  type CaptureWrites,
  type ContactKeys,
  type OpenLead,
  type StoredExternal,
} from './capture-repository';
import { shopperNameOf, type LeadDraft } from './lead-draft';

export interface IdempotencyRequest {
  key: string;
  /** SHA-256 of what was sent, so a key reused for a different request is refused. */
  requestHash: string;
}

export interface CaptureOptions {
  idempotency?: IdempotencyRequest;
  /** The ADF document (or the e-mail carrying it) the drafts were read from: kept once. */
  document?: string;
}

/** One request's leads: a form is one draft, an ADF document one per prospect. */
export interface CaptureRequest {
  dealershipId: string;
  drafts: LeadDraft[];
  options: CaptureOptions;
}

export interface CaptureOutcome {
  results: CaptureResult[];
  /** True when nothing new was stored: the same request (or ADF id) was seen before. */
  replayed: boolean;
}

const DAY_MS = 86_400_000;

/**
 * One transaction's worth of capture requests: what they find (their dealerships locked, the open
 * leads their shoppers may have, earlier answers under their keys) is read once for all of them;
 * then each request is decided in turn, in memory, as if it had come alone after the ones before
 * it, and what they store is written table by table at the end.
 */
export class CaptureBatch {
  readonly writes: CaptureWrites = noCaptureWrites();
  /** Answers kept under an Idempotency-Key, stored earlier or by an earlier request of this batch. */
  private readonly replays = new Map<string, { requestHash: string; results: CaptureResult[] }>();
  private readonly externals = new Map<string, { submissionId: string; leadId: string }>();

  private constructor(
    private readonly now: Date,
    private readonly taking: Set<string>,
    /** Open leads a submission may attach to; the batch's own new leads join them. */
    private readonly openLeads: OpenLead[],
  ) {}

  static async prepare(db: CaptureStatements, requests: CaptureRequest[], now: Date): Promise<CaptureBatch> {
    const taking = await db.lockDealerships(requests.map((r) => r.dealershipId));
    const live = requests.filter((r) => taking.has(r.dealershipId));
    const activeSince = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
    const openLeads = await db.openLeads(
      [...taking],
      live.flatMap((r) => r.drafts.map(contactKeysOf)),
      activeSince,
    );
    const batch = new CaptureBatch(now, taking, openLeads);
    const keys = live.flatMap(({ dealershipId, options }) =>
      options.idempotency ? [{ dealershipId, key: options.idempotency.key }] : [],
    );
    for (const replay of await db.replays(keys)) {
      batch.replays.set(keyOf(replay.dealershipId, replay.key), {
        requestHash: replay.requestHash,
        results: JSON.parse(replay.responseBody) as CaptureResult[],
      });
    }
    const externals = live.flatMap(({ dealershipId, drafts }) =>
      drafts.flatMap((d) => (d.external ? [{ dealershipId, ...d.external }] : [])),
    );
    for (const stored of await db.externalSubmissions(externals)) batch.rememberExternal(stored);
    return batch;
  }

  /** Decides one request: its outcome, or the problem it alone is refused with. */
  capture({
    dealershipId,
    drafts,
    options: { idempotency, document },
  }: CaptureRequest): CaptureOutcome | Error {
    if (!this.taking.has(dealershipId)) return problems.notFound('A dealership taking leads with this id');
    const replayKey = idempotency && keyOf(dealershipId, idempotency.key);
    const earlier = replayKey && this.replays.get(replayKey);
    if (idempotency && earlier) {
      if (earlier.requestHash !== idempotency.requestHash) {
        return problems.conflict('This Idempotency-Key was already used for a different request.', [
          { name: 'Idempotency-Key', reason: 'reused with a different body' },
        ]);
      }
      return { results: earlier.results, replayed: true };
    }
    let documentId: string | null = null;
    let stored = 0;
    const results: CaptureResult[] = [];
    for (const draft of drafts) {
      const seen = draft.external && this.externals.get(externalKeyOf(dealershipId, draft.external));
      if (seen) {
        results.push({ ...seen, duplicateOf: seen.leadId });
        continue;
      }
      if (document !== undefined && documentId === null) {
        // Kept once for the whole request, however many prospects it holds.
        documentId = randomUUID();
        this.writes.documents.push({
          id: documentId,
          dealership_id: dealershipId,
          body: document,
          prospect_count: drafts.length,
          received_at: this.now,
        });
      }
      results.push(this.store(dealershipId, draft, documentId));
      stored++;
    }
    if (replayKey && idempotency) {
      // A few ids per prospect, and a document holds at most ADF_MAX_PROSPECTS of them: the kept
      // answer always fits its column, so a retry can always replay it.
      this.replays.set(replayKey, { requestHash: idempotency.requestHash, results });
      this.writes.replays.push({
        dealership_id: dealershipId,
        idempotency_key: idempotency.key,
        request_hash: idempotency.requestHash,
        response_status: 201,
        response_body: JSON.stringify(results),
      });
    }
    return { results, replayed: stored === 0 };
  }

  private store(dealershipId: string, draft: LeadDraft, documentId: string | null): CaptureResult {
    // Earlier drafts of this batch (of this request or another) may have opened the shopper's lead.
    const open = this.openLeadOf(dealershipId, contactKeysOf(draft));
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
      ? this.attach(dealershipId, draft, open, submitted)
      : this.open(dealershipId, draft, leadId, submitted);
    this.writes.submissions.push({
      id: submissionId,
      dealership_id: dealershipId,
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
      received_at: this.now,
    });
    if (draft.external) this.rememberExternal({ dealershipId, ...draft.external, submissionId, leadId });
    if (draft.deal) {
      // In the lead's transaction: whoever acts on the new lead (the CRM forward) finds its deal.
      this.writes.dealLeads.push({
        dealership_id: dealershipId,
        deal_id: draft.deal.dealId,
        lead_id: leadId,
        summary: JSON.stringify(draft.deal),
        created_at: this.now,
        updated_at: this.now,
      });
    }
    for (const row of outboxRowsOf(this.now, events))
      this.writes.outbox.push({ ...row, dealership_id: dealershipId });
    return { leadId, submissionId, duplicateOf: open ? open.id : null };
  }

  /** The newest open lead of this dealership with either of these contact keys. */
  private openLeadOf(dealershipId: string, { emailNorm, phoneNorm }: ContactKeys): OpenLead | undefined {
    let newest: OpenLead | undefined;
    for (const lead of this.openLeads) {
      if (lead.dealership_id !== dealershipId) continue;
      const matches =
        (emailNorm !== null && lead.email_norm === emailNorm) ||
        (phoneNorm !== null && lead.phone_norm === phoneNorm);
      if (matches && (!newest || lead.created_at > newest.created_at)) newest = lead;
    }
    return newest;
  }

  /**
   * A returning shopper's submission joins their open lead. Only staff may fill in a missing e-mail
   * or phone: anyone can post the public form with someone else's address, so what an anonymous
   * submission offers is only shown to staff on the timeline, to accept or not.
   */
  private attach(
    dealershipId: string,
    draft: LeadDraft,
    open: OpenLead,
    submitted: Record<string, unknown>,
  ): NewLeadEvent[] {
    const keys = contactKeysOf(draft);
    const offered = {
      email: keys.emailNorm && keys.emailNorm !== open.email_norm ? draft.email : null,
      phone: keys.phoneNorm && keys.phoneNorm !== open.phone_norm ? draft.phone : null,
    };
    const fromStaff = draft.actor !== null;
    if (fromStaff) {
      // What the next submission of this batch sees of the lead, as a later request would.
      Object.assign(open, {
        email: open.email ?? draft.email,
        email_norm: open.email_norm ?? keys.emailNorm,
        phone: open.phone ?? draft.phone,
        phone_norm: open.phone_norm ?? keys.phoneNorm,
      });
    }
    this.writes.attachments.push({
      dealershipId,
      leadId: open.id,
      contact: fromStaff
        ? { email: open.email, email_norm: open.email_norm, phone: open.phone, phone_norm: open.phone_norm }
        : undefined,
    });
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
    dealershipId: string,
    draft: LeadDraft,
    leadId: string,
    submitted: Record<string, unknown>,
  ): NewLeadEvent[] {
    const { emailNorm, phoneNorm } = contactKeysOf(draft);
    const vehicle = draft.vehicle;
    const now = this.now;
    this.writes.leads.push({
      id: leadId,
      dealership_id: dealershipId,
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
    this.openLeads.push({
      dealership_id: dealershipId,
      id: leadId,
      email: draft.email,
      email_norm: emailNorm,
      phone: draft.phone,
      phone_norm: phoneNorm,
      first_name: draft.firstName,
      last_name: draft.lastName,
      assignee_id: draft.assignee?.id ?? null,
      created_at: now,
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

  private rememberExternal({ dealershipId, source, id, submissionId, leadId }: StoredExternal): void {
    this.externals.set(externalKeyOf(dealershipId, { source, id }), { submissionId, leadId });
  }
}

// Keys of maps that hold several dealerships' rows: the dealership is always part of the key.
const keyOf = (dealershipId: string, key: string) => JSON.stringify([dealershipId, key]);
const externalKeyOf = (dealershipId: string, external: { source: string; id: string }) =>
  JSON.stringify([dealershipId, external.source, external.id]);

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
