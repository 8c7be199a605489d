// `npm start` runs this before the service: create and migrate the analytics schema, then load the
// demo rooftops' 90-day history into the engine (the same DuckDB file the service opens next; DuckDB
// allows one process at a time, so this runs to the end first) and their monthly source costs. Safe
// to run on every start: event ids are stable and a month a dealer already entered is kept.
import { createLogger } from '@showroom/server-kit';
import { prepareSchema } from '@showroom/server-mysql';
import { loadAnalyticsConfig } from './config';
import type { AnalyticsDatabase } from './database';
import { seedAnalyticsDemo } from './demo/seed-analytics-demo';
import { composeEngine } from './engine/compose-engine';
import { analyticsMigrations } from './migrations';

async function seed(): Promise<string> {
  const config = loadAnalyticsConfig();
  // The script ships in the image (beside main.js, whose ENV says production); run there by mistake
  // it must not write 90 days of invented history into real dealerships' analytics. A developer's
  // own Elasticsearch (docker compose --profile analytics) may be seeded.
  if (config.NODE_ENV === 'production') {
    throw new Error('the demo seed is for development machines: it refuses NODE_ENV=production');
  }
  const engine = composeEngine(config, createLogger('analytics-seed', 'warn'));
  try {
    await engine.ready();
    let summary = '';
    await prepareSchema<AnalyticsDatabase>(config.ANALYTICS_DATABASE_URL, analyticsMigrations, async (db) => {
      const seeded = await seedAnalyticsDemo({ engine, db }, new Date());
      summary = `${seeded.events} demo events (each stored once), ${seeded.costMonths} new months of source costs`;
    });
    return summary;
  } finally {
    await engine.close();
  }
}

seed().then(
  (summary) => console.log(`analytics: schema migrated, ${summary}`),
  (error: unknown) => {
    console.error('analytics seed failed:', error);
    process.exit(1);
  },
);
