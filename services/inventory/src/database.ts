import type { ColumnType, Generated } from 'kysely';
import type { PhotoFetchItemStatus, PhotoSource, VehicleCondition, VehicleStatus } from '@showroom/contracts';
import type { FeedImportTables } from './feed-import/tables';

export interface VehicleTable {
  id: string;
  dealership_id: string;
  vin: string;
  stock_number: string;
  vehicle_condition: VehicleCondition;
  year: number;
  make: string;
  model: string;
  trim: string | null;
  body_style: string | null;
  drivetrain: string | null;
  transmission: string | null;
  fuel_type: string | null;
  engine: string | null;
  exterior_color: string | null;
  interior_color: string | null;
  mileage: number;
  price_cents: number | null;
  msrp_cents: number | null;
  currency: string;
  status: VehicleStatus;
  description: string | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  cost_cents: number | null;
  internal_notes: string | null;
  /** The hero photo's key base (see VehiclePhotoTable.key_base); null without photos. */
  hero_photo_key: ColumnType<string | null, string | null | undefined, string | null>;
  photo_count: ColumnType<number, number | undefined, number>;
  /** The online reservation holding the vehicle (status pending), and until when; null when none. */
  hold_reservation_id: ColumnType<string | null, string | null | undefined, string | null>;
  held_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  version: number;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One row per vehicle write, in its transaction: the feed search indexes follow. */
export interface VehicleChangeTable {
  seq: Generated<number>;
  dealership_id: string;
  vehicle_id: string;
  changed_at: ColumnType<Date, Date | undefined, never>;
}

/** Every price a vehicle was given (set, changed or removed), newest last. */
export interface VehiclePriceHistoryTable {
  id: Generated<number>;
  dealership_id: string;
  vehicle_id: string;
  from_cents: number | null;
  to_cents: number | null;
  currency: string;
  source: 'portal' | 'import';
  changed_at: Date;
}

/** The inventory outbox: events written in the transaction of the change they report. */
export interface InventoryEventTable {
  id: Generated<number>;
  dealership_id: string;
  type: string;
  /** JSON text. */
  payload: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /**
   * When the analytics relay was done with it: delivered, or set aside when analytics_skipped says
   * why; NULL until then (and always, for types analytics does not take).
   */
  analytics_shipped_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Why the relay set the row aside instead of delivering it (field and rule, never the value); NULL when delivered. */
  analytics_skipped: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SyndicationSettingsTable {
  dealership_id: string;
  /** JSON text of SyndicationSettings. */
  settings: string;
  feed_secret: string;
  dirty_since: Date | null;
  last_full_run_at: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** Generations failed in a row; the scheduler leaves the dealership alone until `retry_at`. */
  failures: ColumnType<number, number | undefined, number>;
  retry_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Media objects still to delete (every key under `prefix`), retried until S3 confirms. */
export interface MediaDeletionTable {
  id: string;
  dealership_id: string;
  prefix: string;
  attempts: ColumnType<number, number | undefined, number>;
  due_at: ColumnType<Date, Date | undefined, Date>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface SyndicationChannelStateTable {
  dealership_id: string;
  channel: string;
  /** JSON text: the file names written. */
  files: string;
  included: number;
  /** JSON text: the vehicles left out, each with its reasons. */
  excluded: string;
  generated_at: Date;
}

export interface SyndicationRunTable {
  id: Generated<number>;
  dealership_id: string;
  channel: string;
  trigger_kind: 'change' | 'schedule' | 'manual' | 'settings';
  included: number;
  excluded: number;
  bytes: number;
  duration_ms: number;
  finished_at: Date;
}

/** One photo of a vehicle; its variants are S3 objects named after key_base. */
export interface VehiclePhotoTable {
  id: string;
  dealership_id: string;
  vehicle_id: string;
  position: number;
  content_hash: string;
  key_base: string;
  width: number;
  height: number;
  bytes: number;
  source: PhotoSource;
  source_url: string | null;
  original_name: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** The photo robot: one job per list of image links for a vehicle. */
export interface PhotoFetchJobTable {
  id: string;
  dealership_id: string;
  vehicle_id: string;
  origin_kind: 'dealer' | 'feed';
  origin_ref: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** One link of a photo robot job, and what came of it. */
export interface PhotoFetchItemTable {
  id: Generated<number>;
  dealership_id: string;
  job_id: string;
  vehicle_id: string;
  position: number;
  url: string;
  status: PhotoFetchItemStatus;
  reason: string | null;
  photo_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  /** queued: when it may be tried; fetching: when the worker's lease ends. */
  due_at: Date;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface InventoryDatabase extends FeedImportTables {
  vehicles: VehicleTable;
  vehicle_changes: VehicleChangeTable;
  vehicle_photos: VehiclePhotoTable;
  photo_fetch_jobs: PhotoFetchJobTable;
  photo_fetch_items: PhotoFetchItemTable;
  vehicle_price_history: VehiclePriceHistoryTable;
  inventory_events: InventoryEventTable;
  syndication_settings: SyndicationSettingsTable;
  syndication_channel_state: SyndicationChannelStateTable;
  syndication_runs: SyndicationRunTable;
  media_deletions: MediaDeletionTable;
}
