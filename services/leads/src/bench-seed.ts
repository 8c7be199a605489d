// `npm run bench` runs this: the benchmark dealerships take leads, each with a known ADF ingest key.
import { prepareSchema } from '@showroom/server-mysql';
import { loadLeadsConfig } from './config';
import type { LeadsDatabase } from './database';
import { leadsMigrations } from './migrations';
import { ingestKeyHashOf } from './settings/ingest-keys';
import { SettingsRepository } from './settings/settings-repository';
import { defaultSettings } from './settings/settings-service';

const dealerships = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const benchDealershipId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// bench/src/run.ts posts ADF with the same keys.
const benchIngestKey = (dealershipId: string) => `srk_bench_${dealershipId}`;

prepareSchema<LeadsDatabase>(loadLeadsConfig().LEADS_DATABASE_URL, leadsMigrations, async (db) => {
  const settings = new SettingsRepository(db);
  for (let n = 1; n <= dealerships; n++) {
    const id = benchDealershipId(n);
    await settings.insertIfMissing(defaultSettings(id, `Bench Motors ${n}`, ['https://www.bench.example']));
    await settings.update(id, {
      ingest_key_hash: ingestKeyHashOf(benchIngestKey(id)),
      ingest_key_hint: 'ench',
      ack_enabled: false,
    });
  }
  console.log(`bench leads: ${dealerships} dealerships take leads`);
}).catch((error: unknown) => {
  console.error('bench seed failed:', error);
  process.exit(1);
});
