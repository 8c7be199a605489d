// `npm run bench:lighthouse`: Lighthouse (12.2.3, mobile preset: emulated phone, simulated slow 4G
// and CPU slowdown) on a dealer site served by a running `npm start`: its home, its search results
// (/cars) and the first vehicle page /cars links to. Prints the performance, SEO, accessibility and
// best-practices scores of each page and, for a category below its goal, the audits it failed.
// Chromium is Debian's (/usr/bin/chromium, headless, no network beyond this machine: the site's
// host is *.localhost, which Chromium resolves to 127.0.0.1).
// Environment: LIGHTHOUSE_SITE (http://demo-motors-downtown.localhost:4400), CHROME_PATH (/usr/bin/chromium).
// Run by Node 24 itself (type stripping), not tsx: Lighthouse sends functions' source to the page,
// and tsx's transform adds a `__name` helper to them that the page does not have.
//   node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON bench/src/lighthouse-run.ts
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { getAsSite } from './site-request.ts';

const SITE = new URL(process.env['LIGHTHOUSE_SITE'] ?? 'http://demo-motors-downtown.localhost:4400');
const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
/** The issue's goals; best practices has none, so its failures are shown below 100. */
export const CATEGORY_GOALS = {
  performance: 95,
  seo: 100,
  accessibility: 95,
  'best-practices': 100,
} as const;
type Category = keyof typeof CATEGORY_GOALS;
const CATEGORIES = Object.keys(CATEGORY_GOALS) as Category[];
/** The networking flags STACK.md names: without them the closed network refuses Chromium's own calls. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGE_TIMEOUT_MS = 120_000;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

interface AuditResult {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { items?: Array<{ url?: unknown }> };
}
/** How many of an audit's resources are named (the largest offenders come first in Lighthouse's lists). */
const RESOURCES_SHOWN = 3;
interface CategoryResult {
  score: number | null;
  auditRefs: Array<{ id: string; weight: number }>;
}
interface PageReport {
  name: string;
  url: string;
  scores: Record<Category, number | null>;
  metrics: string[];
  failed: Partial<Record<Category, string[]>>;
}

function siteRequestUrl(path: string): string {
  return `http://127.0.0.1:${SITE.port || '80'}${path}`;
}

/** The first vehicle page the results page links to (a server-rendered <a href="/cars/<id>/<slug>">). */
export function firstVehicleLink(html: string): string | null {
  return /href="(\/cars\/[0-9a-f-]{36}\/[^"?#]+)"/i.exec(html)?.[1] ?? null;
}

/** The audits of a category that did not pass (score below 1), with what they measured. */
export function failedAudits(category: CategoryResult, audits: Record<string, AuditResult>): string[] {
  return category.auditRefs
    .map((ref) => ({ ref, audit: audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        audit.score !== null &&
        audit.score < 1 &&
        !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode),
    )
    .map(({ ref, audit }) => {
      const shown = audit as AuditResult;
      const measured = shown.displayValue ? ` (${shown.displayValue})` : '';
      const weight = ref.weight > 0 ? `, weight ${ref.weight}` : '';
      const urls = (shown.details?.items ?? [])
        .map((item) => item.url)
        .filter((url): url is string => typeof url === 'string')
        .slice(0, RESOURCES_SHOWN);
      const resources = urls.length > 0 ? `: ${urls.join(', ')}` : '';
      return `${shown.title}${measured} — score ${Math.round((shown.score ?? 0) * 100)}${weight}${resources}`;
    });
}

async function audit(port: number, name: string, url: string): Promise<PageReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${url}: no Lighthouse result in ${PAGE_TIMEOUT_MS / 1000} s`)),
      PAGE_TIMEOUT_MS,
    );
  });
  try {
    const result = await Promise.race([
      lighthouse(
        url,
        { port, output: 'json', logLevel: 'error' },
        { extends: 'lighthouse:default', settings: { formFactor: 'mobile', onlyCategories: CATEGORIES } },
      ),
      timeout,
    ]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`${url}: Lighthouse gave no result`);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audits = lhr.audits as unknown as Record<string, AuditResult>;
    const scores = {} as Record<Category, number | null>;
    const failed: PageReport['failed'] = {};
    for (const category of CATEGORIES) {
      const result = lhr.categories[category] as unknown as CategoryResult | undefined;
      const score =
        result?.score === null || result?.score === undefined ? null : Math.round(result.score * 100);
      scores[category] = score;
      if (result && (score === null || score < CATEGORY_GOALS[category]))
        failed[category] = failedAudits(result, audits);
    }
    const metrics = METRICS.map((id) => `${audits[id]?.title ?? id} ${audits[id]?.displayValue ?? '?'}`);
    return { name, url, scores, metrics, failed };
  } finally {
    clearTimeout(timer);
  }
}

export function formatLighthouseReport(reports: PageReport[]): string {
  const head = `${'page'.padEnd(14)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`;
  const rows = reports.map(
    (r) => `${r.name.padEnd(14)}${CATEGORIES.map((c) => String(r.scores[c] ?? '—').padStart(16)).join('')}`,
  );
  const goals = `${'goal'.padEnd(14)}${CATEGORIES.map((c) => (c === 'best-practices' ? '(none)' : `≥ ${CATEGORY_GOALS[c]}`).padStart(16)).join('')}`;
  const details = reports.flatMap((r) => [
    '',
    `${r.name}: ${r.url}`,
    `  ${r.metrics.join(' · ')}`,
    ...Object.entries(r.failed).flatMap(([category, audits]) => [
      `  ${category} ${r.scores[category as Category]} < ${CATEGORY_GOALS[category as Category]}, failed audits:`,
      ...(audits.length > 0
        ? audits.map((a) => `    - ${a}`)
        : ['    (none listed: the score comes from metrics alone)']),
    ]),
  ]);
  return [
    `Lighthouse ${'12.2.3'}, mobile preset, Chromium headless, on ${SITE.origin}:`,
    head,
    ...rows,
    goals,
    ...details,
  ].join('\n');
}

async function main(): Promise<void> {
  const home = await getAsSite(siteRequestUrl('/'), SITE.host).catch((error: unknown) => {
    throw new Error(
      `${SITE.origin} does not answer (${(error as Error).message}): start the platform with npm start`,
    );
  });
  if (home.status !== 200) throw new Error(`${SITE.origin}/ answered ${home.status}: is its site published?`);
  const results = await getAsSite(siteRequestUrl('/cars'), SITE.host);
  const vehicle = firstVehicleLink(results.body.toString('utf8'));
  if (!vehicle) throw new Error(`${SITE.origin}/cars links to no vehicle page`);
  const pages: Array<[string, string]> = [
    ['home', `${SITE.origin}/`],
    ['results', `${SITE.origin}/cars`],
    ['vehicle', `${SITE.origin}${vehicle}`],
  ];

  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  const reports: PageReport[] = [];
  try {
    for (const [name, url] of pages) {
      process.stdout.write(`  Lighthouse: ${name} (${url})…\n`);
      reports.push(await audit(chrome.port, name, url));
    }
  } finally {
    chrome.kill();
  }
  console.log(`\n${formatLighthouseReport(reports)}`);
}

main().catch((error: unknown) => {
  console.error(`lighthouse bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
