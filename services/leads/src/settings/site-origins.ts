import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';

const TTL_MS = 30_000;

/**
 * The website origins each dealership allows to post its forms, kept for 30 s per instance:
 * preflights and posts would otherwise read MySQL on every form view.
 */
export class SiteOrigins {
  private readonly cache = new Map<string, { origins: readonly string[] | null; until: number }>();

  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null when no dealership takes leads under this id. */
  async of(dealershipId: string): Promise<readonly string[] | null> {
    const hit = this.cache.get(dealershipId);
    if (hit && hit.until > this.now()) return hit.origins;
    const row = await this.db
      .selectFrom('lead_settings')
      .select('site_origins')
      .where('dealership_id', '=', dealershipId)
      .executeTakeFirst();
    const origins = row ? (JSON.parse(row.site_origins) as string[]) : null;
    this.cache.set(dealershipId, { origins, until: this.now() + TTL_MS });
    return origins;
  }

  forget(dealershipId: string): void {
    this.cache.delete(dealershipId);
  }
}
