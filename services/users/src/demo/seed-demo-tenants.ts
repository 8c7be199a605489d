import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import { ALL_DEMO_DEALERSHIPS, ALL_DEMO_USERS, DEMO_GROUP } from '@showroom/demo-data';
import type { UsersDatabase } from '../database';

/** Idempotent: running it twice leaves the same demo tenants. */
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
