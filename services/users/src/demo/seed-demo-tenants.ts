import { sql, type Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import {
  ALL_DEMO_DEALERSHIPS,
  ALL_DEMO_USERS,
  ALL_DEMO_WEBSITES,
  DEMO_GROUP,
  type DemoWebsite,
} from '@showroom/demo-data';
import type { UsersDatabase } from '../database';
import { requestProvisioning } from '../provisioning/requests';
import { websiteRepository } from '../websites/repository';

/**
 * Idempotent: running it twice leaves the same demo tenants. A demo website is written once and then
 * left to the portal (a dealer's edits survive restarts); each run asks for every demo site to be
 * provisioned again, so `npm start` publishes them all (re-running provisioning is harmless).
 */
export async function seedDemoTenants(db: Kysely<UsersDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dealer_groups')
      .values({ id: DEMO_GROUP.id, name: DEMO_GROUP.name })
      .onDuplicateKeyUpdate({ name: DEMO_GROUP.name })
      .execute();
    for (const d of ALL_DEMO_DEALERSHIPS) {
      const row = {
        id: d.id,
        dealer_group_id: d.dealerGroupId,
        name: d.name,
        slug: d.slug,
        city: d.city,
        region: d.region,
        time_zone: d.timeZone,
      };
      await trx.insertInto('dealerships').values(row).onDuplicateKeyUpdate(row).execute();
    }
    for (const website of ALL_DEMO_WEBSITES) await seedWebsite(trx, website);
    for (const u of ALL_DEMO_USERS) {
      await trx
        .insertInto('users')
        .values({ id: u.id, email: u.email, name: u.name })
        .onDuplicateKeyUpdate({ email: u.email, name: u.name })
        .execute();
      for (const m of u.memberships) {
        await forDealership(trx, m.dealershipId)
          .insertInto('memberships')
          .values({ user_id: u.id, role: m.role })
          .onDuplicateKeyUpdate({ role: m.role })
          .execute();
      }
    }
  });
}

async function seedWebsite(trx: Kysely<UsersDatabase>, website: DemoWebsite): Promise<void> {
  const { dealershipId, address } = website;
  // Written while the dealership has no street address yet: an address set in the portal stays.
  await trx
    .updateTable('dealerships')
    .set({
      street: address.street,
      city: address.city,
      region: address.region,
      postal_code: address.postalCode,
      country: address.country,
      phone: sql<string>`COALESCE(phone, ${website.phone})`,
    })
    .where('id', '=', dealershipId)
    .where('street', 'is', null)
    .execute();
  await forDealership(trx, dealershipId)
    .insertInto('websites')
    .values({
      tagline: website.tagline,
      email: website.email,
      hours: JSON.stringify(website.hours),
      brand_colour: website.theme.brandColour,
      accent_colour: website.theme.accentColour,
      custom_domains: '[]',
    })
    .ignore()
    .execute();
  const stored = await websiteRepository.findWebsite(trx, dealershipId);
  if (stored) await requestProvisioning(trx, dealershipId, stored.version);
}
