import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS, generateDemoVehicles, seedFromText } from '@showroom/demo-data';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import type { LeadsDatabase } from '../database';
import { leadsMigrations } from '../migrations';
import { demoSiteOrigin, seedDemoLeads } from './seed-demo-leads';

describe('demo leads', () => {
  let schema: TestSchema;
  let database: Database<LeadsDatabase>;

  beforeAll(async () => {
    schema = await createTestSchema('leads_demo');
    database = createDatabase<LeadsDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
    await migrateToLatest(database.writer, leadsMigrations);
  });
  afterAll(async () => {
    await database.close();
    await schema.drop();
  });

  it('registers each demo dealership with its website and files four leads, asking about cars on its lot, once', async () => {
    await seedDemoLeads(database.writer, schema.url);
    await seedDemoLeads(database.writer, schema.url);
    const { downtown } = DEMO_DEALERSHIPS;
    const settings = await database.writer
      .selectFrom('lead_settings')
      .select(['dealership_name', 'site_origins'])
      .where('dealership_id', '=', downtown.id)
      .executeTakeFirstOrThrow();
    expect(settings).toEqual({
      dealership_name: downtown.name,
      site_origins: JSON.stringify([demoSiteOrigin(downtown.slug)]),
    });
    const leads = await database.writer
      .selectFrom('leads')
      .select(['first_name', 'vehicle_stock'])
      .where('dealership_id', '=', downtown.id)
      .execute();
    const lot = generateDemoVehicles({ count: 4, seed: seedFromText(downtown.slug) }).map(
      (v) => v.stockNumber,
    );
    expect(Object.fromEntries(leads.map((l) => [l.first_name, l.vehicle_stock]))).toEqual({
      Maya: lot[0],
      Jordan: lot[1],
      Sam: lot[2],
      Lena: null,
    });
    const outbox = await database.writer
      .selectFrom('outbox')
      .select('type')
      .where('dealership_id', '=', downtown.id)
      .execute();
    expect(outbox.map((e) => e.type)).toEqual([
      'lead_created',
      'lead_created',
      'lead_created',
      'lead_created',
    ]);
  });
});
