// Merchandising speed: a 10,000-row CSV imported (time and the service's peak memory, and how soon
// search has every car), a 12-megapixel JPEG uploaded until all its variants are kept, and every
// syndication feed of 5,000 vehicles generated (bench/src/syndication-feeds.ts). Each figure is
// printed beside a baseline measured in the same run: the same file parsed by csv-parse alone, the
// same photo's variants made by sharp alone, the feeds' generators alone without MySQL and S3. Part of `npm run bench`; `npm run bench:merchandising` runs
// it alone (bench/src/merchandising-run.ts). Environment: BENCH_IMPORT_ROWS (10000), BENCH_PHOTOS (5),
// BENCH_FEED_VEHICLES (5000).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import sharp from 'sharp';
import { API_AUDIENCE, READ_DEALERSHIPS_SCOPE } from '@showroom/contracts';
import { generateDemoVehicles } from '@showroom/demo-data';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { dropSchema, ensureSchema } from '@showroom/server-mysql';
import { LOCAL_MEDIA_BUCKET } from '@showroom/server-storage';
import { startS3Local, startTestIssuer } from '@showroom/server-testing';
import { startInventory } from './inventory-instances';
import { median } from './load';
import { mebibytes, residentBytes } from './process-memory';
import { benchDealership } from './processes';
import { formatFeedTable, measureFeedGeneration } from './syndication-feeds';
import { startUsersDirectory } from './users-directory';

const IMPORT_ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 10_000);
const PHOTOS = Number(process.env['BENCH_PHOTOS'] ?? 5);
const SCHEMA = 'showroom_bench_merchandising';
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
const GOALS = { importSeconds: 15, photoSeconds: 1.5 };
/** The photo pipeline's variants (services/inventory/src/photos/image-pipeline.ts): three sizes, two formats. */
const VARIANT_SIDES = [320, 800, 1920];
export interface MerchandisingOptions {
  mysqlUrl: string;
  redisUrl: string;
  port: number;
  usersPort: number;
}

interface Measured {
  name: string;
  seconds: number;
  baselineName: string;
  baselineSeconds: number;
  goalSeconds: number;
  detail: string;
}

type GeneratedVehicle = ReturnType<typeof generateDemoVehicles>[number];

const money = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : `$${(cents / 100).toFixed(2)}`;

/** What the bench's file puts in each field, written the way spreadsheets write them. */
const IMPORTED_FIELDS: Record<string, (v: GeneratedVehicle, row: number) => string> = {
  vin: (v) => v.vin,
  stockNumber: (_v, row) => `B${String(row + 1).padStart(6, '0')}`,
  condition: (v) => v.condition,
  year: (v) => String(v.year),
  make: (v) => v.make,
  model: (v) => v.model,
  trim: (v) => v.trim ?? '',
  bodyStyle: (v) => v.bodyStyle ?? '',
  exteriorColor: (v) => v.exteriorColor ?? '',
  mileage: (v) => v.mileage.toLocaleString('en-US'),
  price: (v) => money(v.priceCents),
  msrp: (v) => money(v.msrpCents),
  description: (v) => `Clean, one owner, "${v.make} ${v.model}", ready to go`,
};

/** A dealer's export in the layout of the service's Showroom preset, with a BOM and CRLF as Excel writes it. */
function writeImportFile(directory: string, columns: Record<string, string>): string {
  const fields = Object.keys(IMPORTED_FIELDS).filter((field) => columns[field]);
  const vehicles = generateDemoVehicles({ count: IMPORT_ROWS, seed: 4242, serialOffset: 900_000 });
  const rows = vehicles.map((v, i) => fields.map((field) => IMPORTED_FIELDS[field]?.(v, i) ?? ''));
  const file = join(directory, 'inventory.csv');
  const header = fields.map((field) => columns[field] as string);
  writeFileSync(file, `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`);
  return file;
}

async function csvParseAlone(file: string): Promise<number> {
  const started = performance.now();
  let rows = 0;
  const parser = parse(readFileSync(file), { bom: true, columns: true });
  for await (const _record of parser) rows++;
  if (rows !== IMPORT_ROWS) throw new Error(`baseline parsed ${rows} rows`);
  return (performance.now() - started) / 1000;
}

const noise = (width: number, height: number, sigma: number): Promise<Buffer> =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 0, g: 0, b: 0 },
      noise: { type: 'gaussian', mean: 128, sigma },
    },
  })
    .png()
    .toBuffer();

/** A 12 MP photo that compresses like a real one (smooth areas and fine grain), different each call. */
async function twelveMegapixelJpeg(seed: number): Promise<Buffer> {
  const [width, height] = [4000, 3000];
  const coarse = await sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: 40 + seed * 20, g: 90, b: 140 } },
  })
    .composite([{ input: await noise(400, 300, 60), blend: 'overlay' }])
    .png()
    .toBuffer();
  return sharp(coarse)
    .resize(width, height, { kernel: 'cubic' })
    .composite([{ input: await noise(width, height, 12), blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function sharpAlone(photo: Buffer): Promise<number> {
  const started = performance.now();
  const base = sharp(photo).autoOrient();
  await Promise.all(
    VARIANT_SIDES.flatMap((side) =>
      [
        base.clone().resize({ width: side, height: side, fit: 'inside' }).webp({ quality: 80, effort: 2 }),
        base.clone().resize({ width: side, height: side, fit: 'inside' }).jpeg({ quality: 82 }),
      ].map((image) => image.toBuffer()),
    ),
  );
  return (performance.now() - started) / 1000;
}

async function call<T>(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Polls the import until it ends, sampling the service's memory meanwhile; returns the peak RSS. */
async function followImport(url: string, headers: Record<string, string>, pid: number | undefined) {
  let peak = residentBytes(pid) ?? 0;
  for (;;) {
    const job = await call<{ status: string; counts: Record<string, number>; issueCount: number }>(url, {
      headers,
    });
    peak = Math.max(peak, residentBytes(pid) ?? 0);
    if (job.status === 'succeeded') return { job, peak };
    if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function importOnce(
  base: string,
  headers: Record<string, string>,
  file: string,
  pid: number | undefined,
): Promise<{ seconds: number; peak: number; counts: Record<string, number>; issues: number }> {
  const started = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(readFileSync(file))], { type: 'text/csv' }), 'inventory.csv');
  const upload = await call<{ job: { id: string }; suggestedMapping: Record<string, string | null> }>(
    `${base}/api/inventory/imports`,
    { method: 'POST', body: form, headers },
  );
  await call(`${base}/api/inventory/imports/${upload.job.id}/start`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      // The mapping the service suggests for this header row (its Showroom preset).
      mapping: upload.suggestedMapping,
      rules: { mode: 'partial', missing: 'keep', locked: [] },
    }),
  });
  const { job, peak } = await followImport(`${base}/api/inventory/imports/${upload.job.id}`, headers, pid);
  return { seconds: (performance.now() - started) / 1000, peak, counts: job.counts, issues: job.issueCount };
}

/** Seconds until the list (the embedded search index, not its MySQL fallback) counts `expected` cars. */
async function secondsUntilSearchable(base: string, headers: Record<string, string>, expected: number) {
  const started = performance.now();
  while (performance.now() - started < 300_000) {
    const response = await fetch(`${base}/api/inventory/vehicles?pageSize=1`, { headers });
    const { total } = (await response.json()) as { total: number };
    if (total >= expected && !response.headers.has('search-fallback'))
      return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return NaN;
}

async function measureImport(base: string, headers: Record<string, string>, pid: number | undefined) {
  const directory = mkdtempSync(join(tmpdir(), 'showroom-bench-import-'));
  const presets = await call<{ items: Array<{ id: string; mapping: Record<string, string> }> }>(
    `${base}/api/inventory/imports/presets`,
    { headers },
  );
  const showroom = presets.items.find((preset) => preset.id === 'showroom');
  if (!showroom) throw new Error('the service has no Showroom import preset');
  const file = writeImportFile(directory, showroom.mapping);
  const idle = residentBytes(pid);
  const first = await importOnce(base, headers, file, pid);
  const searchable = await secondsUntilSearchable(base, headers, IMPORT_ROWS);
  const again = await importOnce(base, headers, file, pid);
  const baseline = await csvParseAlone(file);
  const kib = readFileSync(file).length / 1024;
  const measured: Measured[] = [
    {
      name: `CSV import, ${IMPORT_ROWS.toLocaleString('en-US')} rows (${(kib / 1024).toFixed(1)} MB), all new`,
      seconds: first.seconds,
      baselineName: 'csv-parse alone, same file',
      baselineSeconds: baseline,
      goalSeconds: GOALS.importSeconds,
      detail:
        `created ${first.counts['created']}, skipped ${first.counts['skipped']}; service RSS ${mebibytes(idle)} idle, ` +
        `peak ${mebibytes(first.peak)}; all in search ${searchable.toFixed(1)} s after the import ended`,
    },
    {
      name: 'the same file again (nothing changes)',
      seconds: again.seconds,
      baselineName: 'csv-parse alone, same file',
      baselineSeconds: baseline,
      goalSeconds: GOALS.importSeconds,
      detail: `unchanged ${again.counts['unchanged']}, updated ${again.counts['updated']}; peak RSS ${mebibytes(again.peak)}`,
    },
  ];
  return measured;
}

async function measurePhotos(base: string, headers: Record<string, string>): Promise<Measured> {
  const list = await call<{ items: Array<{ id: string }> }>(`${base}/api/inventory/vehicles?pageSize=1`, {
    headers,
  });
  const vehicleId = list.items[0]?.id;
  if (!vehicleId) throw new Error('no vehicle to attach photos to');
  const uploads: number[] = [];
  const baselines: number[] = [];
  let bytes = 0;
  for (let i = 0; i < PHOTOS; i++) {
    const photo = await twelveMegapixelJpeg(i);
    bytes = photo.length;
    const form = new FormData();
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `lot-${i}.jpg`);
    const started = performance.now();
    await call(`${base}/api/inventory/vehicles/${vehicleId}/photos`, { method: 'POST', body: form, headers });
    uploads.push((performance.now() - started) / 1000);
    baselines.push(await sharpAlone(photo));
  }
  return {
    name: `photo upload, 12 MP JPEG (${(bytes / 1024 / 1024).toFixed(1)} MB) to 6 variants kept (median of ${PHOTOS})`,
    seconds: median(uploads),
    baselineName: 'sharp alone, same 6 variants in memory',
    baselineSeconds: median(baselines),
    goalSeconds: GOALS.photoSeconds,
    detail: `slowest upload ${Math.max(...uploads).toFixed(2)} s`,
  };
}

function formatTable(rows: Measured[]): string {
  const head = `${'merchandising'.padEnd(78)}${'time'.padStart(9)}  ${'goal'.padEnd(17)}baseline (same run)`;
  const lines = rows.map((row) => {
    const goal = `≤ ${row.goalSeconds} s ${row.seconds <= row.goalSeconds ? 'met' : 'MISSED'}`;
    return (
      `${row.name.padEnd(78)}${`${row.seconds.toFixed(2)} s`.padStart(9)}  ${goal.padEnd(17)}` +
      `${row.baselineName}: ${row.baselineSeconds.toFixed(2)} s\n${''.padEnd(80)}${row.detail}`
    );
  });
  return [head, ...lines].join('\n');
}

/** Runs against the production build in dist/ (built by the caller); prints its table. */
export async function runMerchandisingBench(options: MerchandisingOptions): Promise<string> {
  console.log('Merchandising: generating the syndication feeds…');
  const feeds = formatFeedTable(await measureFeedGeneration());
  return `${await importAndPhotos(options)}\n\n${feeds}`;
}

/** The import and photo figures, over HTTP against the production build. */
async function importAndPhotos(options: MerchandisingOptions): Promise<string> {
  const dealershipId = benchDealership(1);
  // An empty schema each run: the first import creates every car. The service migrates it at start.
  await dropSchema(`${options.mysqlUrl}/${SCHEMA}`);
  await ensureSchema(`${options.mysqlUrl}/${SCHEMA}`);
  const [issuer, s3, users] = await Promise.all([
    startTestIssuer({
      clients: { [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] } },
    }),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startUsersDirectory([dealershipId], options.usersPort),
  ]);
  try {
    const inventory = startInventory('merchandising', options.port, 'embedded', {
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
      LOG_LEVEL: 'warn',
      AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
      AUTH_AUDIENCE: API_AUDIENCE,
      AUTH_CLIENT_ID: SERVICES_CLIENT.id,
      AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
      INVENTORY_DATABASE_URL: `${options.mysqlUrl}/${SCHEMA}`,
      REDIS_URL: options.redisUrl,
      USERS_API_URL: users.url,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: LOCAL_MEDIA_BUCKET,
      MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
    });
    await inventory.ready;
    const token = await issuer.tokenFor({
      sub: 'auth0|bench-merchandising',
      memberships: [{ dealershipId, role: 'manager' }],
    });
    const auth = { authorization: `Bearer ${token}` };
    const forImport = { ...auth, 'x-dealership-id': dealershipId };
    console.log(`Merchandising: importing ${IMPORT_ROWS.toLocaleString('en-US')} rows twice…`);
    const imports = await measureImport(inventory.url, forImport, inventory.pid);
    console.log(`Merchandising: uploading ${PHOTOS} photos of 12 MP…`);
    const photos = await measurePhotos(inventory.url, forImport);
    return formatTable([...imports, photos]);
  } finally {
    await Promise.all([issuer.close(), s3.close(), users.close()]);
  }
}
