import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const hashOf = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex');

/**
 * One acknowledgement per recipient address per UTC day, across all dealerships: anyone can type
 * someone else's address into dealers' forms, and must not make the platform mail them at will.
 * Only a SHA-256 of the address is kept, with the day.
 */
export class AcknowledgementLimit {
  constructor(private readonly db: Kysely<LeadsDatabase>) {}

  /** True when the address had no acknowledgement yet today; it now has one. */
  async reserve(address: string, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('acknowledgement_recipients')
      .ignore()
      .values({ day: dayOf(now), recipient_hash: hashOf(address) })
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The mail did not go out after all: the address may have its acknowledgement later today. */
  async release(address: string, now: Date): Promise<void> {
    await this.db
      .deleteFrom('acknowledgement_recipients')
      .where('day', '=', dayOf(now))
      .where('recipient_hash', '=', hashOf(address))
      .execute();
  }
}
