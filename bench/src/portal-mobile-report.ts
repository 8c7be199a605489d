// How the portal bench's readings (bench/src/portal-mobile.ts) are summed up and printed: LCP per
// screen and profile against the issue's goals, the element each LCP was of, the request waterfall
// with what each request waited for, the critical chain to the LCP, and the bytes per screen.
import { availableParallelism } from 'node:os';
import type { PageReading, PaintedElement, ResourceTiming } from './portal-mobile-browser';
import { GOALS_MS, PROFILES, type PortalMobileResult, type ProfileRuns } from './portal-mobile';

/** The issue reads the budget as the initial bundle's compressed transfer size. */
export const INITIAL_BUNDLE_BUDGET_BYTES = 250 * 1024;
/** Images beyond this many are summed up on one waterfall line (a list page has a photo per car). */
const IMAGES_SHOWN = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function lcpMs(reading: PageReading): number {
  return reading.lcp?.startTime ?? Number.POSITIVE_INFINITY;
}

/** The run whose LCP is the median (runs are odd in number; the upper middle otherwise). */
export function medianReading(readings: PageReading[]): PageReading {
  const sorted = [...readings].sort((a, b) => lcpMs(a) - lcpMs(b));
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('no runs to take a median of');
  return median;
}

function lcpCell(runs: ProfileRuns): string {
  const all = runs.readings.map(lcpMs);
  const median = lcpMs(medianReading(runs.readings));
  const range =
    all.length > 1
      ? ` (${(Math.min(...all) / 1000).toFixed(2)}–${(Math.max(...all) / 1000).toFixed(2)})`
      : '';
  const goal = GOALS_MS[runs.profile.name as keyof typeof GOALS_MS];
  const verdict = goal === undefined ? '' : median <= goal ? ' met' : ' MISSED';
  return `${Number.isFinite(median) ? seconds(median) : 'no LCP'}${range}${verdict}`;
}

export function describeElement(element: PaintedElement | null): string {
  if (!element) return 'element not known';
  const testid = element.testid ? `[data-testid=${element.testid}] ` : '';
  const skeleton = element.skeleton ? 'SKELETON (a placeholder, not content) ' : '';
  return `${skeleton}<${element.tag}> ${testid}"${element.text}"`;
}

function lcpTable(result: PortalMobileResult): string {
  const width = 32;
  const head = `${'LCP, median (min–max)'.padEnd(18)}${PROFILES.map((p) => p.name.padStart(width)).join('')}`;
  const rows = result.screens.map(
    (s) => `${s.screen.name.padEnd(18)}${s.runs.map((r) => lcpCell(r).padStart(width)).join('')}`,
  );
  const goals = `${'goal'.padEnd(18)}${PROFILES.map((p) => {
    const goal = GOALS_MS[p.name as keyof typeof GOALS_MS];
    return (goal === undefined ? '—' : `≤ ${seconds(goal)}`).padStart(width);
  }).join('')}`;
  return [head, ...rows, goals].join('\n');
}

function elementLines(result: PortalMobileResult): string[] {
  return result.screens.flatMap((s) => [
    `  ${s.screen.name} (${s.screen.path}):`,
    ...s.runs.map((runs) => {
      const median = medianReading(runs.readings);
      const content = median.content
        ? `content [${median.content.testid}] in the page at ${seconds(median.content.time)}`
        : 'content never seen';
      return `    ${runs.profile.name.padEnd(12)} ${describeElement(median.lcp?.element ?? null)}; ${content}`;
    }),
  ]);
}

/** A request's name as printed: the path on the portal's origin, the host and path elsewhere. */
export function shortName(url: string, origin: string): string {
  const parsed = new URL(url);
  const where = parsed.origin === origin ? '' : parsed.host;
  const query = parsed.search.length > 40 ? `${parsed.search.slice(0, 39)}…` : parsed.search;
  return `${where}${parsed.pathname}${query}`;
}

export type ResourceKind = 'document' | 'JS' | 'CSS' | 'JSON/API' | 'image' | 'font' | 'other';
export const KINDS: ResourceKind[] = ['document', 'JS', 'CSS', 'JSON/API', 'image', 'font', 'other'];

export function kindOf(timing: ResourceTiming): ResourceKind {
  const path = new URL(timing.name).pathname;
  if (timing.initiatorType === 'navigation') return 'document';
  if (/\.m?js$/.test(path)) return 'JS';
  if (/\.css$/.test(path)) return 'CSS';
  if (/\.(png|jpe?g|webp|avif|gif|svg|ico)$/.test(path) || timing.initiatorType === 'img') return 'image';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (/\.json$/.test(path) || ['fetch', 'xmlhttprequest'].includes(timing.initiatorType)) return 'JSON/API';
  return 'other';
}

function allRequests(reading: PageReading): ResourceTiming[] {
  return [reading.navigation, ...reading.resources].sort((a, b) => a.startTime - b.startTime);
}

/** The request that ended last before this one started: what it most likely waited for. */
export function waitedFor(request: ResourceTiming, all: ResourceTiming[]): ResourceTiming | null {
  let found: ResourceTiming | null = null;
  for (const other of all) {
    if (other === request || other.responseEnd > request.startTime) continue;
    if (!found || other.responseEnd > found.responseEnd) found = other;
  }
  return found;
}

/** From the navigation to the last request the LCP waited for, each link the one its next waited for. */
export function criticalChain(reading: PageReading): ResourceTiming[] {
  const all = allRequests(reading);
  const lcp = lcpMs(reading);
  const image = reading.lcp?.element?.tag === 'img' ? reading.lcp.element.text : null;
  const last =
    (image && all.find((r) => r.name === image)) ||
    all
      .filter((r) => r.responseEnd <= lcp && kindOf(r) !== 'image')
      .sort((a, b) => b.responseEnd - a.responseEnd)[0];
  const chain: ResourceTiming[] = [];
  for (let at: ResourceTiming | null | undefined = last; at; at = waitedFor(at, all)) chain.unshift(at);
  return chain;
}

function waterfallLines(reading: PageReading, origin: string): string[] {
  const all = allRequests(reading);
  const images = all.filter((r) => kindOf(r) === 'image');
  const hidden = images.slice(IMAGES_SHOWN);
  const lines = all
    .filter((r) => !hidden.includes(r))
    .map((r) => {
      const before = waitedFor(r, all);
      const after = before
        ? `after ${shortName(before.name, origin)} (+${Math.round(r.startTime - before.responseEnd)} ms)`
        : '';
      const size = r.fromServiceWorker ? 'worker' : r.transferSize > 0 ? kb(r.transferSize) : 'cache/—';
      return (
        `    ${String(Math.round(r.startTime)).padStart(6)}${String(Math.round(r.responseEnd)).padStart(7)}` +
        `${size.padStart(10)}  ${shortName(r.name, origin).padEnd(48)} ${after}`
      );
    });
  if (hidden.length > 0) {
    const start = Math.min(...hidden.map((r) => r.startTime));
    const end = Math.max(...hidden.map((r) => r.responseEnd));
    const bytes = hidden.reduce((sum, r) => sum + r.transferSize, 0);
    lines.push(
      `    ${String(Math.round(start)).padStart(6)}${String(Math.round(end)).padStart(7)}${kb(bytes).padStart(10)}  (${hidden.length} more images)`,
    );
  }
  return [
    `    ${'start'.padStart(6)}${'end'.padStart(7)}${'bytes'.padStart(10)}  request (ms after navigation start)`,
    ...lines,
  ];
}

function chainLine(reading: PageReading, origin: string): string {
  const chain = criticalChain(reading);
  const links = chain.map(
    (r) => `${shortName(r.name, origin)} ${Math.round(r.startTime)}–${Math.round(r.responseEnd)}`,
  );
  return `    ${links.join('\n      → ')}\n      → LCP ${Math.round(lcpMs(reading))}`;
}

export interface Bytes {
  transferred: number;
  decoded: number;
  requests: number;
}

export function bytesByKind(reading: PageReading): Record<ResourceKind, Bytes> {
  const sums = Object.fromEntries(
    KINDS.map((k) => [k, { transferred: 0, decoded: 0, requests: 0 }]),
  ) as Record<ResourceKind, Bytes>;
  for (const r of allRequests(reading)) {
    const sum = sums[kindOf(r)];
    sum.transferred += r.transferSize;
    sum.decoded += r.decodedBodySize;
    sum.requests += 1;
  }
  return sums;
}

function bytesTable(result: PortalMobileResult): string[] {
  const cell = (b: Bytes) => `${kb(b.transferred)} / ${kb(b.decoded)}`.padStart(22);
  const head = `  ${'screen (requests)'.padEnd(24)}${KINDS.map((k) => k.padStart(22)).join('')}${'total'.padStart(22)}`;
  const rows = result.screens.flatMap((s) => {
    const cold = s.runs.find((r) => r.profile.cold && r.profile.network);
    const warm = s.runs.find((r) => !r.profile.cold);
    return [cold, warm]
      .filter((r): r is ProfileRuns => r !== undefined)
      .map((runs) => {
        const sums = bytesByKind(medianReading(runs.readings));
        const total = KINDS.reduce(
          (t, k) => ({
            transferred: t.transferred + sums[k].transferred,
            decoded: t.decoded + sums[k].decoded,
            requests: t.requests + sums[k].requests,
          }),
          { transferred: 0, decoded: 0, requests: 0 },
        );
        const label = `${s.screen.name}, ${runs.profile.name} (${total.requests})`;
        return `  ${label.padEnd(24)}${KINDS.map((k) => cell(sums[k])).join('')}${cell(total)}`;
      });
  });
  return [head, ...rows];
}

/** The initial bundle as it travelled in a cold load: index.html and the files it names. */
export function initialBundleTransfer(
  reading: PageReading,
  initialFiles: string[],
): Bytes & { files: number } {
  const names = new Set(initialFiles.map((f) => f.replace(/^\//, '')));
  const matching = reading.resources.filter((r) => names.has(new URL(r.name).pathname.replace(/^\//, '')));
  return [reading.navigation, ...matching].reduce(
    (sum, r) => ({
      transferred: sum.transferred + r.transferSize,
      decoded: sum.decoded + r.decodedBodySize,
      requests: sum.requests + 1,
      files: sum.files + 1,
    }),
    { transferred: 0, decoded: 0, requests: 0, files: 0 },
  );
}

export interface ReportExtras {
  /** What index.html names (scripts, styles, module preloads) and the chunks those scripts import statically. */
  initialFiles: string[];
  /** The built files compressed here (gzip -9, brotli 11), when the bench built them itself. */
  builtBundle?: { rawBytes: number; gzipBytes: number; brotliBytes: number };
}

export function formatPortalMobileReport(result: PortalMobileResult, extras: ReportExtras): string {
  const origin = new URL(result.portalUrl).origin;
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const first = result.screens[0];
  const firstCold = first?.runs.find((r) => r.profile.cold && r.profile.network);
  const bundle = firstCold
    ? initialBundleTransfer(medianReading(firstCold.readings), extras.initialFiles)
    : null;
  const bundleVerdict = bundle && bundle.transferred <= INITIAL_BUNDLE_BUDGET_BYTES ? 'within' : 'OVER';
  const built = extras.builtBundle;
  return [
    `Portal on a phone with a poor signal (issue 17): Chromium ${result.chromiumVersion} headless, 412×823 phone screen,`,
    `signed in as ${result.email} on ${result.portalUrl}, each screen reloaded ${result.runsEach}× per profile.`,
    `slow = 150 ms round trip, 1.6 Mbps down, 750 kbps up (DevTools throttling), CPU slowed 4×; cold = cache off and`,
    `service worker bypassed; warm = cache on, after one load. LCP read from a PerformanceObserver once the page settled.`,
    `Machine load (1/5/15 min, ${availableParallelism()} cores) before: ${load(result.loadBefore)}, after: ${load(result.loadAfter)}; per screen at its start: ` +
      `${result.screens.map((s) => `${s.screen.name} ${s.loadBefore.toFixed(2)}`).join(', ')}` +
      ' (a busy machine inflates the CPU-throttled figures).',
    '',
    lcpTable(result),
    '',
    'What the LCP was of (median run), and when the real content was first in the page:',
    ...elementLines(result),
    '',
    'Critical chain to the LCP, slow cold (median run; each request waited for the one before it):',
    ...result.screens.flatMap((s) => {
      const cold = s.runs.find((r) => r.profile.cold && r.profile.network);
      return cold ? [`  ${s.screen.name}:`, chainLine(medianReading(cold.readings), origin)] : [];
    }),
    '',
    'Waterfall, slow cold (median run); "after X (+gap)": the last response before it started, and the wait since:',
    ...result.screens.flatMap((s) => {
      const cold = s.runs.find((r) => r.profile.cold && r.profile.network);
      return cold ? [`  ${s.screen.name}:`, ...waterfallLines(medianReading(cold.readings), origin)] : [];
    }),
    '',
    'Bytes per screen, transferred / decoded (median run; other origins, e.g. the sign-in service, show 0):',
    ...bytesTable(result),
    '',
    bundle
      ? `Initial bundle as served (index.html + ${bundle.files - 1} files: the scripts and styles it starts with, and what those import statically): ${kb(bundle.transferred)} transferred, ` +
        `${kb(bundle.decoded)} decoded (budget ${kb(INITIAL_BUNDLE_BUDGET_BYTES)} transferred: ${bundleVerdict})`
      : 'Initial bundle: not measured',
    ...(built
      ? [
          `Initial bundle built: ${kb(built.rawBytes)} raw, ${kb(built.gzipBytes)} gzip -9, ${kb(built.brotliBytes)} brotli 11.`,
        ]
      : []),
  ].join('\n');
}
