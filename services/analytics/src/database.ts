import type { ColumnType } from 'kysely';
import type { AnalyticsConsentRule } from '@showroom/contracts';

/**
 * The analytics schema (`showroom_analytics`): what a dealership sets, never events (those live in
 * the engine). Every table belongs to one dealership.
 */

type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** A dealership's analytics settings; no row means the defaults (settings/defaults.ts). */
export interface AnalyticsSettingsTable {
  dealership_id: string;
  first_response_target_minutes: number;
  consent: AnalyticsConsentRule;
  /** Share of storefront visits tracked, 0.01–1. */
  sample_rate: number;
  updated_at: UpdatedAt;
}

/** What a dealer paid one lead source in one month, in cents (BIGINT: mysql2 may return a string). */
export interface SourceCostTable {
  dealership_id: string;
  /** YYYY-MM */
  month: string;
  source: string;
  cost_cents: ColumnType<number | string, number, number>;
}

export interface AnalyticsDatabase {
  analytics_settings: AnalyticsSettingsTable;
  source_costs: SourceCostTable;
}

/** Every table above: all of them belong to one dealership (the tenancy lint's list). */
export const ANALYTICS_TENANT_TABLES = [
  'analytics_settings',
  'source_costs',
] as const satisfies readonly (keyof AnalyticsDatabase)[];
