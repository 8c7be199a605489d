import type { Kysely } from 'kysely';
import type { RetailSettings, RetailSettingsUpdate } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';
import type { TermsInvalidation } from './retail-terms-source';
import { RetailSettingsRepository, type StoredSettings } from './settings-repository';

export interface RetailSettingsServiceDeps {
  db: Kysely<RetailDatabase>;
  terms: TermsInvalidation;
  clock: () => Date;
}

const viewOf = (stored: StoredSettings): RetailSettings => ({
  ...stored.settings,
  version: stored.version,
  updatedAt: stored.updatedAt.toISOString(),
});

/**
 * A dealership's retail settings (fees, tax rules, credit tiers, lease residuals, reservation,
 * credit retention). The first read saves the defaults as version 1, so the portal always edits a
 * real version; every save is checked against the version the editor read (If-Match) and bumps it.
 */
export class RetailSettingsService {
  constructor(private readonly deps: RetailSettingsServiceDeps) {}

  async settings(dealershipId: string): Promise<RetailSettings> {
    return viewOf(await this.ensure(dealershipId));
  }

  /** `expectedVersion`: the version the editor last read; another one is a 412. */
  async update(
    dealershipId: string,
    expectedVersion: number,
    update: RetailSettingsUpdate,
  ): Promise<RetailSettings> {
    await this.ensure(dealershipId);
    const saved = await this.deps.db.transaction().execute(async (trx) => {
      const repository = new RetailSettingsRepository(trx);
      const current = await repository.find(dealershipId, true);
      if (!current) throw new Error(`retail settings of ${dealershipId} vanished inside their transaction`);
      if (current.version !== expectedVersion) {
        throw problems.preconditionFailed(
          `The retail settings were changed meanwhile (now version ${current.version}, you sent ${expectedVersion}); reload them and apply your change again.`,
        );
      }
      const next: StoredSettings = {
        settings: update,
        version: current.version + 1,
        updatedAt: this.deps.clock(),
      };
      await repository.save(dealershipId, next.settings, next.version, next.updatedAt);
      return next;
    });
    this.deps.terms.forget(dealershipId);
    return viewOf(saved);
  }

  private async ensure(dealershipId: string): Promise<StoredSettings> {
    const repository = new RetailSettingsRepository(this.deps.db);
    const found = await repository.find(dealershipId);
    if (found) return found;
    await repository.insertIfMissing(dealershipId, DEFAULT_RETAIL_SETTINGS);
    const inserted = await repository.find(dealershipId);
    if (!inserted) throw new Error(`retail settings of ${dealershipId} could not be created`);
    return inserted;
  }
}
