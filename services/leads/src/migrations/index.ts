import type { Migration } from 'kysely/migration';
import { leads } from './0001_leads';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const leadsMigrations: Record<string, Migration> = {
  '0001_leads': leads,
};
