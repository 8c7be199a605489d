import { randomUUID } from 'node:crypto';
import {
  IMPORT_FIELDS,
  ImportRulesSchema,
  type ColumnMapping,
  type FeedSource,
  type FeedSourceInput,
  type ImportJob,
  type ImportPreset,
  type ImportReport,
  type ImportSettings,
  type ImportUpload,
  type MissingVehicleAction,
  type StartImportSchema,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import type { z } from 'zod';
import { inspectCsv, readRecords } from './csv-file';
import { headerKey, IMPORT_PRESETS, suggestMapping } from './presets';
import { jobFromRow, type FeedImportRepository, type ImportJobRow } from './repository';

/** Imports a page lists. */
const RECENT_IMPORTS = 25;

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** A dealership's imports as the API offers them. Knows nothing of HTTP. */
export class FeedImportService {
  constructor(
    private readonly repository: FeedImportRepository,
    private readonly objects: ObjectStore,
    /** Largest file an upload may bring. */
    readonly maxBytes: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  presets(): readonly ImportPreset[] {
    return IMPORT_PRESETS;
  }

  settings(dealershipId: string): Promise<ImportSettings> {
    return this.repository.settings(dealershipId);
  }

  /** `mayDelete`: the caller's role grants inventory:delete (needed for rules that delete missing cars). */
  async saveSettings(
    dealershipId: string,
    settings: { presetId: string | null; mapping: ColumnMapping; rules: z.output<typeof ImportRulesSchema> },
    mayDelete: boolean,
  ): Promise<ImportSettings> {
    this.assertPreset(settings.presetId);
    assertMayDeleteMissing(settings.rules, mayDelete);
    await this.repository.saveSettings(dealershipId, settings, this.clock());
    return this.repository.settings(dealershipId);
  }

  /**
   * Keeps the file and answers what it holds (columns, first rows) with the mapping to use; the
   * import starts when the dealer confirms the mapping (start).
   */
  async upload(dealershipId: string, createdBy: string, file: UploadedFile): Promise<ImportUpload> {
    const inspection = await inspectCsv(file.name, file.bytes);
    const id = randomUUID();
    const key = `imports/${dealershipId}/${id}.csv`;
    await this.objects.put(key, file.bytes, { contentType: 'text/csv' });
    await this.repository.insertJob(
      dealershipId,
      {
        id,
        source: 'upload',
        file_name: file.name.slice(0, 255),
        object_key: key,
        status: 'uploaded',
        rows_total: inspection.rows,
        created_by: createdBy.slice(0, 200),
      },
      this.clock(),
    );
    const saved = await this.repository.settings(dealershipId);
    const suggestion = suggestMapping(inspection.headers, saved.mapping);
    return {
      job: await this.job(dealershipId, id),
      headers: inspection.headers,
      preview: inspection.preview,
      detectedPresetId: suggestion.presetId,
      suggestedMapping: suggestion.mapping,
    };
  }

  /** Queues an uploaded file with the dealer's mapping and rules (kept as the dealership's if asked). */
  async start(
    dealershipId: string,
    id: string,
    request: z.output<typeof StartImportSchema>,
    mayDelete: boolean,
  ): Promise<ImportJob> {
    this.assertPreset(request.presetId);
    assertMayDeleteMissing(request.rules, mayDelete);
    const row = await this.mustFindJob(dealershipId, id);
    if (row.status !== 'uploaded') {
      throw problems.conflict(`Import ${id} was already started (it is ${row.status}).`);
    }
    const stored = await this.objects.get(row.object_key);
    if (!stored) throw problems.conflict(`The file of import ${id} is no longer stored; upload it again.`);
    await this.assertColumnsIn(stored.body, request.mapping);
    if (request.save) {
      await this.repository.saveSettings(
        dealershipId,
        { presetId: request.presetId, mapping: request.mapping, rules: request.rules },
        this.clock(),
      );
    }
    const started = await this.repository.updateJob(dealershipId, id, ['uploaded'], {
      status: 'queued',
      mapping: JSON.stringify(request.mapping),
      rules: JSON.stringify(request.rules),
    });
    if (!started) throw problems.conflict(`Import ${id} was already started.`);
    return this.job(dealershipId, id);
  }

  /** Queues a failed import again; it goes on from its last saved batch. */
  async resume(dealershipId: string, id: string): Promise<ImportJob> {
    const row = await this.mustFindJob(dealershipId, id);
    const resumed = await this.repository.updateJob(dealershipId, id, ['failed'], {
      status: 'queued',
      attempts: 0,
      error: null,
      not_before: null,
      finished_at: null,
    });
    if (!resumed)
      throw problems.conflict(`Import ${id} is ${row.status}; only a failed import can be resumed.`);
    return this.job(dealershipId, id);
  }

  /** A fetched feed as an import queued with the dealership's saved mapping and rules. */
  async importFeed(dealershipId: string, url: string, bytes: Buffer): Promise<string> {
    const saved = await this.repository.settings(dealershipId);
    if (!saved.mapping)
      throw problems.conflict('Save a column mapping (import a file once) before scheduling a feed.');
    // The host only: the path may carry the DMS's token, and inventory:read shows the name.
    const name = new URL(url).hostname;
    const inspection = await inspectCsv(name, bytes);
    const id = randomUUID();
    const key = `imports/${dealershipId}/${id}.csv`;
    await this.objects.put(key, bytes, { contentType: 'text/csv' });
    await this.repository.insertJob(
      dealershipId,
      {
        id,
        source: 'feed_url',
        file_name: name.slice(0, 255),
        object_key: key,
        status: 'queued',
        rows_total: inspection.rows,
        created_by: null,
        mapping: JSON.stringify(saved.mapping),
        rules: JSON.stringify(saved.rules),
      },
      this.clock(),
    );
    return id;
  }

  async jobs(dealershipId: string): Promise<ImportJob[]> {
    return (await this.repository.listJobs(dealershipId, RECENT_IMPORTS)).map(jobFromRow);
  }

  async job(dealershipId: string, id: string): Promise<ImportJob> {
    return jobFromRow(await this.mustFindJob(dealershipId, id));
  }

  async report(dealershipId: string, id: string, page: number, pageSize: number): Promise<ImportReport> {
    const job = await this.job(dealershipId, id);
    const { items, total } = await this.repository.issues(dealershipId, id, page, pageSize);
    return { job, items, total, page, pageSize };
  }

  feedSource(dealershipId: string): Promise<FeedSource> {
    return this.repository.feedSource(dealershipId);
  }

  /**
   * A scheduled feed imports with the saved rules: when they delete missing cars, only who may
   * delete cars (`mayDelete`) may change the feed.
   */
  async saveFeedSource(
    dealershipId: string,
    source: FeedSourceInput,
    mayDelete: boolean,
  ): Promise<FeedSource> {
    const saved = await this.repository.settings(dealershipId);
    if (source.enabled && !saved.mapping) {
      throw problems.conflict('Import a file once and save its column mapping before scheduling a feed.', [
        { name: 'enabled', reason: 'no saved column mapping yet' },
      ]);
    }
    assertMayDeleteMissing(saved.rules, mayDelete);
    await this.repository.saveFeedSource(dealershipId, source, this.clock());
    return this.repository.feedSource(dealershipId);
  }

  private async mustFindJob(dealershipId: string, id: string): Promise<ImportJobRow> {
    const row = await this.repository.findJob(dealershipId, id);
    if (!row) throw problems.notFound(`Import ${id}`);
    return row;
  }

  private assertPreset(presetId: string | null): void {
    if (presetId !== null && !IMPORT_PRESETS.some((preset) => preset.id === presetId)) {
      throw problems.validation([{ name: 'presetId', reason: `no preset is called ${presetId}` }]);
    }
  }

  /** Every column the mapping names must be in the file's header row. */
  private async assertColumnsIn(file: Buffer, mapping: ColumnMapping): Promise<void> {
    let headers: string[] = [];
    for await (const item of readRecords(file, () => undefined)) {
      if ('headers' in item) headers = item.headers;
      break;
    }
    const present = new Set(headers.map(headerKey));
    const invalid = IMPORT_FIELDS.flatMap((field) => {
      const column = mapping[field];
      return column && !present.has(headerKey(column))
        ? [{ name: `mapping.${field}`, reason: `the file has no column "${column}"` }]
        : [];
    });
    if (invalid.length > 0)
      throw problems.validation(invalid, 'The mapping names columns the file does not have.');
  }
}

/**
 * Deleting the cars a full import does not list deletes cars: that needs inventory:delete, not
 * just inventory:write (a salesperson may import, not empty the lot).
 */
function assertMayDeleteMissing(rules: { missing: MissingVehicleAction }, mayDelete: boolean): void {
  if (rules.missing === 'delete' && !mayDelete) {
    throw problems.forbidden(
      'Deleting the cars a full feed no longer lists needs the inventory:delete permission, which your role does not have: keep them, mark them sold or archive them instead.',
    );
  }
}
