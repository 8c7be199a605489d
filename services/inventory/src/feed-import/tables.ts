import type { ColumnType, Generated } from 'kysely';
import type { ImportStatus } from '@showroom/contracts';

/** A dealership's import mapping and rules (JSON text), and its scheduled feed URL. */
export interface FeedImportSettingsTable {
  dealership_id: string;
  preset_id: string | null;
  mapping: string | null;
  rules: string | null;
  feed_url: string | null;
  feed_interval_hours: ColumnType<number, number | undefined, number>;
  feed_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  feed_next_at: Date | null;
  feed_last_fetched_at: Date | null;
  feed_last_error: string | null;
  feed_last_import_id: string | null;
  /** Passing fetch failures in a row (each retried sooner than the interval); 0 after a fetch. */
  feed_failures: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface FeedImportTable {
  id: string;
  dealership_id: string;
  source: 'upload' | 'feed_url';
  file_name: string;
  object_key: string;
  status: ImportStatus;
  mapping: string | null;
  rules: string | null;
  rows_total: number;
  rows_done: ColumnType<number, number | undefined, number>;
  cursor_line: ColumnType<number, number | undefined, number>;
  rows_finished: ColumnType<boolean, boolean | undefined, boolean>;
  created_count: ColumnType<number, number | undefined, number>;
  updated_count: ColumnType<number, number | undefined, number>;
  unchanged_count: ColumnType<number, number | undefined, number>;
  skipped_count: ColumnType<number, number | undefined, number>;
  missing_count: ColumnType<number, number | undefined, number>;
  issue_count: ColumnType<number, number | undefined, number>;
  /** Lines not read reliably (unreadable, or rows that may have merged): a full feed then removes nothing. */
  read_faults: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  not_before: Date | null;
  heartbeat_at: Date | null;
  error: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface FeedImportIssueTable {
  id: Generated<number>;
  dealership_id: string;
  import_id: string;
  line: number;
  field: string | null;
  reason: string;
  severity: 'error' | 'warning';
  vin: string | null;
}

/** The VINs an import has read so far (a full feed's missing vehicles are the lot's others). */
export interface FeedImportVinTable {
  dealership_id: string;
  import_id: string;
  vin: string;
  line: number;
}

/** The photo list each vehicle last got from a feed; `pending_import_id` until the robot has it. */
export interface FeedPhotoListTable {
  dealership_id: string;
  vehicle_id: string;
  urls_hash: string;
  urls: string;
  pending_import_id: string | null;
}

export interface FeedImportTables {
  feed_import_settings: FeedImportSettingsTable;
  feed_imports: FeedImportTable;
  feed_import_issues: FeedImportIssueTable;
  feed_import_vins: FeedImportVinTable;
  feed_photo_lists: FeedPhotoListTable;
}
