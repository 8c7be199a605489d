import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  DUPLICATE_WINDOW_DAYS,
  OPEN_LEAD_STATUSES,
  leadSourceLabel,
  normalizeEmail,
  normalizePhone,
  type CaptureResult,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { LeadsDatabase, LeadTable } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';
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

type Tx = Transaction<LeadsDatabase>;
const DAY_MS = 86_400_000;

/**
 * Takes leads from every channel. One transaction per request: the dealership's settings row is
 * locked first, so two submissions of one shopper cannot both become new leads, and a request of
 * several prospects is stored whole or not at all. Consumers learn of it through the outbox.
 */
export class CaptureService {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async capture(
    dealershipId: string,
    drafts: LeadDraft[],
    idempotency?: IdempotencyRequest,
  ): Promise<CaptureOutcome> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      const firstOpenLead = await this.lockDealership(trx, dealershipId, drafts[0], now);
      if (idempotency) {
        const earlier = await this.replayOf(trx, dealershipId, idempotency);
        if (earlier) return earlier;
      }
      const results: CaptureResult[] = [];
      let stored = 0;
      for (const [index, draft] of drafts.entries()) {
        const seen = draft.external && (await this.externalSubmission(trx, dealershipId, draft.external));
        if (seen) {
          results.push(seen);
          continue;
        }
        // Earlier drafts of this request may have opened a lead the next one belongs to.
        const open = index === 0 ? firstOpenLead : await this.openLeadOf(trx, dealershipId, draft, now);
        results.push(await this.store(trx, dealershipId, draft, open, now));
        stored++;
      }
      if (idempotency) {
        await trx
          .insertInto('idempotency_keys')
          .values({
            dealership_id: dealershipId,
            idempotency_key: idempotency.key,
            request_hash: idempotency.requestHash,
            response_status: 201,
            response_body: JSON.stringify(results),
          })
          .execute();
      }
      return { results, replayed: stored === 0 };
    });
    if (!outcome.replayed) this.onCommitted();
    return outcome;
  }

  /**
   * Locks the dealership's settings row and, in the same round trip, finds the open lead the
   * first draft belongs to (most requests carry one draft).
   */
  private async lockDealership(
    trx: Tx,
    dealershipId: string,
    first: LeadDraft | undefined,
    now: Date,
  ): Promise<OpenLead | undefined> {
    const open = first && this.openLeadQuery(trx, dealershipId, first, now);
    const row = open
      ? await trx
          .selectFrom('lead_settings as s')
          .leftJoin(open.as('o'), (join) => join.onTrue())
          .select(['s.dealership_id as locked', ...OPEN_LEAD_COLUMNS.map((c) => `o.${c}` as const)])
          .where('s.dealership_id', '=', dealershipId)
          .forUpdate()
          .executeTakeFirst()
      : await trx
          .selectFrom('lead_settings')
          .select('dealership_id as locked')
          .where('dealership_id', '=', dealershipId)
          .forUpdate()
          .executeTakeFirst();
    if (!row) throw problems.notFound('A dealership taking leads with this id');
    const { locked: _locked, ...lead } = row as { locked: string } & Partial<OpenLead>;
    return lead.id ? (lead as OpenLead) : undefined;
  }

  private async replayOf(
    trx: Tx,
    dealershipId: string,
    { key, requestHash }: IdempotencyRequest,
  ): Promise<CaptureOutcome | undefined> {
    const row = await trx
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_body'])
      .where('dealership_id', '=', dealershipId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.request_hash !== requestHash) {
      throw problems.conflict('This Idempotency-Key was already used for a different request.', [
        { name: 'Idempotency-Key', reason: 'reused with a different body' },
      ]);
    }
    return { results: JSON.parse(row.response_body) as CaptureResult[], replayed: true };
  }

  private async externalSubmission(
    trx: Tx,
    dealershipId: string,
    external: { source: string; id: string },
  ): Promise<CaptureResult | undefined> {
    const row = await trx
      .selectFrom('lead_submissions')
      .select(['id', 'lead_id'])
      .where('dealership_id', '=', dealershipId)
      .where('external_source', '=', external.source)
      .where('external_id', '=', external.id)
      .executeTakeFirst();
    return row && { leadId: row.lead_id, submissionId: row.id, duplicateOf: row.lead_id };
  }

  private async store(
    trx: Tx,
    dealershipId: string,
    draft: LeadDraft,
    open: OpenLead | undefined,
    now: Date,
  ): Promise<CaptureResult> {
    const { emailNorm, phoneNorm } = contactKeysOf(draft);
    const submissionId = randomUUID();
    const leadId = open?.id ?? randomUUID();
    const shopperName = shopperNameOf(draft);
    const events: NewLeadEvent[] = [];

    if (open) {
      await trx
        .updateTable('leads')
        .set({
          submission_count: sql<number>`submission_count + 1`,
          last_activity_at: now,
          updated_at: now,
          version: sql<number>`version + 1`,
          // A returning shopper may give what was missing the first time.
          email: open.email ?? draft.email,
          email_norm: open.email_norm ?? emailNorm,
          phone: open.phone ?? draft.phone,
          phone_norm: open.phone_norm ?? phoneNorm,
        })
        .where('dealership_id', '=', dealershipId)
        .where('id', '=', open.id)
        .execute();
      events.push({
        type: 'duplicate_attached',
        leadId,
        actor: draft.actor,
        shopperName: shopperNameOf({ firstName: open.first_name, lastName: open.last_name }),
        assigneeId: open.assignee_id,
        summary: `Returned through ${leadSourceLabel(draft.source)}${draft.message ? `: “${clip(draft.message)}”` : ''}`,
        data: { submissionId, channel: draft.channel, source: draft.source, intent: draft.intent },
      });
    } else {
      const vehicle = draft.vehicle;
      await trx
        .insertInto('leads')
        .values({
          id: leadId,
          dealership_id: dealershipId,
          status: 'new',
          lost_reason: null,
          channel: draft.channel,
          source: draft.source,
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
          vehicle_id: null,
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
        })
        .execute();
      events.push({
        type: 'lead_created',
        leadId,
        actor: draft.actor,
        shopperName,
        assigneeId: draft.assignee?.id ?? null,
        summary: `New lead from ${leadSourceLabel(draft.source)}`,
        data: { submissionId, channel: draft.channel, source: draft.source, intent: draft.intent },
      });
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
    }

    await trx
      .insertInto('lead_submissions')
      .values({
        id: submissionId,
        dealership_id: dealershipId,
        lead_id: leadId,
        channel: draft.channel,
        source: draft.source,
        intent: draft.intent,
        message: draft.message,
        original_document: draft.originalDocument,
        external_source: draft.external?.source ?? null,
        external_id: draft.external?.id ?? null,
        received_at: now,
      })
      .execute();
    await writeOutbox(trx, dealershipId, now, events);
    return { leadId, submissionId, duplicateOf: open ? open.id : null };
  }

  /** The newest open lead with the draft's e-mail or phone that was active within the duplicate window. */
  private openLeadQuery(trx: Tx, dealershipId: string, draft: LeadDraft, now: Date) {
    const { emailNorm, phoneNorm } = contactKeysOf(draft);
    if (!emailNorm && !phoneNorm) return undefined;
    return trx
      .selectFrom('leads')
      .select(OPEN_LEAD_COLUMNS)
      .where('dealership_id', '=', dealershipId)
      .where('status', 'in', [...OPEN_LEAD_STATUSES])
      .where('last_activity_at', '>=', new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS))
      .where((eb) =>
        eb.or([
          ...(emailNorm ? [eb('email_norm', '=', emailNorm)] : []),
          ...(phoneNorm ? [eb('phone_norm', '=', phoneNorm)] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(1);
  }

  private async openLeadOf(trx: Tx, dealershipId: string, draft: LeadDraft, now: Date) {
    return this.openLeadQuery(trx, dealershipId, draft, now)?.executeTakeFirst();
  }
}

const OPEN_LEAD_COLUMNS = [
  'id',
  'email',
  'email_norm',
  'phone',
  'phone_norm',
  'first_name',
  'last_name',
  'assignee_id',
] as const;
type OpenLead = Pick<LeadTable, (typeof OPEN_LEAD_COLUMNS)[number]>;

function contactKeysOf(draft: LeadDraft): { emailNorm: string | null; phoneNorm: string | null } {
  return {
    emailNorm: draft.email ? normalizeEmail(draft.email) : null,
    phoneNorm: draft.phone ? normalizePhone(draft.phone) : null,
  };
}

function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
