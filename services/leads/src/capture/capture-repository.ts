import { sql, type Insertable, type Kysely } from 'kysely';
import { OPEN_LEAD_STATUSES } from '@showroom/contracts';
import { acrossDealerships, retryOnDeadlock } from '@showroom/server-mysql';
import type {
  DealLeadTable,
  IdempotencyKeyTable,
  LeadDocumentTable,
  LeadsDatabase,
  LeadTable,
  OutboxTable,
  SubmissionTable,
} from '../database';

/** How a shopper is recognised again: e-mail and phone, normalised. */
export interface ContactKeys {
  emailNorm: string | null;
  phoneNorm: string | null;
}

const OPEN_LEAD_COLUMNS = [
  'dealership_id',
  'id',
  'email',
  'email_norm',
  'phone',
  'phone_norm',
  'first_name',
  'last_name',
  'assignee_id',
  'created_at',
] as const;
/** What capture needs of an open lead a submission may attach to. */
export type OpenLead = Pick<LeadTable, Exclude<(typeof OPEN_LEAD_COLUMNS)[number], 'created_at'>> & {
  created_at: Date;
};

export interface StoredReplay {
  dealershipId: string;
  key: string;
  requestHash: string;
  responseStatus: number;
  responseBody: string;
}

export interface StoredExternal {
  dealershipId: string;
  source: string;
  id: string;
  submissionId: string;
  leadId: string;
}

/** Staff may fill in contact details the lead lacks when they attach a submission to it. */
export type ContactFill = Partial<Pick<LeadTable, 'email' | 'email_norm' | 'phone' | 'phone_norm'>>;

/** One more submission on an open lead. */
export interface Attachment {
  dealershipId: string;
  leadId: string;
  contact: ContactFill | undefined;
}

/** Everything one batch of captures stores, written table by table in multi-row statements. */
export interface CaptureWrites {
  documents: Array<Insertable<LeadDocumentTable>>;
  leads: Array<Insertable<LeadTable>>;
  attachments: Attachment[];
  submissions: Array<Insertable<SubmissionTable>>;
  dealLeads: Array<Insertable<DealLeadTable>>;
  outbox: Array<Insertable<OutboxTable>>;
  replays: Array<Insertable<IdempotencyKeyTable>>;
}

export const noCaptureWrites = (): CaptureWrites => ({
  documents: [],
  leads: [],
  attachments: [],
  submissions: [],
  dealLeads: [],
  outbox: [],
  replays: [],
});

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * The capture path's SQL for a batch of requests from many dealerships (group commit), always
 * inside one transaction (see {@link CaptureRepository.transaction}). Each statement covers the
 * batch's dealerships at once: every row it writes names its own dealership, and what it reads is
 * matched to a request by dealership as well as by key, so one dealership's request never sees
 * another's rows.
 */
export class CaptureStatements {
  constructor(private readonly trx: Kysely<LeadsDatabase>) {}

  /**
   * Locks the settings rows of those of these dealerships that take leads, in id order (so two
   * batches cannot deadlock on them): while held, no other capture of theirs can open a lead, so
   * one shopper's two submissions cannot both become new leads. Returns the dealerships locked.
   */
  async lockDealerships(dealershipIds: string[]): Promise<Set<string>> {
    const rows = await acrossDealerships(this.trx)
      .selectFrom('lead_settings')
      .select('dealership_id')
      .where('dealership_id', 'in', unique(dealershipIds).sort())
      .orderBy('dealership_id')
      .forUpdate()
      .execute();
    return new Set(rows.map((row) => row.dealership_id));
  }

  /**
   * The open leads active since `activeSince` that any of these contact keys may belong to, in
   * these dealerships; a read under lock, so it sees every capture committed before the lock.
   */
  async openLeads(dealershipIds: string[], contacts: ContactKeys[], activeSince: Date): Promise<OpenLead[]> {
    const emails = unique(contacts.map((c) => c.emailNorm).filter(present));
    const phones = unique(contacts.map((c) => c.phoneNorm).filter(present));
    if (dealershipIds.length === 0 || (emails.length === 0 && phones.length === 0)) return [];
    return acrossDealerships(this.trx)
      .selectFrom('leads')
      .select(OPEN_LEAD_COLUMNS)
      .where('dealership_id', 'in', unique(dealershipIds))
      .where('status', 'in', [...OPEN_LEAD_STATUSES])
      .where('last_activity_at', '>=', activeSince)
      .where((eb) =>
        eb.or([
          ...(emails.length > 0 ? [eb('email_norm', 'in', emails)] : []),
          ...(phones.length > 0 ? [eb('phone_norm', 'in', phones)] : []),
        ]),
      )
      .forUpdate()
      .execute();
  }

  /** The kept answers of earlier requests under these Idempotency-Keys. */
  async replays(keys: Array<{ dealershipId: string; key: string }>): Promise<StoredReplay[]> {
    if (keys.length === 0) return [];
    const rows = await acrossDealerships(this.trx)
      .selectFrom('idempotency_keys')
      .select(['dealership_id', 'idempotency_key', 'request_hash', 'response_status', 'response_body'])
      .where('dealership_id', 'in', unique(keys.map((k) => k.dealershipId)))
      .where('idempotency_key', 'in', unique(keys.map((k) => k.key)))
      .execute();
    return rows.map((row) => ({
      dealershipId: row.dealership_id,
      key: row.idempotency_key,
      requestHash: row.request_hash,
      responseStatus: row.response_status,
      responseBody: row.response_body,
    }));
  }

  /** The submissions senders' own ids (ADF `<id source=…>`) were stored as, of those that were. */
  async externalSubmissions(
    externals: Array<{ dealershipId: string; source: string; id: string }>,
  ): Promise<StoredExternal[]> {
    if (externals.length === 0) return [];
    const rows = await acrossDealerships(this.trx)
      .selectFrom('lead_submissions')
      .select(['dealership_id', 'external_source', 'external_id', 'id', 'lead_id'])
      .where('dealership_id', 'in', unique(externals.map((e) => e.dealershipId)))
      .where('external_source', 'in', unique(externals.map((e) => e.source)))
      .where('external_id', 'in', unique(externals.map((e) => e.id)))
      .execute();
    return rows.map((row) => ({
      dealershipId: row.dealership_id,
      source: row.external_source as string,
      id: row.external_id as string,
      submissionId: row.id,
      leadId: row.lead_id,
    }));
  }

  /** Writes a batch's rows, parents first: one statement per table, whatever the batch's size. */
  async write(writes: CaptureWrites, now: Date): Promise<void> {
    if (writes.documents.length > 0)
      await acrossDealerships(this.trx).insertInto('lead_documents').values(writes.documents).execute();
    if (writes.leads.length > 0)
      await acrossDealerships(this.trx).insertInto('leads').values(writes.leads).execute();
    await this.attach(writes.attachments, now);
    if (writes.submissions.length > 0)
      await acrossDealerships(this.trx).insertInto('lead_submissions').values(writes.submissions).execute();
    if (writes.dealLeads.length > 0)
      await acrossDealerships(this.trx).insertInto('deal_leads').values(writes.dealLeads).execute();
    if (writes.outbox.length > 0)
      await acrossDealerships(this.trx).insertInto('outbox').values(writes.outbox).execute();
    if (writes.replays.length > 0)
      await acrossDealerships(this.trx).insertInto('idempotency_keys').values(writes.replays).execute();
  }

  /**
   * Counts the attached submissions on their leads: one statement for the leads that only count
   * (however many each got), one per lead whose missing contact details staff filled in.
   */
  private async attach(attachments: Attachment[], now: Date): Promise<void> {
    const counts = new Map<
      string,
      { dealershipId: string; leadId: string; count: number; contact: ContactFill }
    >();
    for (const { dealershipId, leadId, contact } of attachments) {
      const key = `${dealershipId}/${leadId}`;
      const entry = counts.get(key) ?? { dealershipId, leadId, count: 0, contact: {} };
      entry.count++;
      Object.assign(entry.contact, contact);
      counts.set(key, entry);
    }
    const byCount = new Map<number, Array<{ dealershipId: string; leadId: string }>>();
    for (const entry of counts.values()) {
      if (Object.keys(entry.contact).length > 0) {
        await this.countOn([entry], entry.count, now, entry.contact);
        continue;
      }
      byCount.set(entry.count, [...(byCount.get(entry.count) ?? []), entry]);
    }
    for (const [count, leads] of byCount) await this.countOn(leads, count, now, {});
  }

  private async countOn(
    leads: Array<{ dealershipId: string; leadId: string }>,
    count: number,
    now: Date,
    contact: ContactFill,
  ): Promise<void> {
    await acrossDealerships(this.trx)
      .updateTable('leads')
      .set({
        submission_count: sql<number>`submission_count + ${count}`,
        last_activity_at: now,
        updated_at: now,
        version: sql<number>`version + 1`,
        ...contact,
      })
      .where((eb) =>
        eb.or(
          leads.map((lead) =>
            eb.and([eb('dealership_id', '=', lead.dealershipId), eb('id', '=', lead.leadId)]),
          ),
        ),
      )
      .execute();
  }
}

/** Where captured leads are stored; each batch of requests runs in one transaction. */
export class CaptureRepository {
  constructor(private readonly db: Kysely<LeadsDatabase>) {}

  /**
   * `work` runs again when InnoDB rolls the transaction back as a deadlock's victim (the outbox
   * relay's locking reads beside a capture's outbox inserts, under load): nothing of it was kept, and
   * the shoppers' submissions are stored rather than answered with a 500.
   */
  transaction<T>(work: (statements: CaptureStatements) => Promise<T>): Promise<T> {
    return retryOnDeadlock(() => this.db.transaction().execute((trx) => work(new CaptureStatements(trx))));
  }
}
