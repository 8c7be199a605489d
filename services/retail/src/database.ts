import type { ColumnType, Generated } from 'kysely';
import type { DealActivity, DealKind, DealStatus, ReservationStatus } from '@showroom/contracts';

/**
 * The retail schema (`showroom_retail`): every table belongs to one dealership. JSON columns are
 * text (MariaDB's JSON is LONGTEXT); each module parses them with the contract's schema.
 */

type CreatedAt = Generated<Date>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** A dealership's retail settings; no row means the defaults (settings/defaults.ts). */
export interface RetailSettingsTable {
  dealership_id: string;
  /** DealerFees as JSON. */
  fees: string;
  /** TaxRules as JSON. */
  tax: string;
  /** CreditTierTerms[] as JSON. */
  credit_tiers: string;
  /** LeaseResidual[] as JSON. */
  lease_residuals: string;
  /** ReservationTerms as JSON. */
  reservation: string;
  credit_retention_days: number;
  version: number;
  updated_at: UpdatedAt;
}

export interface ProtectionProductTable {
  id: string;
  dealership_id: string;
  kind: string;
  name: string;
  description: string;
  /** ProductOption[] as JSON. */
  options: string;
  /** tinyint(1) */
  active: number;
  position: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ValuationGridRowTable {
  dealership_id: string;
  /** Order in the grid as the dealer saved it (0-based). */
  position: number;
  make: string;
  model: string | null;
  year_from: number;
  year_to: number;
  max_mileage: number;
  low_cents: number;
  high_cents: number;
}

export interface DealTable {
  id: string;
  dealership_id: string;
  vehicle_id: string;
  /** DealVehicle as JSON: the car as it was priced when the deal started. */
  vehicle: string;
  kind: DealKind;
  status: DealStatus;
  shopper_first_name: string;
  shopper_last_name: string;
  shopper_email: string;
  shopper_phone: string | null;
  /** sha256 (hex) of the shopper's access token; the token itself is never stored. */
  access_token_hash: string;
  /** sha256 (hex) of the Idempotency-Key the deal was started with (unique per dealership), if any. */
  start_key_hash: string | null;
  /** sha256 (hex) of the start request's form, to tell a retry from another deal under the same key. */
  start_body_hash: string | null;
  /** The lead it became in the leads service, once submitted and handed over. */
  lead_id: string | null;
  /** The lead's assignee as leads last answered (sales see the deals of their own leads). */
  assignee_id: string | null;
  /** Latest offer version (deal_offers.version). */
  offer_version: number;
  /** Optimistic concurrency for the desk (ETag). */
  version: number;
  submitted_at: Date | null;
  accepted_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DealOfferTable {
  deal_id: string;
  dealership_id: string;
  version: number;
  by: 'shopper' | 'dealer';
  /** DealStructure as JSON. */
  structure: string;
  /** DealAdjustments as JSON. */
  adjustments: string;
  /** Quote as JSON, as computed when the offer was made. */
  quote: string;
  message: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: CreatedAt;
  accepted_at: Date | null;
}

/** The deal's own timeline (append-only); lead-worthy entries are also copied to the lead's timeline. */
export interface DealActivityTable {
  id: Generated<number>;
  dealership_id: string;
  deal_id: string;
  at: Date;
  actor: string;
  kind: DealActivity['kind'];
  text: string;
}

export interface TradeInTable {
  id: string;
  dealership_id: string;
  deal_id: string;
  vin: string | null;
  year: number;
  make: string;
  model: string | null;
  trim: string | null;
  mileage: number;
  /** TradeConditionAnswers as JSON. */
  condition_answers: string;
  payoff_cents: number;
  lender: string | null;
  estimate_low_cents: number | null;
  estimate_high_cents: number | null;
  appraisal_cents: number | null;
  appraisal_note: string | null;
  appraised_at: Date | null;
  appraised_by: string | null;
  status: 'estimated' | 'awaiting-appraisal' | 'appraised';
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TradeInPhotoTable {
  id: string;
  dealership_id: string;
  trade_in_id: string;
  /** Private key in the media bucket (normalised JPEG, no EXIF). */
  object_key: string;
  width: number;
  height: number;
  position: number;
  created_at: CreatedAt;
}

/**
 * A credit application, envelope-encrypted: `ciphertext` is the AES-256-GCM encryption of the
 * application's JSON under a data key that only KMS (or the local key provider) can unwrap. Nothing
 * personal is in clear here. After retention the encrypted columns are nulled and `deleted_at` set.
 */
export interface CreditApplicationTable {
  id: string;
  dealership_id: string;
  deal_id: string;
  applicants: number;
  consent_version: string;
  consented_at: Date;
  submitted_at: Date;
  delete_after: Date;
  deleted_at: Date | null;
  /** The key that wrapped the data key (a KMS key ARN, or `local:<fingerprint>`). */
  key_id: string | null;
  encrypted_data_key: Buffer | null;
  iv: Buffer | null;
  auth_tag: Buffer | null;
  ciphertext: Buffer | null;
}

export interface ReservationTable {
  id: string;
  dealership_id: string;
  deal_id: string;
  vehicle_id: string;
  deposit_cents: number;
  status: ReservationStatus;
  /** `stripe` (the Stripe API, or the payments sandbox speaking it). */
  provider: string;
  checkout_session_id: string | null;
  paid_at: Date | null;
  held_until: Date | null;
  released_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Payment-provider events already handled (webhooks are delivered at least once). */
export interface PaymentEventTable {
  id: string;
  dealership_id: string;
  received_at: CreatedAt;
}

export type RetailJobState = 'pending' | 'running' | 'done' | 'failed';

/**
 * Work for other services and mail, written in the same transaction as the change that causes it
 * (the retail outbox), run by the job runner with SKIP LOCKED claims and a lease.
 */
export interface RetailJobTable {
  id: string;
  dealership_id: string;
  kind: string;
  /** The job's input as JSON (never credit data). */
  payload: string;
  /** Jobs with the same key are one job: a second enqueue is ignored. Null: no deduplication. */
  dedupe_key: string | null;
  state: RetailJobState;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  claimed_until: Date | null;
  claim_token: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RetailDatabase {
  retail_settings: RetailSettingsTable;
  protection_products: ProtectionProductTable;
  valuation_grid_rows: ValuationGridRowTable;
  deals: DealTable;
  deal_offers: DealOfferTable;
  deal_activity: DealActivityTable;
  trade_ins: TradeInTable;
  trade_in_photos: TradeInPhotoTable;
  credit_applications: CreditApplicationTable;
  reservations: ReservationTable;
  payment_events: PaymentEventTable;
  retail_jobs: RetailJobTable;
}

/** Every table above: all of them belong to one dealership (the tenancy lint's list). */
export const RETAIL_TENANT_TABLES = [
  'retail_settings',
  'protection_products',
  'valuation_grid_rows',
  'deals',
  'deal_offers',
  'deal_activity',
  'trade_ins',
  'trade_in_photos',
  'credit_applications',
  'reservations',
  'payment_events',
  'retail_jobs',
] as const satisfies readonly (keyof RetailDatabase)[];
