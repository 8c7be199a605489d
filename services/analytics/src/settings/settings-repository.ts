import type { Kysely } from 'kysely';
import type { AnalyticsSettings, AnalyticsSettingsInput, SourceCost } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { AnalyticsDatabase } from '../database';

/** A month's cost for one source, as the reports prorate them. */
export interface MonthlySourceCost extends SourceCost {
  /** YYYY-MM */
  month: string;
}

/** The SQL of `analytics_settings` (one row per dealership; none: the defaults) and `source_costs`. */
export class AnalyticsSettingsRepository {
  constructor(private readonly db: Kysely<AnalyticsDatabase>) {}

  /** The saved settings, or null when the dealership has never saved any. */
  async find(dealershipId: string): Promise<AnalyticsSettings | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('analytics_settings')
      .selectAll()
      .executeTakeFirst();
    if (!row) return null;
    return {
      firstResponseTargetMinutes: row.first_response_target_minutes,
      consent: row.consent,
      sampleRate: Number(row.sample_rate),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Inserts or replaces the dealership's row. */
  async save(dealershipId: string, input: AnalyticsSettingsInput, at: Date): Promise<void> {
    const columns = {
      first_response_target_minutes: input.firstResponseTargetMinutes,
      consent: input.consent,
      sample_rate: input.sampleRate,
      updated_at: at,
    };
    await forDealership(this.db, dealershipId)
      .insertInto('analytics_settings')
      .values(columns)
      .onDuplicateKeyUpdate(columns)
      .execute();
  }

  /** The costs entered for months `fromMonth` to `toMonth` (inclusive), by month then source. */
  async costsBetween(dealershipId: string, fromMonth: string, toMonth: string): Promise<MonthlySourceCost[]> {
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('source_costs')
      .select(['month', 'source', 'cost_cents'])
      .where('month', '>=', fromMonth)
      .where('month', '<=', toMonth)
      .orderBy('month')
      .orderBy('source')
      .execute();
    return rows.map((row) => ({ month: row.month, source: row.source, costCents: Number(row.cost_cents) }));
  }

  /**
   * Stores `costs` as the month's unless the month already has any (the demo seed: a dealer's own
   * entries are never overwritten by a later `npm start`). Whether it stored them.
   */
  async fillMonthIfEmpty(
    dealershipId: string,
    month: string,
    costs: readonly SourceCost[],
  ): Promise<boolean> {
    if (costs.length === 0) return false;
    return this.db.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      // Locks the month's range (InnoDB next-key lock), so two seeds cannot both find it empty.
      const existing = await tenant
        .selectFrom('source_costs')
        .select('source')
        .where('month', '=', month)
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (existing) return false;
      await tenant
        .insertInto('source_costs')
        .values(costs.map((cost) => ({ month, source: cost.source, cost_cents: cost.costCents })))
        .execute();
      return true;
    });
  }

  /** Replaces the month's costs with `costs` (in one transaction: a reader sees the old or the new). */
  async replaceMonth(dealershipId: string, month: string, costs: readonly SourceCost[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      await tenant.deleteFrom('source_costs').where('month', '=', month).execute();
      if (costs.length === 0) return;
      await tenant
        .insertInto('source_costs')
        .values(costs.map((cost) => ({ month, source: cost.source, cost_cents: cost.costCents })))
        .execute();
    });
  }
}
