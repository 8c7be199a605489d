import { createPool, type Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import { waitForLiveSites } from './site-states';

const DOWNTOWN = '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c01';
const NORTHSIDE = '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c02';
const RIVAL = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01';

describe('where the demo sites stand, read from the users schema', () => {
  let schema: TestSchema;
  let db: Pool;

  beforeAll(async () => {
    schema = await createTestSchema('dev_sites');
    db = createPool({ uri: schema.url, connectionLimit: 1 });
    // The columns the runner reads, as the users service's migrations (0001, 0004) create them.
    await db.query(`CREATE TABLE dealerships (id char(36) PRIMARY KEY, name varchar(120) NOT NULL,
      slug varchar(80) NOT NULL UNIQUE)`);
    await db.query(`CREATE TABLE website_provisioning (dealership_id char(36) PRIMARY KEY,
      state enum('pending','running','live','failed') NOT NULL)`);
    await db.query('INSERT INTO dealerships VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)', [
      DOWNTOWN,
      'Demo Motors Downtown',
      'demo-motors-downtown',
      NORTHSIDE,
      'Demo Motors Northside',
      'demo-motors-northside',
      RIVAL,
      'Rival Autos',
      'rival-autos',
    ]);
  });
  afterAll(async () => {
    await db.end();
    await schema.drop();
  });

  it('waits until every site is live, following provisioning as it goes, in the order asked', async () => {
    await db.query(`INSERT INTO website_provisioning VALUES (?, 'live'), (?, 'running')`, [
      NORTHSIDE,
      DOWNTOWN,
    ]);
    setTimeout(() => void db.query(`UPDATE website_provisioning SET state = 'live'`), 800);

    const sites = await waitForLiveSites(schema.url, [DOWNTOWN, NORTHSIDE], 10_000);

    expect(sites).toEqual([
      { dealershipId: DOWNTOWN, name: 'Demo Motors Downtown', slug: 'demo-motors-downtown', state: 'live' },
      {
        dealershipId: NORTHSIDE,
        name: 'Demo Motors Northside',
        slug: 'demo-motors-northside',
        state: 'live',
      },
    ]);
  });

  it('gives up after its time, saying where each site stands', async () => {
    await db.query(`UPDATE website_provisioning SET state = 'failed' WHERE dealership_id = ?`, [DOWNTOWN]);
    const started = Date.now();

    const sites = await waitForLiveSites(schema.url, [DOWNTOWN, RIVAL, NORTHSIDE], 1_200);

    expect(sites.map((site) => [site.slug, site.state])).toEqual([
      ['demo-motors-downtown', 'failed'],
      ['rival-autos', 'not requested'],
      ['demo-motors-northside', 'live'],
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });
});
