// `npm start` runs this before the service: create and migrate the analytics schema. The demo
// dealerships keep the default settings until a dealer saves their own; their event history is
// loaded by the service itself (demo/), since it lives in the engine, not in MySQL.
import { prepareSchema } from '@showroom/server-mysql';
import { loadAnalyticsConfig } from './config';
import type { AnalyticsDatabase } from './database';
import { analyticsMigrations } from './migrations';

prepareSchema<AnalyticsDatabase>(loadAnalyticsConfig().ANALYTICS_DATABASE_URL, analyticsMigrations).then(
  () => console.log('analytics: schema migrated'),
  (error: unknown) => {
    console.error('analytics seed failed:', error);
    process.exit(1);
  },
);
