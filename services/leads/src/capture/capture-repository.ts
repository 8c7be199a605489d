import { sql, type Compilable, type Insertable, type Kysely } from 'kysely';
import { OPEN_LEAD_STATUSES, type DealLeadSummary } from '@showroom/contracts';
import type { Pool } from 'mysql2';
import { forDealership, inStatementBatch, useIndexes, type StatementBatch } from '@showroom/server-mysql';
import type { LeadsDatabase, LeadTable, SubmissionTable } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import { outboxInsert } from '../outbox/outbox-writer';

/** How a shopper is recognised again: e-mail and phone, normalised. */
export interface ContactKeys {
  emailNorm: string | null;
  phoneNorm: string | null;
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
/** What capture needs of the open lead a submission attaches to. */
export type OpenLead = Pick<LeadTable, (typeof OPEN_LEAD_COLUMNS)[number]>;

export interface StoredReplay {
  requestHash: string;
  responseStatus: number;
  responseBody: string;
}

export type NewLead = Omit<Insertable<LeadTable>, 'dealership_id'>;
export type NewSubmission = Omit<Insertable<SubmissionTable>, 'dealership_id'>;

/**
 * The capture path's SQL, always inside one transaction (see {@link CaptureRepository.transaction}).
 * Every statement names the dealership. Statements are built with `db` and sent through `batch`:
 * writes go with the next read or the commit, so a new lead costs two round trips, not six.
 */
export class CaptureStatements {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly batch: StatementBatch,
  ) {}

  private async first<Row>(query: Compilable<Row>): Promise<Row | undefined> {
    return (await this.batch.read(query.compile()))[0];
  }

  /**
   * Locks the dealership's settings row (so two submissions of one shopper cannot both open a
   * lead) and, in the same round trip, finds the open lead the first submission belongs to.
   * Undefined when no dealership takes leads under this id.
   */
  async lockDealership(
    dealershipId: string,
    first: ContactKeys | undefined,
    activeSince: Date,
  ): Promise<{ open: OpenLead | undefined } | undefined> {
    const open = first && this.openLeadQuery(dealershipId, first, activeSince);
    const tenant = forDealership(this.db, dealershipId);
    const row = open
      ? await this.first(
          tenant
            .selectFrom('lead_settings as s')
            .leftJoin(open.as('o'), (join) => join.onTrue())
            .select(['s.dealership_id as locked', ...OPEN_LEAD_COLUMNS.map((c) => `o.${c}` as const)])
            .forUpdate(),
        )
      : await this.first(tenant.selectFrom('lead_settings').select('dealership_id as locked').forUpdate());
    if (!row) return undefined;
    const { locked: _locked, ...lead } = row as { locked: string } & Partial<OpenLead>;
    return { open: lead.id ? (lead as OpenLead) : undefined };
  }

  /** The newest open lead with these contact keys that was active since `activeSince`. */
  async openLeadOf(
    dealershipId: string,
    keys: ContactKeys,
    activeSince: Date,
  ): Promise<OpenLead | undefined> {
    const query = this.openLeadQuery(dealershipId, keys, activeSince);
    return query && this.first(query);
  }

  /**
   * Hinted to the contact-key indexes: unhinted, MariaDB estimates every index of `leads` (each
   * begins with `dealership_id`) before each lookup, which cost more than the lookup (ADR 0015).
   */
  private openLeadQuery(dealershipId: string, { emailNorm, phoneNorm }: ContactKeys, activeSince: Date) {
    if (!emailNorm && !phoneNorm) return undefined;
    const contactIndexes = [
      ...(emailNorm ? ['leads_by_email'] : []),
      ...(phoneNorm ? ['leads_by_phone'] : []),
    ];
    return forDealership(this.db, dealershipId)
      .selectFrom('leads')
      .select(OPEN_LEAD_COLUMNS)
      .where('status', 'in', [...OPEN_LEAD_STATUSES])
      .where('last_activity_at', '>=', activeSince)
      .where((eb) =>
        eb.or([
          ...(emailNorm ? [eb('email_norm', '=', emailNorm)] : []),
          ...(phoneNorm ? [eb('phone_norm', '=', phoneNorm)] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(1)
      .withPlugin(useIndexes('leads', contactIndexes));
  }

  async replayOf(dealershipId: string, key: string): Promise<StoredReplay | undefined> {
    const row = await this.first(
      forDealership(this.db, dealershipId)
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response_status', 'response_body'])
        .where('idempotency_key', '=', key),
    );
    return (
      row && {
        requestHash: row.request_hash,
        responseStatus: row.response_status,
        responseBody: row.response_body,
      }
    );
  }

  saveReplay(dealershipId: string, key: string, replay: StoredReplay): void {
    this.batch.queue(
      forDealership(this.db, dealershipId)
        .insertInto('idempotency_keys')
        .values({
          idempotency_key: key,
          request_hash: replay.requestHash,
          response_status: replay.responseStatus,
          response_body: replay.responseBody,
        })
        .compile(),
    );
  }

  /** The submission a sender's own id (ADF `<id source=…>`) was stored as, if it was. */
  async externalSubmission(
    dealershipId: string,
    external: { source: string; id: string },
  ): Promise<{ submissionId: string; leadId: string } | undefined> {
    const row = await this.first(
      forDealership(this.db, dealershipId)
        .selectFrom('lead_submissions')
        .select(['id', 'lead_id'])
        .where('external_source', '=', external.source)
        .where('external_id', '=', external.id),
    );
    return row && { submissionId: row.id, leadId: row.lead_id };
  }

  insertLead(dealershipId: string, lead: NewLead): void {
    this.batch.queue(forDealership(this.db, dealershipId).insertInto('leads').values(lead).compile());
  }

  /** Counts one more submission on an open lead; `contact` fills details the lead lacks (staff only). */
  attachToLead(
    dealershipId: string,
    leadId: string,
    now: Date,
    contact?: Partial<Pick<LeadTable, 'email' | 'email_norm' | 'phone' | 'phone_norm'>>,
  ): void {
    this.batch.queue(
      forDealership(this.db, dealershipId)
        .updateTable('leads')
        .set({
          submission_count: sql<number>`submission_count + 1`,
          last_activity_at: now,
          updated_at: now,
          version: sql<number>`version + 1`,
          ...contact,
        })
        .where('id', '=', leadId)
        .compile(),
    );
  }

  insertDocument(
    dealershipId: string,
    document: { id: string; body: string; prospectCount: number; receivedAt: Date },
  ): void {
    this.batch.queue(
      forDealership(this.db, dealershipId)
        .insertInto('lead_documents')
        .values({
          id: document.id,
          body: document.body,
          prospect_count: document.prospectCount,
          received_at: document.receivedAt,
        })
        .compile(),
    );
  }

  insertSubmission(dealershipId: string, submission: NewSubmission): void {
    this.batch.queue(
      forDealership(this.db, dealershipId).insertInto('lead_submissions').values(submission).compile(),
    );
  }

  /** The deal a lead came from (digital retailing): the deal's later updates find the lead by it. */
  insertDealLead(
    dealershipId: string,
    { dealId, leadId, deal, at }: { dealId: string; leadId: string; deal: DealLeadSummary; at: Date },
  ): void {
    this.batch.queue(
      forDealership(this.db, dealershipId)
        .insertInto('deal_leads')
        .values({
          deal_id: dealId,
          lead_id: leadId,
          summary: JSON.stringify(deal),
          created_at: at,
          updated_at: at,
        })
        .compile(),
    );
  }

  writeEvents(dealershipId: string, occurredAt: Date, events: NewLeadEvent[]): void {
    const insert = outboxInsert(this.db, dealershipId, occurredAt, events);
    if (insert) this.batch.queue(insert.query.compile());
  }
}

/** Where captured leads are stored; each request runs in one transaction. */
export class CaptureRepository {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    /** Connections that take a packet of statements (createStatementBatchPool). */
    private readonly batches: Pool,
  ) {}

  /**
   * `work` runs again when InnoDB rolls the transaction back as a deadlock's victim (the outbox
   * relay's locking reads beside a capture's outbox inserts, under load): nothing of it was kept, and
   * the shopper's submission is stored rather than answered with a 500.
   */
  transaction<T>(work: (statements: CaptureStatements) => Promise<T>): Promise<T> {
    return inStatementBatch(this.batches, (batch) => work(new CaptureStatements(this.db, batch)));
  }
}
