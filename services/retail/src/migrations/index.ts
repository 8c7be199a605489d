import type { Migration } from 'kysely/migration';
import { retail } from './0001_retail';
import { reservationHistory } from './0004_reservation_history';
import { dealLeadIndex } from './0005_deal_lead_index';
import { dealStartKey } from './0006_deal_start_key';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const retailMigrations: Record<string, Migration> = {
  '0001_retail': retail,
  '0004_reservation_history': reservationHistory,
  '0005_deal_lead_index': dealLeadIndex,
  '0006_deal_start_key': dealStartKey,
};
