// `npm start` runs this before the service: create and migrate the retail schema, load the demo
// rooftops' retail settings, protection products and valuation grid (kept where a dealer changed them).
import { prepareSchema } from '@showroom/server-mysql';
import { loadRetailConfig } from './config';
import type { RetailDatabase } from './database';
import { seedRetailDemo } from './demo/seed-retail-demo';
import { retailMigrations } from './migrations';

prepareSchema<RetailDatabase>(loadRetailConfig().RETAIL_DATABASE_URL, retailMigrations, (db) =>
  seedRetailDemo(db),
).then(
  () => console.log('retail: schema migrated, demo retail settings seeded'),
  (error: unknown) => {
    console.error('retail seed failed:', error);
    process.exit(1);
  },
);
