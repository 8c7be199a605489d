import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  CreditTierTermsSchema,
  DealerFeesSchema,
  LeaseResidualSchema,
  ReservationTermsSchema,
  TaxRulesSchema,
  type RetailSettingsUpdate,
} from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { z } from 'zod';
import type { RetailDatabase, RetailSettingsTable } from '../database';

type RetailDb = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** A dealership's saved settings and the version that edits are checked against. */
export interface StoredSettings {
  settings: RetailSettingsUpdate;
  version: number;
  updatedAt: Date;
}

const json = <S extends z.ZodType>(schema: S, text: string): z.output<S> => schema.parse(JSON.parse(text));

function settingsOf(row: Selectable<RetailSettingsTable>): StoredSettings {
  return {
    settings: {
      fees: json(DealerFeesSchema, row.fees),
      tax: json(TaxRulesSchema, row.tax),
      creditTiers: json(z.array(CreditTierTermsSchema), row.credit_tiers),
      leaseResiduals: json(z.array(LeaseResidualSchema), row.lease_residuals),
      reservation: json(ReservationTermsSchema, row.reservation),
      creditApplicationRetentionDays: row.credit_retention_days,
    },
    version: row.version,
    updatedAt: row.updated_at,
  };
}

const columnsOf = (settings: RetailSettingsUpdate) => ({
  fees: JSON.stringify(settings.fees),
  tax: JSON.stringify(settings.tax),
  credit_tiers: JSON.stringify(settings.creditTiers),
  lease_residuals: JSON.stringify(settings.leaseResiduals),
  reservation: JSON.stringify(settings.reservation),
  credit_retention_days: settings.creditApplicationRetentionDays,
});

/** The SQL of `retail_settings`, one row per dealership (none: the defaults apply). */
export class RetailSettingsRepository {
  constructor(private readonly db: RetailDb) {}

  /** The saved settings, or null when the dealership has never had any; `lock` holds the row for the transaction. */
  async find(dealershipId: string, lock = false): Promise<StoredSettings | null> {
    const query = forDealership(this.db, dealershipId).selectFrom('retail_settings').selectAll();
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    return row ? settingsOf(row) : null;
  }

  /** Saves `settings` as version 1 unless the dealership already has a row (then nothing changes). */
  async insertIfMissing(dealershipId: string, settings: RetailSettingsUpdate): Promise<void> {
    await forDealership(this.db, dealershipId)
      .insertInto('retail_settings')
      .values({ ...columnsOf(settings), version: 1 })
      .orIgnore()
      .execute();
  }

  async save(dealershipId: string, settings: RetailSettingsUpdate, version: number, at: Date): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('retail_settings')
      .set({ ...columnsOf(settings), version, updated_at: at })
      .execute();
  }
}
