import type { Migration } from 'kysely/migration';
import { analytics } from './0001_analytics';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const analyticsMigrations: Record<string, Migration> = {
  '0001_analytics': analytics,
};
