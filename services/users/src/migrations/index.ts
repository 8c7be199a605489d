import type { Migration } from 'kysely/migration';
import { peopleAndDealerships } from './0001_people_and_dealerships';
import { memberAvailability } from './0002_member_availability';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const usersMigrations: Record<string, Migration> = {
  '0001_people_and_dealerships': peopleAndDealerships,
  '0002_member_availability': memberAvailability,
};
