import type { Transaction } from 'kysely';
import type { RetailDatabase } from '../database';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';
import { RetailSettingsRepository } from './settings-repository';

/**
 * Holds the dealership's settings row (saving the defaults first when it has none) for the rest of
 * the transaction: changes of one dealership's menu or grid then happen one at a time.
 */
export async function lockRetailSettings(
  trx: Transaction<RetailDatabase>,
  dealershipId: string,
): Promise<void> {
  const settings = new RetailSettingsRepository(trx);
  await settings.insertIfMissing(dealershipId, DEFAULT_RETAIL_SETTINGS);
  await settings.find(dealershipId, true);
}
