import type { Migration } from 'kysely/migration';
import { retail } from './0001_retail';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const retailMigrations: Record<string, Migration> = {
  '0001_retail': retail,
};
