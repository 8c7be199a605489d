// Which in-process search engine answers the inventory search fastest at 100,000 vehicles over 20
// dealerships (docs/adr/0005-embedded-search-engine.md): the hand-written embedded engine against
// @orama/orama, minisearch and flexsearch, one index per dealership for each, each candidate in a
// process of its own so memory is measured alone.
//
//   npx tsx --tsconfig tsconfig.base.json bench/src/search-engines.ts
//
// The libraries are not dependencies of the project; install them somewhere and point at them:
//   npm i --prefix /tmp/search-bench @orama/orama@3.1.18 minisearch@7.2.0 flexsearch@0.8.212
//   SEARCH_BENCH_MODULES=/tmp/search-bench/node_modules npx tsx … (without it, only "embedded" runs)
// Environment: SEARCH_BENCH_DEALERSHIPS (20), SEARCH_BENCH_PER_DEALERSHIP (5000), SEARCH_BENCH_QUERIES (1000).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  RANGE_FACETS,
  VALUE_FACETS,
  type FacetCount,
  type ValueFacet,
  type VehicleSort,
} from '@showroom/contracts';
import { generateDemoVehicles, seededRandom, seedFromText } from '@showroom/demo-data';
/* eslint-disable @nx/enforce-module-boundaries -- measures the inventory service's engine in-process; not a runtime dependency */
import { EmbeddedSearchEngine } from '../../services/inventory/src/search/embedded/embedded-engine';
import type { SearchDocument, SearchRequest } from '../../services/inventory/src/search/port';
import { loadSynonyms, searchWords } from '../../services/inventory/src/search/synonyms';
/* eslint-enable @nx/enforce-module-boundaries */

const ROOT = join(import.meta.dirname, '..', '..');
const DEALERSHIPS = Number(process.env['SEARCH_BENCH_DEALERSHIPS'] ?? 20);
const PER_DEALERSHIP = Number(process.env['SEARCH_BENCH_PER_DEALERSHIP'] ?? 5000);
const QUERIES = Number(process.env['SEARCH_BENCH_QUERIES'] ?? 1000);
const MODULES = process.env['SEARCH_BENCH_MODULES'];
const CANDIDATES = ['embedded', 'orama', 'minisearch', 'flexsearch'] as const;
type CandidateName = (typeof CANDIDATES)[number];
const SCENARIOS = ['one rooftop, text', 'group of 3, text', 'one rooftop, no text'] as const;

interface Candidate {
  build(documents: SearchDocument[]): Promise<void>;
  /** Answers with the total; every candidate counts facets and reads one sorted page. */
  search(request: SearchRequest): Promise<number>;
}

interface Measured {
  candidate: CandidateName;
  buildMs: number;
  heapMiB: number;
  rssMiB: number;
  /** Wall-clock and CPU milliseconds per search (CPU time is what other load on the machine cannot inflate). */
  latency: Record<
    string,
    {
      p50: number;
      p99: number;
      max: number;
      cpuP50: number;
      cpuP99: number;
      matches: number;
      /** Mean KiB of heap a search leaves behind as garbage (heap growth over searches a GC did not interrupt). */
      garbageKiB: number;
      /** Percentiles of each search's fastest of three runs: its own cost, with little of other processes' preemption. */
      bestP50: number;
      bestP99: number;
    }
  >;
}

function dealershipIds(): string[] {
  return Array.from(
    { length: DEALERSHIPS },
    (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  );
}

/** A string of its own, as each row read from MySQL brings, not the generator's shared constant. */
function own<T extends string | null>(value: T): T {
  return (value === null ? null : Buffer.from(value).toString()) as T;
}

/** The benchmark inventory as `npm run bench` seeds it, as search documents. */
function benchDocuments(): SearchDocument[] {
  const now = Date.now();
  return dealershipIds().flatMap((dealershipId, index) =>
    generateDemoVehicles({
      count: PER_DEALERSHIP,
      seed: seedFromText(dealershipId),
      serialOffset: index * PER_DEALERSHIP,
    }).map((vehicle, i) => ({
      id: `${dealershipId.slice(0, 24)}${String(index * PER_DEALERSHIP + i).padStart(12, '0')}`,
      dealershipId: own(dealershipId),
      groupId: index < 3 ? 'group' : null,
      vin: vehicle.vin,
      stockNumber: vehicle.stockNumber,
      condition: own(vehicle.condition),
      status: own(vehicle.status ?? 'available'),
      published: i % 10 !== 0,
      year: vehicle.year,
      make: own(vehicle.make),
      model: own(vehicle.model),
      trim: own(vehicle.trim ?? null),
      bodyStyle: own(vehicle.bodyStyle ?? null),
      drivetrain: own(vehicle.drivetrain ?? null),
      fuelType: own(vehicle.fuelType ?? null),
      exteriorColor: own(vehicle.exteriorColor ?? null),
      mileage: vehicle.mileage,
      priceCents: vehicle.priceCents ?? null,
      listedAt: now - vehicle.ageDays * 86_400_000 - i,
    })),
  );
}

const TEXTS = [
  'toyota',
  'camry',
  'chevy 4x4',
  'silverado lt',
  'f-150 lariat',
  'honda civ',
  'white suv',
  'black pickup',
  'toyta camry',
  'jeep grand cherokee',
  'tesla model y',
  'crystal black',
  'outback touring',
  'ram 1500 big horn',
  'awd 2023',
];
const SORTS: VehicleSort[] = ['relevance', 'price', '-year', 'mileage', 'daysInStock'];

/** Shoppers' searches: text (with stock numbers and VIN tails among them), filters, every facet, a sort. */
function requestsFor(scenario: (typeof SCENARIOS)[number], documents: SearchDocument[]): SearchRequest[] {
  const random = seededRandom(42);
  const ids = dealershipIds();
  return Array.from({ length: QUERIES }, (_, i) => {
    const first = Math.floor(random() * (ids.length - 2));
    const dealershipIds =
      scenario === 'group of 3, text' ? ids.slice(first, first + 3) : [ids[first] as string];
    const sample = documents[Math.floor(random() * documents.length)] as SearchDocument;
    const text =
      scenario === 'one rooftop, no text'
        ? undefined
        : i % 10 === 0
          ? sample.vin.slice(-6)
          : i % 10 === 5
            ? sample.stockNumber
            : TEXTS[i % TEXTS.length];
    return {
      dealershipIds,
      text,
      filters: {
        status: ['available'],
        published: true,
        ...(i % 2 === 0 ? { priceMax: (30_000 + Math.floor(random() * 50_000)) * 100 } : {}),
        ...(i % 3 === 0 ? { yearMin: 2020 } : {}),
      },
      sort: SORTS[i % SORTS.length] as VehicleSort,
      page: 1 + (i % 3),
      pageSize: 25,
      facets: [...VALUE_FACETS, ...RANGE_FACETS],
    };
  });
}

// ---- the candidates, each with one index per dealership ----

function embedded(): Candidate {
  const engine = new EmbeddedSearchEngine({
    synonyms: loadSynonyms(join(ROOT, 'services/inventory/search/synonyms.json')),
  });
  return {
    async build(documents) {
      for (let start = 0; start < documents.length; start += 1000)
        await engine.upsert(documents.slice(start, start + 1000));
      engine.markReady();
    },
    async search(request) {
      return (await engine.search(request)).total;
    },
  };
}

function library<T>(name: string): T {
  if (!MODULES) throw new Error(`set SEARCH_BENCH_MODULES to measure ${name}`);
  return createRequire(join(MODULES, 'bench.cjs'))(name) as T;
}

function searchableText(document: SearchDocument): string {
  return [
    document.year,
    document.make,
    document.model,
    document.trim,
    document.bodyStyle,
    document.drivetrain,
    document.fuelType,
    document.exteriorColor,
    document.stockNumber,
    document.vin,
  ]
    .filter((part) => part !== null)
    .join(' ');
}

function passes(request: SearchRequest, document: SearchDocument): boolean {
  const f = request.filters;
  return (
    (!f.status || f.status.includes(document.status)) &&
    (f.published === undefined || f.published === document.published) &&
    (f.priceMax === undefined || (document.priceCents !== null && document.priceCents <= f.priceMax)) &&
    (f.yearMin === undefined || document.year >= f.yearMin)
  );
}

const ORDER: Record<Exclude<VehicleSort, 'relevance'>, (a: SearchDocument, b: SearchDocument) => number> = {
  price: (a, b) => (a.priceCents ?? Infinity) - (b.priceCents ?? Infinity) || (a.id < b.id ? -1 : 1),
  '-price': (a, b) => (b.priceCents ?? -Infinity) - (a.priceCents ?? -Infinity) || (a.id < b.id ? -1 : 1),
  year: (a, b) => a.year - b.year || (a.id < b.id ? -1 : 1),
  '-year': (a, b) => b.year - a.year || (a.id < b.id ? -1 : 1),
  mileage: (a, b) => a.mileage - b.mileage || (a.id < b.id ? -1 : 1),
  '-mileage': (a, b) => b.mileage - a.mileage || (a.id < b.id ? -1 : 1),
  daysInStock: (a, b) => b.listedAt - a.listedAt || (a.id < b.id ? -1 : 1),
  '-daysInStock': (a, b) => a.listedAt - b.listedAt || (a.id < b.id ? -1 : 1),
};

/** What a library without facets or sorting leaves to us: counts, ranges and the page, by hand. */
function finish(request: SearchRequest, hits: SearchDocument[]): number {
  const counts = VALUE_FACETS.map(() => new Map<string, number>());
  let minPrice = Infinity;
  let maxPrice = -Infinity;
  for (const hit of hits) {
    VALUE_FACETS.forEach((facet, i) => {
      const value = hit[facet];
      if (value !== null) counts[i]?.set(value, (counts[i]?.get(value) ?? 0) + 1);
    });
    if (hit.priceCents !== null) {
      minPrice = Math.min(minPrice, hit.priceCents);
      maxPrice = Math.max(maxPrice, hit.priceCents);
    }
  }
  counts.forEach((count) => [...count].sort((a, b) => b[1] - a[1]).slice(0, 50));
  if (request.sort !== 'relevance' || !request.text)
    hits.sort(ORDER[request.sort === 'relevance' ? 'daysInStock' : request.sort]);
  hits.slice((request.page - 1) * request.pageSize, request.page * request.pageSize);
  return hits.length;
}

interface MiniSearchIndex {
  addAll(documents: Array<{ id: string; text: string }>): void;
  search(query: unknown, options: object): Array<{ id: string }>;
}
type MiniSearchClass = (new (options: object) => MiniSearchIndex) & { wildcard: symbol };

function minisearch(): Candidate {
  const MiniSearch = library<MiniSearchClass>('minisearch');
  const indexes = new Map<string, MiniSearchIndex>();
  const byId = new Map<string, SearchDocument>();
  return {
    async build(documents) {
      for (const document of documents) {
        byId.set(document.id, document);
        let index = indexes.get(document.dealershipId);
        if (!index) indexes.set(document.dealershipId, (index = new MiniSearch({ fields: ['text'] })));
        index.addAll([{ id: document.id, text: searchableText(document) }]);
      }
    },
    async search(request) {
      const hits = request.dealershipIds.flatMap((dealershipId) =>
        (indexes.get(dealershipId) as MiniSearchIndex)
          .search(request.text ? request.text : MiniSearch.wildcard, {
            combineWith: 'AND',
            prefix: (_: string, i: number, terms: string[]) => i === terms.length - 1,
            fuzzy: (term: string) =>
              /\d/.test(term) ? false : term.length >= 8 ? 2 : term.length >= 4 ? 1 : false,
            filter: (result: { id: string }) => passes(request, byId.get(result.id) as SearchDocument),
          })
          .map((result) => byId.get(result.id) as SearchDocument),
      );
      return finish(request, hits);
    },
  };
}

interface FlexDocumentIndex {
  add(document: { id: string; text: string }): void;
  search(options: object): Array<{ result: string[] }>;
}

function flexsearch(): Candidate {
  const { Document } = library<{ Document: new (options: object) => FlexDocumentIndex }>('flexsearch');
  const indexes = new Map<string, FlexDocumentIndex>();
  const byDealership = new Map<string, SearchDocument[]>();
  const byId = new Map<string, SearchDocument>();
  return {
    async build(documents) {
      for (const document of documents) {
        byId.set(document.id, document);
        let index = indexes.get(document.dealershipId);
        if (!index) {
          index = new Document({
            document: { id: 'id', index: [{ field: 'text', tokenize: 'forward', encoder: 'LatinBalance' }] },
          });
          indexes.set(document.dealershipId, index);
          byDealership.set(document.dealershipId, []);
        }
        index.add({ id: document.id, text: searchableText(document) });
        byDealership.get(document.dealershipId)?.push(document);
      }
    },
    async search(request) {
      const hits = request.dealershipIds.flatMap((dealershipId) => {
        const candidates = request.text
          ? ((indexes.get(dealershipId) as FlexDocumentIndex)
              .search({ query: request.text, limit: PER_DEALERSHIP })[0]
              ?.result.map((id) => byId.get(id) as SearchDocument) ?? [])
          : (byDealership.get(dealershipId) ?? []);
        return candidates.filter((document) => passes(request, document));
      });
      return finish(request, hits);
    },
  };
}

interface OramaModule {
  create(options: object): unknown;
  insertMultiple(db: unknown, documents: object[], batchSize?: number): Promise<unknown> | unknown;
  search(
    db: unknown,
    params: object,
  ): Promise<{ count: number; facets?: Record<string, { values: Record<string, number> }> }>;
}

function orama(): Candidate {
  const { create, insertMultiple, search } = library<OramaModule>('@orama/orama');
  const indexes = new Map<string, unknown>();
  const enumFields = Object.fromEntries([...VALUE_FACETS, 'status'].map((field) => [field, 'enum']));
  return {
    async build(documents) {
      const byDealership = new Map<string, object[]>();
      for (const document of documents) {
        const records = byDealership.get(document.dealershipId) ?? [];
        records.push({
          ...Object.fromEntries(
            [...VALUE_FACETS, 'status'].map((field) => [field, document[field as ValueFacet] ?? '']),
          ),
          id: document.id,
          text: searchableText(document),
          published: document.published,
          year: document.year,
          mileage: document.mileage,
          listedAt: document.listedAt,
          ...(document.priceCents === null ? {} : { price: document.priceCents }),
        });
        byDealership.set(document.dealershipId, records);
      }
      for (const [dealershipId, records] of byDealership) {
        const db = create({
          schema: {
            text: 'string',
            ...enumFields,
            published: 'boolean',
            year: 'number',
            price: 'number',
            mileage: 'number',
            listedAt: 'number',
          },
        });
        await insertMultiple(db, records, 1000);
        indexes.set(dealershipId, db);
      }
    },
    async search(request) {
      const sortBy: Record<Exclude<VehicleSort, 'relevance'>, object> = {
        price: { property: 'price', order: 'ASC' },
        '-price': { property: 'price', order: 'DESC' },
        year: { property: 'year', order: 'ASC' },
        '-year': { property: 'year', order: 'DESC' },
        mileage: { property: 'mileage', order: 'ASC' },
        '-mileage': { property: 'mileage', order: 'DESC' },
        daysInStock: { property: 'listedAt', order: 'DESC' },
        '-daysInStock': { property: 'listedAt', order: 'ASC' },
      };
      const f = request.filters;
      const results = await Promise.all(
        request.dealershipIds.map((dealershipId) =>
          search(indexes.get(dealershipId), {
            term: request.text ? searchWords(request.text).join(' ') : '',
            properties: ['text'],
            tolerance: 1,
            threshold: 0,
            where: {
              status: { in: f.status },
              published: true,
              ...(f.priceMax === undefined ? {} : { price: { lte: f.priceMax } }),
              ...(f.yearMin === undefined ? {} : { year: { gte: f.yearMin } }),
            },
            facets: Object.fromEntries(VALUE_FACETS.map((facet) => [facet, { limit: 50 }])),
            ...(request.sort === 'relevance' && request.text
              ? {}
              : { sortBy: sortBy[request.sort === 'relevance' ? 'daysInStock' : request.sort] }),
            limit: request.page * request.pageSize,
          }),
        ),
      );
      const merged = new Map<string, FacetCount>();
      for (const result of results) {
        for (const [facet, { values }] of Object.entries(result.facets ?? {})) {
          for (const [value, count] of Object.entries(values)) {
            const key = `${facet}/${value}`;
            merged.set(key, { value, count: (merged.get(key)?.count ?? 0) + count });
          }
        }
      }
      return results.reduce((total, result) => total + result.count, 0);
    },
  };
}

const FACTORIES: Record<CandidateName, () => Candidate> = { embedded, orama, minisearch, flexsearch };

function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function percentile(sorted: number[], p: number): number {
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number) * 100) / 100
  );
}

/**
 * What a search allocates, in KiB: the heap's growth across each search, averaged over the searches
 * no garbage collection ran during (a collection shows as a shrinking heap and is left out).
 */
async function garbagePerSearch(candidate: Candidate, requests: SearchRequest[]): Promise<number> {
  let bytes = 0;
  let counted = 0;
  for (const request of requests) {
    const before = process.memoryUsage().heapUsed;
    await candidate.search(request);
    const grown = process.memoryUsage().heapUsed - before;
    if (grown < 0) continue;
    bytes += grown;
    counted++;
  }
  return counted === 0 ? NaN : Math.round(bytes / counted / 1024);
}

/** Each search's fastest of three runs, sorted: on a busy machine a search's wall time includes waiting for the CPU. */
async function fastestOfThree(candidate: Candidate, requests: SearchRequest[]): Promise<number[]> {
  const best: number[] = [];
  for (const request of requests) {
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      await candidate.search(request);
      fastest = Math.min(fastest, performance.now() - start);
    }
    best.push(fastest);
  }
  return best.sort((a, b) => a - b);
}

async function measure(name: CandidateName): Promise<Measured> {
  const gc = globalThis.gc as () => void;
  gc();
  const before = process.memoryUsage();
  let documents: SearchDocument[] | null = benchDocuments();
  const requests = Object.fromEntries(
    SCENARIOS.map((scenario) => [scenario, requestsFor(scenario, documents ?? [])]),
  );
  const candidate = FACTORIES[name]();
  const started = performance.now();
  await candidate.build(documents);
  const buildMs = Math.round(performance.now() - started);
  // Dropped so memory shows what the engine itself keeps of them.
  documents = null;
  gc();
  const after = process.memoryUsage();
  const latency: Measured['latency'] = {};
  for (const scenario of SCENARIOS) {
    const list = requests[scenario] as SearchRequest[];
    for (const request of list.slice(0, 100)) await candidate.search(request);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let matches = 0;
    for (const request of list) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      matches += await candidate.search(request);
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - start);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const garbageKiB = await garbagePerSearch(candidate, list);
    const best = await fastestOfThree(candidate, list);
    latency[scenario] = {
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      max: percentile(times, 1),
      cpuP50: percentile(cpuTimes, 0.5),
      cpuP99: percentile(cpuTimes, 0.99),
      matches: Math.round(matches / list.length),
      garbageKiB,
      bestP50: percentile(best, 0.5),
      bestP99: percentile(best, 0.99),
    };
  }
  return {
    candidate: name,
    buildMs,
    heapMiB: mib(after.heapUsed - before.heapUsed),
    rssMiB: mib(after.rss - before.rss),
    latency,
  };
}

function table(results: Measured[]): string {
  const header = [
    'engine',
    'build ms',
    'heap MiB',
    'RSS MiB',
    ...SCENARIOS.map(
      (s) =>
        `${s}: wall p50 / p99 / max · CPU p50 / p99 · best of 3 p50 / p99 ms (mean matches) · KiB garbage`,
    ),
  ];
  const rows = results.map((r) => [
    r.candidate,
    String(r.buildMs),
    String(r.heapMiB),
    String(r.rssMiB),
    ...SCENARIOS.map((s) => {
      const l = r.latency[s];
      return `${l?.p50} / ${l?.p99} / ${l?.max} · ${l?.cpuP50} / ${l?.cpuP99} · ${l?.bestP50} / ${l?.bestP99} (${l?.matches}) · ${l?.garbageKiB}`;
    }),
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--candidate');
  if (only >= 0) {
    const result = await measure(process.argv[only + 1] as CandidateName);
    console.log(JSON.stringify(result));
  } else {
    const available = CANDIDATES.filter(
      (name) =>
        name === 'embedded' ||
        (MODULES && existsSync(join(MODULES, name === 'orama' ? '@orama/orama' : name))),
    );
    console.log(
      `${DEALERSHIPS} dealerships × ${PER_DEALERSHIP} vehicles, ${QUERIES} searches per scenario, one process per engine`,
    );
    const results: Measured[] = [];
    for (const name of available) {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', import.meta.filename, '--candidate', name],
        {
          cwd: ROOT,
          env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json') },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{'))
        throw new Error(`${name} failed (exit ${child.status})`);
      results.push(JSON.parse(line) as Measured);
      console.log(`${name}: done`);
    }
    console.log(table(results));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
