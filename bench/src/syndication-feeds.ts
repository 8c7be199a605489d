// How long one dealership's syndication feeds take for 5,000 cars with 8 photos each: the whole run
// as the scheduler does it (MySQL read under the settings lock, the web-ready rule, the Google TSV,
// Meta CSV and XML and marketplace CSV, four puts to a local S3, the runs recorded), and the pure
// generation alone (the same cars in memory, no I/O). Goal (issue 10): ≤ 2 s for 5,000 cars.
// Run alone: `npx tsx --tsconfig tsconfig.base.json bench/src/syndication-feeds.ts`.
// BENCH_FEED_VEHICLES (5000), BENCH_FEED_RUNS (5).
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { SYNDICATION_CHANNELS, SyndicationSettingsSchema } from '@showroom/contracts';
import { generateDemoVehicles } from '@showroom/demo-data';
import { createDatabase, forDealership, migrateToLatest } from '@showroom/server-mysql';
import { createS3ObjectStore, LOCAL_MEDIA_BUCKET, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import { createTestSchema, startS3Local } from '@showroom/server-testing';
/* eslint-disable @nx/enforce-module-boundaries -- measures the inventory service's feed generation in-process; not a runtime dependency */
import type { InventoryDatabase } from '../../services/inventory/src/database';
import { insertGeneratedVehicles } from '../../services/inventory/src/demo/insert-generated-vehicles';
import { inventoryMigrations } from '../../services/inventory/src/migrations';
import { photoUrlsAt } from '../../services/inventory/src/photos/photo-keys';
import { CHANNEL_FILES, channelRule } from '../../services/inventory/src/syndication/channels';
import { FeedPublisher, feedVehicleOf } from '../../services/inventory/src/syndication/feed-publisher';
import type { FeedContext } from '../../services/inventory/src/syndication/feed-vehicle';
import { SyndicationRepository } from '../../services/inventory/src/syndication/repository';
import { selectForFeed } from '../../services/inventory/src/syndication/web-ready';

const VEHICLES = Number(process.env['BENCH_FEED_VEHICLES'] ?? 5000);
const RUNS = Number(process.env['BENCH_FEED_RUNS'] ?? 5);
const PHOTOS_PER_VEHICLE = 8;
const MEDIA = 'https://media.example.com';

export interface FeedBenchResult {
  vehicles: number;
  bytes: number;
  /** Fastest and median of RUNS, in ms. */
  endToEnd: { fastestMs: number; medianMs: number };
  pureGeneration: { fastestMs: number; medianMs: number };
  /** This process's CPU (user + system) per run, fastest; with s3rver in-process it includes S3's side. */
  cpuMs: { endToEnd: number; pureGeneration: number };
  files: Array<{ name: string; fastestMs: number; medianMs: number }>;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { fastestMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)] };
};

export async function measureFeedGeneration(): Promise<FeedBenchResult> {
  const schema = await createTestSchema('feed_bench');
  const database = createDatabase<InventoryDatabase>({
    writerUrl: schema.url,
    readerUrls: [],
    connectionLimit: 4,
  });
  const s3 = await startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] });
  try {
    await migrateToLatest(database.writer, inventoryMigrations);
    const dealershipId = randomUUID();
    await insertGeneratedVehicles(
      database.writer,
      dealershipId,
      generateDemoVehicles({ count: VEHICLES, seed: 42 }),
      new Date(),
    );
    const tenant = forDealership(database.writer, dealershipId);
    const ids = (await tenant.selectFrom('vehicles').select('id').execute()).map((row) => row.id);
    for (let start = 0; start < ids.length; start += 500) {
      const rows = ids.slice(start, start + 500).flatMap((vehicleId) =>
        Array.from({ length: PHOTOS_PER_VEHICLE }, (_, position) => {
          const hash = randomUUID().replace(/-/g, '').padEnd(64, '0');
          return {
            id: randomUUID(),
            vehicle_id: vehicleId,
            position,
            content_hash: hash,
            key_base: `photos/${dealershipId}/${vehicleId}/${hash.slice(0, 16)}`,
            width: 1920,
            height: 1280,
            bytes: 350_000,
            source: 'upload' as const,
          };
        }),
      );
      await tenant.insertInto('vehicle_photos').values(rows).execute();
    }
    await tenant.updateTable('vehicles').set({ photo_count: PHOTOS_PER_VEHICLE }).execute();

    const settings = SyndicationSettingsSchema.parse({
      channels: { google: true, meta: true, marketplace: true },
      storeCode: 'BENCH-1',
      address: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701' },
    });
    await new SyndicationRepository(database.writer).saveSettings(dealershipId, settings, 'bench-secret');
    const publisher = new FeedPublisher({
      writer: database.writer,
      objects: createS3ObjectStore({
        bucket: LOCAL_MEDIA_BUCKET,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        credentials: { ...LOCAL_S3_CREDENTIALS },
      }),
      rooftops: {
        rooftop: async (id) => ({ id, name: 'Bench Motors', groupId: null, groupName: null }),
        rooftopsOfGroup: async () => [],
      },
      photoUrls: photoUrlsAt(MEDIA),
      mediaPublicUrl: MEDIA,
      defaultWebsiteUrl: 'https://{dealershipId}.sites.showroom.dev',
    });

    const endToEnd: number[] = [];
    const endToEndCpu: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= RUNS; run++) {
      const began = performance.now();
      const cpu = process.cpuUsage();
      const result = await publisher.generate(dealershipId, 'manual');
      const ms = performance.now() - began;
      bytes = result?.channels.reduce((sum, c) => sum + c.bytes, 0) ?? 0;
      if (run > 0) {
        endToEnd.push(ms); // the first run warms the JIT and the pools
        endToEndCpu.push(cpuMsSince(cpu));
      }
    }

    // The same cars in memory: what the generators and the rule cost without MySQL or S3.
    const urls = photoUrlsAt(MEDIA);
    const now = new Date();
    const cars = (await new SyndicationRepository(database.writer).lot(dealershipId)).map((lot) =>
      feedVehicleOf(lot, now, urls),
    );
    const context: FeedContext = {
      dealershipId,
      dealershipName: 'Bench Motors',
      storeCode: 'BENCH-1',
      address: settings.address,
      vehicleUrl: (id) => `https://bench.example/vehicles/${id}`,
    };
    const pure: number[] = [];
    const pureCpu: number[] = [];
    const perFile: Record<string, number[]> = {};
    for (let run = 0; run <= RUNS; run++) {
      const began = performance.now();
      const cpu = process.cpuUsage();
      for (const channel of SYNDICATION_CHANNELS) {
        const { included } = selectForFeed(cars, channelRule(channel, settings.webReady));
        for (const file of CHANNEL_FILES[channel]) {
          const fileBegan = performance.now();
          file.generate(included, context);
          if (run > 0) (perFile[file.name] ??= []).push(performance.now() - fileBegan);
        }
      }
      if (run > 0) {
        pure.push(performance.now() - began);
        pureCpu.push(cpuMsSince(cpu));
      }
    }
    return {
      vehicles: ids.length,
      bytes,
      endToEnd: stats(endToEnd),
      pureGeneration: stats(pure),
      cpuMs: { endToEnd: Math.min(...endToEndCpu), pureGeneration: Math.min(...pureCpu) },
      files: Object.entries(perFile).map(([name, ms]) => ({ name, ...stats(ms) })),
    };
  } finally {
    await database.close();
    await s3.close();
    await schema.drop();
  }
}

export function formatFeedTable(result: FeedBenchResult): string {
  const row = (name: string, s: { fastestMs: number; medianMs: number }, cpuMs?: number) =>
    `${name.padEnd(52)}${s.fastestMs.toFixed(0).padStart(9)}${s.medianMs.toFixed(0).padStart(10)}${cpuMs === undefined ? '' : cpuMs.toFixed(0).padStart(9)}`;
  return [
    `Syndication feeds, ${result.vehicles.toLocaleString('en-US')} cars × ${PHOTOS_PER_VEHICLE} photos, 4 files, ${(result.bytes / 1e6).toFixed(1)} MB (goal ≤ 2000 ms)`,
    `${'case'.padEnd(52)}${'fastest'.padStart(9)}${'median'.padStart(10)}${'cpu'.padStart(9)}  (ms, ${RUNS} runs; cpu: this process, fastest)`,
    row('whole run: MySQL, rule, 4 files, S3 puts, runs kept', result.endToEnd, result.cpuMs.endToEnd),
    row(
      'generation alone (rules and 4 files, in memory)',
      result.pureGeneration,
      result.cpuMs.pureGeneration,
    ),
    ...result.files.map((file) => row(`  of which ${file.name}`, file)),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureFeedGeneration()
    .then((result) => console.log(formatFeedTable(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
