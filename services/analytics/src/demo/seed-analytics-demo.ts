import type { Kysely } from 'kysely';
import {
  ALL_DEMO_DEALERSHIPS,
  demoAnalyticsMonths,
  demoSourceCosts,
  generateDemoAnalytics,
} from '@showroom/demo-data';
import type { AnalyticsDatabase } from '../database';
import type { AnalyticsEngine } from '../engine/port';
import { AnalyticsSettingsRepository } from '../settings/settings-repository';

/** Events per append: the engine's bulk path, without one huge request to Elasticsearch. */
const BATCH = 5_000;

export interface AnalyticsDemoSeed {
  /** Events in the history (already stored ones are kept once). */
  events: number;
  /** Months of source costs entered, over every demo rooftop (months a dealer already has are left alone). */
  costMonths: number;
}

/**
 * Loads the demo rooftops' 90-day history into the engine and their monthly source costs into
 * MySQL, so the dashboard opens on believable numbers. Safe to run on every start: the events' ids
 * are stable (the engine keeps each once) and a month that already has costs keeps the dealer's.
 */
export async function seedAnalyticsDemo(
  deps: { engine: Pick<AnalyticsEngine, 'append'>; db: Kysely<AnalyticsDatabase> },
  now: Date,
): Promise<AnalyticsDemoSeed> {
  const events = generateDemoAnalytics({ now });
  for (let start = 0; start < events.length; start += BATCH) {
    await deps.engine.append(events.slice(start, start + BATCH));
  }
  const costs = new AnalyticsSettingsRepository(deps.db);
  let costMonths = 0;
  for (const dealership of ALL_DEMO_DEALERSHIPS) {
    for (const month of demoAnalyticsMonths(now)) {
      if (await costs.fillMonthIfEmpty(dealership.id, month, demoSourceCosts(dealership.id, month)))
        costMonths++;
    }
  }
  return { events: events.length, costMonths };
}
