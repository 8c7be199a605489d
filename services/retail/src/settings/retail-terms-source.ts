import type { Kysely } from 'kysely';
import { PAYMENT_ESTIMATE_DISCLOSURE, type RetailTerms } from '@showroom/contracts';
import { LRUCache } from 'lru-cache';
import type { RetailDatabase } from '../database';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';
import { ProductRepository } from './product-repository';
import { RetailSettingsRepository } from './settings-repository';

/** How long another instance may quote with terms a dealer has just changed. */
export const TERMS_TTL_MS = 15_000;

export interface RetailTermsSourceOptions {
  /** Dealerships kept (each entry is a few kilobytes). */
  max?: number;
  ttlMs?: number;
}

/**
 * What a dealership's quotes are computed with now: its settings (the defaults until it saves its
 * own) and its active protection products. Kept briefly in memory so a warm quote reads no MySQL;
 * a change made through this instance forgets the dealership at once (`forget`), other instances
 * catch up within TERMS_TTL_MS. Concurrent first reads share one load.
 */
export class RetailTermsSource {
  private readonly cache: LRUCache<string, Promise<RetailTerms>>;

  constructor(
    private readonly db: Kysely<RetailDatabase>,
    options: RetailTermsSourceOptions = {},
  ) {
    this.cache = new LRUCache({ max: options.max ?? 2_000, ttl: options.ttlMs ?? TERMS_TTL_MS });
  }

  of(dealershipId: string): Promise<RetailTerms> {
    const key = dealershipId.toLowerCase();
    const cached = this.cache.get(key);
    if (cached) return cached;
    const loading = this.load(key);
    this.cache.set(key, loading);
    // A failed read is not remembered: the next quote tries again.
    loading.catch(() => {
      if (this.cache.get(key) === loading) this.cache.delete(key);
    });
    return loading;
  }

  /** The dealership's settings or products changed: the next quote reads them again. */
  forget(dealershipId: string): void {
    this.cache.delete(dealershipId.toLowerCase());
  }

  private async load(dealershipId: string): Promise<RetailTerms> {
    const [stored, products] = await Promise.all([
      new RetailSettingsRepository(this.db).find(dealershipId),
      new ProductRepository(this.db).list(dealershipId, { activeOnly: true }),
    ]);
    const settings = stored?.settings ?? DEFAULT_RETAIL_SETTINGS;
    return {
      dealershipId,
      currency: 'USD',
      fees: settings.fees,
      tax: settings.tax,
      creditTiers: settings.creditTiers,
      leaseResiduals: settings.leaseResiduals,
      products,
      reservation: settings.reservation,
      disclosure: PAYMENT_ESTIMATE_DISCLOSURE,
    };
  }
}

/** What changes to settings and products tell: the terms of that dealership are out of date. */
export interface TermsInvalidation {
  forget(dealershipId: string): void;
}
