import { sql, type Kysely, type Selectable } from 'kysely';
import {
  SyndicationSettingsSchema,
  type ExcludedVehicle,
  type SyndicationChannel,
  type SyndicationSettings,
} from '@showroom/contracts';
import { acrossDealerships, forDealership, type DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase, VehicleTable } from '../database';
import { recordMediaDeletion } from '../photos/media-deletions';

export type RunTrigger = 'change' | 'schedule' | 'manual' | 'settings';

export interface StoredSettings {
  settings: SyndicationSettings;
  secret: string;
  dirtySince: Date | null;
  /** Changed by every save and rotation: a run records its feeds only if the settings are still these. */
  updatedAt: Date;
  lastFullRunAt: Date | null;
}

export interface ChannelState {
  channel: SyndicationChannel;
  files: string[];
  included: number;
  excluded: ExcludedVehicle[];
  generatedAt: Date;
}

export interface RunRecord {
  channel: SyndicationChannel;
  trigger: RunTrigger;
  included: number;
  excluded: number;
  bytes: number;
  durationMs: number;
  finishedAt: Date;
}

/** A vehicle on the lot with its photos' key bases, the hero first. */
export interface LotVehicleRow {
  row: Selectable<VehicleTable>;
  photoKeyBases: string[];
}

/** MySQL 8 answers JSON columns parsed, MariaDB as text. */
function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** SQL for syndication: settings and secret, dirty marks, channel states, runs, and the lot as feeds read it. */
export class SyndicationRepository {
  constructor(private readonly writer: Kysely<InventoryDatabase>) {}

  /** `lock`: FOR UPDATE, for a run that must not overlap another of the dealership (or a rotation). */
  async settings(dealershipId: string, { lock = false } = {}): Promise<StoredSettings | undefined> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('syndication_settings')
      .select(['settings', 'feed_secret', 'dirty_since', 'updated_at', 'last_full_run_at'])
      .$if(lock, (query) => query.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      // Parsed again: defaults added to the schema later fill in for settings saved before.
      settings: SyndicationSettingsSchema.parse(fromJson(row.settings)),
      secret: row.feed_secret,
      dirtySince: row.dirty_since,
      updatedAt: row.updated_at,
      lastFullRunAt: row.last_full_run_at,
    };
  }

  /** Saves the settings, creating the row with `secret` when the dealership has none yet. */
  async saveSettings(dealershipId: string, settings: SyndicationSettings, secret: string): Promise<void> {
    const json = JSON.stringify(settings);
    await forDealership(this.writer, dealershipId)
      .insertInto('syndication_settings')
      .values({ settings: json, feed_secret: secret, dirty_since: null, last_full_run_at: null })
      .onDuplicateKeyUpdate({ settings: json, updated_at: new Date() })
      .execute();
  }

  /**
   * Replaces the secret and, in the same short transaction, records the deletion of everything under
   * the old one (`retiredPrefix(old)`): the S3 work happens after the commit, without the row lock, and
   * is retried until done. A run writing meanwhile sees the new secret when it records, and retires
   * what it wrote. The old secret, or null when the dealership has no settings.
   */
  async rotateSecret(
    dealershipId: string,
    secret: string,
    retiredPrefix: (oldSecret: string) => string,
  ): Promise<string | null> {
    return this.writer.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      const row = await tenant
        .selectFrom('syndication_settings')
        .select('feed_secret')
        .forUpdate()
        .executeTakeFirst();
      if (!row) return null;
      await tenant
        .updateTable('syndication_settings')
        .set({ feed_secret: secret, updated_at: new Date() })
        .execute();
      await recordMediaDeletion(tenant, retiredPrefix(row.feed_secret));
      return row.feed_secret;
    });
  }

  /** Marks the feeds of these dealerships as needing regeneration (those without settings have none). */
  async markDirty(dealershipIds: readonly string[]): Promise<void> {
    for (const dealershipId of new Set(dealershipIds)) {
      await forDealership(this.writer, dealershipId)
        .updateTable('syndication_settings')
        .set({ dirty_since: sql<Date>`COALESCE(dirty_since, CURRENT_TIMESTAMP(3))` })
        .execute();
    }
  }

  /**
   * Dealerships whose feeds are due: changed at least `debounceMs` ago, or not fully regenerated
   * for `fullIntervalMs`, and not waiting to retry after failed runs (else a `limit` of failing
   * dealerships, oldest first, would be picked every turn and starve the rest). Every dealership's
   * settings, in one statement: the scheduler serves all.
   */
  async due(
    debounceMs: number,
    fullIntervalMs: number,
    limit: number,
  ): Promise<Array<{ dealershipId: string; full: boolean }>> {
    const settled = sql<Date>`CURRENT_TIMESTAMP(3) - INTERVAL ${debounceMs * 1000} MICROSECOND`;
    const stale = sql<Date>`CURRENT_TIMESTAMP(3) - INTERVAL ${fullIntervalMs * 1000} MICROSECOND`;
    const rows = await acrossDealerships(this.writer)
      .selectFrom('syndication_settings')
      .select(['dealership_id'])
      .select(sql<number>`last_full_run_at IS NULL OR last_full_run_at <= ${stale}`.as('full'))
      .where((eb) =>
        eb.or([
          eb('dirty_since', '<=', settled),
          eb('last_full_run_at', 'is', null),
          eb('last_full_run_at', '<=', stale),
        ]),
      )
      .where((eb) =>
        eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', sql<Date>`CURRENT_TIMESTAMP(3)`)]),
      )
      .orderBy(sql`COALESCE(dirty_since, last_full_run_at)`)
      .limit(limit)
      .execute();
    return rows.map((row) => ({ dealershipId: row.dealership_id, full: Boolean(Number(row.full)) }));
  }

  /** After a run that read the lot at `startedAt`: changes made since stay marked. */
  async generated(dealershipId: string, startedAt: Date): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .updateTable('syndication_settings')
      .set({
        dirty_since: sql<Date | null>`IF(dirty_since <= ${startedAt}, NULL, dirty_since)`,
        last_full_run_at: startedAt,
        failures: 0,
        retry_at: null,
      })
      .execute();
  }
  /**
   * After a failed run: the dealership is left out of `due` until `retryInMs(failures)` has passed.
   * Answers how many runs in a row have failed.
   */
  async failed(dealershipId: string, retryInMs: (failures: number) => number): Promise<number> {
    const tenant = forDealership(this.writer, dealershipId);
    const row = await tenant.selectFrom('syndication_settings').select('failures').executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    await tenant
      .updateTable('syndication_settings')
      .set({
        failures,
        retry_at: sql<Date>`CURRENT_TIMESTAMP(3) + INTERVAL ${retryInMs(failures) * 1000} MICROSECOND`,
      })
      .execute();
    return failures;
  }

  /** Vehicles on the lot (available or pending) with their photos, the hero first, then in gallery order. */
  async lot(dealershipId: string): Promise<LotVehicleRow[]> {
    const tenant = forDealership(this.writer, dealershipId);
    const [rows, photos] = await Promise.all([
      tenant
        .selectFrom('vehicles')
        .selectAll()
        .where('status', 'in', ['available', 'pending'])
        .orderBy('created_at')
        .execute(),
      tenant
        .selectFrom('vehicle_photos')
        .select(['vehicle_id', 'key_base'])
        .orderBy('vehicle_id')
        .orderBy('position')
        .execute(),
    ]);
    const photosByVehicle = new Map<string, string[]>();
    for (const photo of photos) {
      const list = photosByVehicle.get(photo.vehicle_id);
      if (list) list.push(photo.key_base);
      else photosByVehicle.set(photo.vehicle_id, [photo.key_base]);
    }
    return rows.map((row) => {
      const keyBases = photosByVehicle.get(row.id) ?? [];
      const hero = row.hero_photo_key;
      return {
        row,
        photoKeyBases:
          hero && keyBases.includes(hero) ? [hero, ...keyBases.filter((key) => key !== hero)] : keyBases,
      };
    });
  }

  /** The channel's latest state and its run (the publisher's transaction makes them one). */
  async recordRun(dealershipId: string, state: ChannelState, run: RunRecord): Promise<void> {
    const tenant: DealershipQueries<InventoryDatabase> = forDealership(this.writer, dealershipId);
    const values = {
      files: JSON.stringify(state.files),
      included: state.included,
      excluded: JSON.stringify(state.excluded),
      generated_at: state.generatedAt,
    };
    await tenant
      .insertInto('syndication_channel_state')
      .values({ channel: state.channel, ...values })
      .onDuplicateKeyUpdate(values)
      .execute();
    await tenant
      .insertInto('syndication_runs')
      .values({
        channel: run.channel,
        trigger_kind: run.trigger,
        included: run.included,
        excluded: run.excluded,
        bytes: run.bytes,
        duration_ms: run.durationMs,
        finished_at: run.finishedAt,
      })
      .execute();
  }

  /** Forgets runs older than `days` (every dealership's): the channel states keep the latest reports. */
  async pruneRuns(days: number): Promise<number> {
    const result = await acrossDealerships(this.writer)
      .deleteFrom('syndication_runs')
      .where('finished_at', '<', sql<Date>`CURRENT_TIMESTAMP(3) - INTERVAL ${days} DAY`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** A channel turned off: its state goes (its files are deleted by the caller). */
  async forgetChannel(dealershipId: string, channel: SyndicationChannel): Promise<void> {
    await forDealership(this.writer, dealershipId)
      .deleteFrom('syndication_channel_state')
      .where('channel', '=', channel)
      .execute();
  }

  async channelStates(dealershipId: string): Promise<ChannelState[]> {
    const rows = await forDealership(this.writer, dealershipId)
      .selectFrom('syndication_channel_state')
      .selectAll()
      .execute();
    return rows.map((row) => ({
      channel: row.channel as SyndicationChannel,
      files: fromJson<string[]>(row.files),
      included: row.included,
      excluded: fromJson<ExcludedVehicle[]>(row.excluded),
      generatedAt: row.generated_at,
    }));
  }

  /** The newest run of each channel. */
  async latestRuns(dealershipId: string): Promise<RunRecord[]> {
    const tenant = forDealership(this.writer, dealershipId);
    const rows = await tenant
      .selectFrom('syndication_runs')
      .selectAll()
      .where(
        'id',
        'in',
        tenant
          .selectFrom('syndication_runs')
          .select(sql<number>`MAX(id)`.as('id'))
          .groupBy('channel'),
      )
      .execute();
    return rows.map((row) => ({
      channel: row.channel as SyndicationChannel,
      trigger: row.trigger_kind,
      included: row.included,
      excluded: row.excluded,
      bytes: row.bytes,
      durationMs: row.duration_ms,
      finishedAt: row.finished_at,
    }));
  }
}
