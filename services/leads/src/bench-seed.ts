// `npm run bench` runs this: the benchmark dealerships take leads, each with a known ADF ingest key,
// and hold BENCH_LEADS_PER_DEALERSHIP leads already (none by default), for the inbox reads.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LEAD_STATUSES } from '@showroom/contracts';
import { forDealership, prepareSchema } from '@showroom/server-mysql';
import { loadLeadsConfig } from './config';
import type { LeadsDatabase } from './database';
import { leadsMigrations } from './migrations';
import { ingestKeyHashOf } from './settings/ingest-keys';
import { SettingsRepository } from './settings/settings-repository';
import { defaultSettings } from './settings/settings-service';

const dealerships = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const leadsPerDealership = Number(process.env['BENCH_LEADS_PER_DEALERSHIP'] ?? 0);
const DAY_MS = 86_400_000;

/** `count` leads of the last 60 days, every status, as the inbox of a busy rooftop holds them. */
async function seedLeads(db: Kysely<LeadsDatabase>, dealershipId: string, count: number): Promise<void> {
  const now = Date.now();
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const n = start + i;
      const status = LEAD_STATUSES[n % LEAD_STATUSES.length] ?? 'new';
      const at = new Date(now - ((n * 7919) % 60) * DAY_MS - (n % 86_400) * 1000);
      return {
        id: randomUUID(),
        status,
        lost_reason: status === 'lost' ? ('no_response' as const) : null,
        channel: n % 3 === 0 ? ('adf' as const) : ('website' as const),
        source: n % 3 === 0 ? 'BenchMarket' : 'website',
        first_name: 'Seeded',
        last_name: `Shopper ${n}`,
        email: `seeded-${n}@bench.example`,
        email_norm: `seeded-${n}@bench.example`,
        phone_norm: `1380${String(n).padStart(7, '0')}`,
        message: 'Is it still available?',
        last_activity_at: at,
        created_at: at,
        updated_at: at,
      };
    });
    await forDealership(db, dealershipId).insertInto('leads').values(rows).execute();
  }
}
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
    await seedLeads(db, id, leadsPerDealership);
  }
  console.log(`bench leads: ${dealerships} dealerships take leads, ${leadsPerDealership} leads each`);
}).catch((error: unknown) => {
  console.error('bench seed failed:', error);
  process.exit(1);
});
