import { createHash, randomBytes } from 'node:crypto';
import { INGEST_KEY_PREFIX, type IngestKey } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { SettingsRepository } from './settings-repository';

export const ingestKeyHashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The secret a lead provider posts ADF with. Only its SHA-256 is stored, so a database dump does
 * not hand out working keys; rotating replaces the old key at once.
 */
export class IngestKeys {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async rotate(dealershipId: string): Promise<IngestKey> {
    const ingestKey = `${INGEST_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const rotatedAt = this.clock();
    const rotated = await this.settings.update(dealershipId, {
      ingest_key_hash: ingestKeyHashOf(ingestKey),
      ingest_key_hint: ingestKey.slice(-4),
      ingest_key_rotated_at: rotatedAt,
      updated_at: rotatedAt,
    });
    if (!rotated) throw problems.notFound('Lead settings of this dealership');
    return { ingestKey, rotatedAt: rotatedAt.toISOString() };
  }

  /** The dealership a key belongs to, or null for an unknown or rotated-out key. */
  async dealershipOf(key: string): Promise<string | null> {
    if (!key.startsWith(INGEST_KEY_PREFIX) || key.length > 200) return null;
    return this.settings.dealershipOfKeyHash(ingestKeyHashOf(key));
  }
}
