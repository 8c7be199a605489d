import type { Migration } from 'kysely/migration';
import { peopleAndDealerships } from './0001_people_and_dealerships';
import { memberAvailability } from './0002_member_availability';
import { dealerWebsites } from './0003_dealer_websites';
import { websiteProvisioning } from './0004_website_provisioning';
import { unservedDomains } from './0005_unserved_domains';
import { financeRole } from './0006_finance_role';
import { teamAdministration } from './0007_team_administration';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const usersMigrations: Record<string, Migration> = {
  '0001_people_and_dealerships': peopleAndDealerships,
  '0002_member_availability': memberAvailability,
  '0003_dealer_websites': dealerWebsites,
  '0004_website_provisioning': websiteProvisioning,
  '0005_unserved_domains': unservedDomains,
  '0006_finance_role': financeRole,
  '0007_team_administration': teamAdministration,
};
