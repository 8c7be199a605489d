// `npm start` runs this before the service: create and migrate the leads schema, load demo leads.
import { prepareSchema } from '@showroom/server-mysql';
import { loadLeadsConfig } from './config';
import type { LeadsDatabase } from './database';
import { seedDemoLeads } from './demo/seed-demo-leads';
import { leadsMigrations } from './migrations';

const databaseUrl = loadLeadsConfig().LEADS_DATABASE_URL;
prepareSchema<LeadsDatabase>(databaseUrl, leadsMigrations, (db) => seedDemoLeads(db, databaseUrl)).then(
  () => console.log('leads: schema migrated, demo leads seeded'),
  (error: unknown) => {
    console.error('leads seed failed:', error);
    process.exit(1);
  },
);
