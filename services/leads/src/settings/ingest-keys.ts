import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { INGEST_KEY_PREFIX, type IngestKey } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { LeadsDatabase } from '../database';

export const ingestKeyHashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The secret a lead provider posts ADF with. Only its SHA-256 is stored, so a database dump does
 * not hand out working keys; rotating replaces the old key at once.
 */
export class IngestKeys {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async rotate(dealershipId: string): Promise<IngestKey> {
    const ingestKey = `${INGEST_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const rotatedAt = this.clock();
    const result = await this.db
      .updateTable('lead_settings')
      .set({
        ingest_key_hash: ingestKeyHashOf(ingestKey),
        ingest_key_hint: ingestKey.slice(-4),
        ingest_key_rotated_at: rotatedAt,
        updated_at: rotatedAt,
      })
      .where('dealership_id', '=', dealershipId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw problems.notFound('Lead settings of this dealership');
    return { ingestKey, rotatedAt: rotatedAt.toISOString() };
  }

  /** The dealership a key belongs to, or null for an unknown or rotated-out key. */
  async dealershipOf(key: string): Promise<string | null> {
    if (!key.startsWith(INGEST_KEY_PREFIX) || key.length > 200) return null;
    const row = await this.db
      .selectFrom('lead_settings')
      .select('dealership_id')
      .where('ingest_key_hash', '=', ingestKeyHashOf(key))
      .executeTakeFirst();
    return row?.dealership_id ?? null;
  }
}
