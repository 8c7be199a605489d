// How long `parseAdf` takes on a typical single-prospect lead, next to two baselines measured in the
// same run on the same content: fast-xml-parser's bare `parse` (no validation, no guards, no
// normalisation) and `JSON.parse` of the same lead as JSON.
// Run alone: `npx tsx --tsconfig tsconfig.base.json bench/src/adf-parse.ts`. BENCH_ADF_SECONDS (1) per case.
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseAdf, TYPICAL_ADF_SAMPLE } from '@showroom/leads-adf';

export interface AdfParseResult {
  name: string;
  perDocMicros: number;
  docsPerSecond: number;
}

const SECONDS = Number(process.env['BENCH_ADF_SECONDS'] ?? 1);
const WARM_UP_NS = 200_000_000n;
// Reading the clock once per batch keeps its cost out of the figure.
const BATCH = 100;

let sink: unknown;

function measure(name: string, parse: () => unknown): AdfParseResult {
  const warmUntil = process.hrtime.bigint() + WARM_UP_NS;
  while (process.hrtime.bigint() < warmUntil) for (let i = 0; i < BATCH; i++) sink = parse();

  const budget = BigInt(Math.round(SECONDS * 1e9));
  const start = process.hrtime.bigint();
  let now = start;
  let iterations = 0;
  while (now - start < budget) {
    for (let i = 0; i < BATCH; i++) sink = parse();
    iterations += BATCH;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  return { name, perDocMicros: (seconds * 1e6) / iterations, docsPerSecond: iterations / seconds };
}

export async function measureAdfParsing(): Promise<AdfParseResult[]> {
  const json = JSON.stringify(parseAdf(TYPICAL_ADF_SAMPLE));
  const bareParser = new XMLParser({ ignoreAttributes: false });
  const results = [
    measure('baseline: JSON.parse of the same lead', () => JSON.parse(json)),
    measure('baseline: fast-xml-parser parse, bare', () => bareParser.parse(TYPICAL_ADF_SAMPLE)),
    measure('parseAdf (guards, validation, normalised)', () => parseAdf(TYPICAL_ADF_SAMPLE)),
  ];
  if (sink === undefined) throw new Error('nothing was parsed');
  return results;
}

export function formatAdfTable(results: AdfParseResult[]): string {
  const bare = results.find((r) => r.name.startsWith('baseline: fast-xml-parser'))?.perDocMicros ?? NaN;
  const header = `${'case'.padEnd(44)}${'µs/doc'.padStart(10)}${'docs/s'.padStart(11)}  vs bare parse`;
  const lines = results.map(
    (r) =>
      `${r.name.padEnd(44)}${r.perDocMicros.toFixed(1).padStart(10)}${r.docsPerSecond.toFixed(0).padStart(11)}  ${(r.perDocMicros / bare).toFixed(2)}×`,
  );
  return [header, ...lines].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(
    `Parsing a typical single-prospect ADF lead (${Buffer.byteLength(TYPICAL_ADF_SAMPLE)} bytes), ${SECONDS} s per case:\n`,
  );
  measureAdfParsing()
    .then((results) => console.log(formatAdfTable(results)))
    .catch((error: unknown) => {
      console.error(`bench failed: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
