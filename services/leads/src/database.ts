import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  ContactMethod,
  LeadChannel,
  LeadIntent,
  LeadStatus,
  LostReason,
  TaskKind,
} from '@showroom/contracts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface LeadSettingsTable {
  dealership_id: string;
  dealership_name: string;
  /** JSON array of origins the dealer typed in. */
  site_origins: string;
  /** JSON array of the origins Showroom serves the dealership's website on (set by provisioning). */
  website_origins: ColumnType<string, string | undefined, string>;
  ack_enabled: ColumnType<number, boolean | undefined, boolean>;
  ack_subject: string;
  ack_body: string;
  crm_forward_email: string | null;
  from_name: string;
  reply_to: string | null;
  ingest_key_hash: string | null;
  ingest_key_hint: string | null;
  ingest_key_rotated_at: Date | null;
  last_assigned_user_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LeadTable {
  id: string;
  dealership_id: string;
  status: LeadStatus;
  lost_reason: LostReason | null;
  channel: LeadChannel;
  source: string;
  /** The traffic source of the website visit the lead came from (website form only); analytics counts the lead under it. */
  traffic_source: string | null;
  intent: LeadIntent | null;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  email_norm: string | null;
  phone_norm: string | null;
  preferred_contact: ContactMethod | null;
  message: string | null;
  /** JSON of the trade-in the shopper described. */
  trade_in: string | null;
  vehicle_id: string | null;
  vehicle_vin: string | null;
  vehicle_stock: string | null;
  vehicle_year: number | null;
  vehicle_make: string | null;
  vehicle_model: string | null;
  vehicle_trim: string | null;
  vehicle_condition: string | null;
  vehicle_price_cents: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  routed_at: Date | null;
  submission_count: ColumnType<number, number | undefined, number>;
  next_task_due_at: Date | null;
  first_response_at: Date | null;
  last_activity_at: Date;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: ColumnType<number, number | undefined, number>;
}

export interface SubmissionTable {
  id: string;
  dealership_id: string;
  lead_id: string;
  channel: LeadChannel;
  source: string;
  intent: LeadIntent | null;
  message: string | null;
  original_document: string | null;
  external_source: string | null;
  external_id: string | null;
  received_at: Date;
  /** The document this submission came in (`lead_documents`); null for forms and older rows. */
  document_id: string | null;
  /** This prospect's own part of a document with several prospects. */
  prospect_document: string | null;
}

/** An ADF document or the e-mail that carried it, kept once however many prospects it holds. */
export interface LeadDocumentTable {
  id: string;
  dealership_id: string;
  body: string;
  prospect_count: number;
  received_at: Date;
}

export interface IdempotencyKeyTable {
  dealership_id: string;
  idempotency_key: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: CreatedAt;
}

export interface NoteTable {
  id: string;
  dealership_id: string;
  lead_id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export interface TaskTable {
  id: string;
  dealership_id: string;
  lead_id: string;
  kind: TaskKind;
  title: string;
  due_at: Date;
  completed_at: Date | null;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
}

export interface OutboxTable {
  id: Generated<number>;
  event_id: string;
  dealership_id: string;
  lead_id: string;
  type: string;
  payload: string;
  occurred_at: Date;
  published_at: Date | null;
}

/**
 * A consumer's run of one event (the completion record): written when the event is published,
 * finished when the consumer succeeded. The sweeper re-publishes events whose runs stay unfinished.
 */
export interface OutboxConsumerRunTable {
  event_id: string;
  consumer: string;
  created_at: CreatedAt;
  /** Not re-published before this time; each re-publish pushes it out. */
  next_sweep_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** Set when a job used up its attempts on this run; the sweeper keeps re-publishing it. */
  exhausted_at: Date | null;
  finished_at: Date | null;
}

/** An e-mail of an event and consumer: claimed (`sending`) before the send, `sent` after it. */
export type DeliveryState = 'sending' | 'sent' | 'unconfirmed';

export interface OutboxDeliveryTable {
  event_id: string;
  handler: string;
  state: ColumnType<DeliveryState, DeliveryState | undefined, DeliveryState>;
  /** While a `sending` claim's lease runs, no one else sends this e-mail. */
  lease_until: Date | null;
  /** When the row last changed state. */
  delivered_at: ColumnType<Date, Date | undefined, Date>;
}

/** Addresses that got an acknowledgement on a UTC day (`YYYY-MM-DD`), as SHA-256 hex. */
export interface AcknowledgementRecipientTable {
  day: string;
  recipient_hash: string;
}

/** The lead a deal worked out online became, and the deal's summary as the lead shows it. */
export interface DealLeadTable {
  dealership_id: string;
  deal_id: string;
  lead_id: string;
  /** DealLeadSummary as JSON. */
  summary: string;
  created_at: Date;
  updated_at: Date;
}

export interface LeadsDatabase {
  lead_settings: LeadSettingsTable;
  leads: LeadTable;
  lead_submissions: SubmissionTable;
  lead_documents: LeadDocumentTable;
  idempotency_keys: IdempotencyKeyTable;
  lead_notes: NoteTable;
  lead_tasks: TaskTable;
  deal_leads: DealLeadTable;
  outbox: OutboxTable;
  outbox_consumer_runs: OutboxConsumerRunTable;
  outbox_deliveries: OutboxDeliveryTable;
  acknowledgement_recipients: AcknowledgementRecipientTable;
}

export type SettingsRow = Selectable<LeadSettingsTable>;
export type LeadRow = Selectable<LeadTable>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type LeadDocumentRow = Selectable<LeadDocumentTable>;
export type NoteRow = Selectable<NoteTable>;
export type TaskRow = Selectable<TaskTable>;
export type DealLeadRow = Selectable<DealLeadTable>;
