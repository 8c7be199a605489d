import { clipReason } from '@showroom/server-kit';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import {
  ColumnMappingSchema,
  ImportRulesSchema,
  type ColumnMapping,
  type FeedSource,
  type FeedSourceInput,
  type ImportIssue,
  type ImportJob,
  type ImportRules,
  type ImportSettings,
} from '@showroom/contracts';
import { forDealership, type DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';
import type { FeedImportSettingsTable, FeedImportTable } from './tables';

export type ImportJobRow = Selectable<FeedImportTable>;
type JobChanges = Omit<Updateable<FeedImportTable>, 'id' | 'dealership_id'>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const mappingOf = (json: string | null): ColumnMapping | null =>
  json === null ? null : ColumnMappingSchema.parse(JSON.parse(json));
const rulesOf = (json: string | null): ImportRules | null =>
  json === null ? null : ImportRulesSchema.parse(JSON.parse(json));

export function jobFromRow(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    counts: {
      created: row.created_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      skipped: row.skipped_count,
      missing: row.missing_count,
    },
    issueCount: row.issue_count,
    error: row.error,
    mapping: mappingOf(row.mapping),
    rules: rulesOf(row.rules),
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** SQL of imports, each statement scoped to one dealership. */
export class FeedImportRepository {
  /** Reads go to the writer too: progress and reports follow the worker's commits at once. */
  constructor(private readonly writer: Kysely<InventoryDatabase>) {}

  /** Runs `work` in one transaction on the dealership's rows. */
  transaction<T>(
    dealershipId: string,
    work: (tenant: DealershipQueries<InventoryDatabase>) => Promise<T>,
  ): Promise<T> {
    return this.writer.transaction().execute((trx) => work(forDealership(trx, dealershipId)));
  }

  async settings(dealershipId: string): Promise<ImportSettings> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('feed_import_settings')
      .select(['preset_id', 'mapping', 'rules', 'updated_at'])
      .executeTakeFirst();
    return {
      presetId: row?.preset_id ?? null,
      mapping: mappingOf(row?.mapping ?? null),
      rules: rulesOf(row?.rules ?? null) ?? ImportRulesSchema.parse({}),
      updatedAt: row?.mapping ? row.updated_at.toISOString() : null,
    };
  }

  async saveSettings(
    dealershipId: string,
    settings: { presetId: string | null; mapping: ColumnMapping; rules: ImportRules },
    now: Date,
  ): Promise<void> {
    const values = {
      preset_id: settings.presetId,
      mapping: JSON.stringify(settings.mapping),
      // A large removal is confirmed for one import, never for the scheduled feed's next ones.
      rules: JSON.stringify({ ...settings.rules, allowLargeRemoval: undefined }),
      updated_at: now,
    };
    await this.upsertSettings(dealershipId, values);
  }

  async feedSource(dealershipId: string): Promise<FeedSource> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('feed_import_settings')
      .selectAll()
      .executeTakeFirst();
    return {
      url: row?.feed_url ?? null,
      intervalHours: row?.feed_interval_hours ?? 24,
      enabled: Boolean(row?.feed_enabled),
      nextFetchAt: row?.feed_enabled ? iso(row.feed_next_at) : null,
      lastFetchedAt: iso(row?.feed_last_fetched_at ?? null),
      lastError: row?.feed_last_error ?? null,
      lastImportId: row?.feed_last_import_id ?? null,
    };
  }

  /** Saves the feed URL; an enabled feed is first fetched right away. */
  async saveFeedSource(dealershipId: string, source: FeedSourceInput, now: Date): Promise<void> {
    const values = {
      feed_url: source.url,
      feed_interval_hours: source.intervalHours,
      feed_enabled: source.enabled,
      feed_next_at: source.enabled ? now : null,
      updated_at: now,
    };
    await this.upsertSettings(dealershipId, values);
  }

  /** The dealership's settings row with these columns, made when it has none. */
  private async upsertSettings(
    dealershipId: string,
    values: Omit<Insertable<FeedImportSettingsTable>, 'dealership_id'>,
  ): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .insertInto('feed_import_settings')
      .values(values)
      .onDuplicateKeyUpdate(values)
      .execute();
  }

  /** After a fetch: its import, or why not and, for a passing failure, when to try again. */
  async recordFeedFetch(
    dealershipId: string,
    outcome: { importId: string } | { error: string; retryAt: Date | null },
  ): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .updateTable('feed_import_settings')
      .set(
        'error' in outcome
          ? {
              feed_last_error: clipReason(outcome.error),
              ...(outcome.retryAt
                ? { feed_failures: sql<number>`feed_failures + 1`, feed_next_at: outcome.retryAt }
                : { feed_failures: 0 }),
            }
          : { feed_last_error: null, feed_last_import_id: outcome.importId, feed_failures: 0 },
      )
      .execute();
  }

  async insertJob(
    dealershipId: string,
    job: Pick<
      ImportJobRow,
      'id' | 'source' | 'file_name' | 'object_key' | 'status' | 'rows_total' | 'created_by'
    > &
      Partial<Pick<ImportJobRow, 'mapping' | 'rules'>>,
    now: Date,
  ): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .insertInto('feed_imports')
      .values({ ...job, created_at: now })
      .execute();
  }

  async findJob(dealershipId: string, id: string): Promise<ImportJobRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('feed_imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async listJobs(dealershipId: string, limit: number): Promise<ImportJobRow[]> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('feed_imports')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Changes a job only while it is in one of `statuses`; false when it was not. */
  async updateJob(
    dealershipId: string,
    id: string,
    statuses: readonly FeedImportTable['status'][],
    changes: JobChanges,
  ): Promise<boolean> {
    const result = await forDealership(this.writer, dealershipId)
      .updateTable('feed_imports')
      .set(changes)
      .where('id', '=', id)
      .where('status', 'in', [...statuses])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async issues(dealershipId: string, importId: string, page: number, pageSize: number) {
    const tenant = forDealership(this.writer, dealershipId);
    const [items, count] = await Promise.all([
      tenant
        .selectFrom('feed_import_issues')
        .select(['line', 'field', 'reason', 'severity', 'vin'])
        .where('import_id', '=', importId)
        .orderBy('line')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      tenant
        .selectFrom('feed_import_issues')
        .select(sql<number>`COUNT(*)`.as('total'))
        .where('import_id', '=', importId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: items as ImportIssue[], total: Number(count.total) };
  }

  /** Vehicles whose new feed photo list this import has not yet handed to the robot. */
  async pendingPhotoLists(
    dealershipId: string,
    importId: string,
  ): Promise<Array<{ vehicleId: string; urls: string[] }>> {
    const rows = await forDealership(this.writer, dealershipId)
      .selectFrom('feed_photo_lists')
      .select(['vehicle_id', 'urls'])
      .where('pending_import_id', '=', importId)
      .execute();
    return rows.map((row) => ({ vehicleId: row.vehicle_id, urls: JSON.parse(row.urls) as string[] }));
  }

  async photoListSent(dealershipId: string, importId: string, vehicleId: string): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .updateTable('feed_photo_lists')
      .set({ pending_import_id: null })
      .where('vehicle_id', '=', vehicleId)
      .where('pending_import_id', '=', importId)
      .execute();
  }

  /** Whether the import has read any VIN (a full feed without one must not empty the lot). */
  async sawAnyVin(dealershipId: string, importId: string): Promise<boolean> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('feed_import_vins')
      .select('vin')
      .where('import_id', '=', importId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addIssue(dealershipId: string, importId: string, issue: Omit<ImportIssue, 'vin'>): Promise<void> {
    await this.transaction(dealershipId, async (tenant: DealershipQueries<InventoryDatabase>) => {
      await tenant
        .insertInto('feed_import_issues')
        .values({ import_id: importId, ...issue, vin: null })
        .execute();
      await tenant
        .updateTable('feed_imports')
        .set({ issue_count: sql<number>`issue_count + 1` })
        .where('id', '=', importId)
        .execute();
    });
  }

  /** The VINs a finished import read: needed only for its missing step (and a resume of a failed one). */
  async forgetVins(dealershipId: string, importId: string): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .deleteFrom('feed_import_vins')
      .where('import_id', '=', importId)
      .execute();
  }

  /** A finished import past the retention: its report, VINs and row go together. */
  async forgetFinishedJob(dealershipId: string, importId: string): Promise<void> {
    await this.transaction(dealershipId, async (tenant: DealershipQueries<InventoryDatabase>) => {
      await tenant.deleteFrom('feed_import_issues').where('import_id', '=', importId).execute();
      await tenant.deleteFrom('feed_import_vins').where('import_id', '=', importId).execute();
      await tenant
        .deleteFrom('feed_imports')
        .where('id', '=', importId)
        .where('status', 'in', ['succeeded', 'failed'])
        .execute();
    });
  }

  async deleteUploadedJob(dealershipId: string, id: string): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .deleteFrom('feed_imports')
      .where('id', '=', id)
      .where('status', '=', 'uploaded')
      .execute();
  }
}
