import type { Migration } from 'kysely/migration';
import { vehicles } from './0001_vehicles';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const inventoryMigrations: Record<string, Migration> = {
  '0001_vehicles': vehicles,
};
