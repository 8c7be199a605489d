// The portal on a phone with a poor signal (issue 17): headless Chromium, signed in, reloads each
// screen unthrottled, on the slow profile with the cache off, and on the slow profile with a warm
// cache, and reads the largest contentful paint, the element it was of and the resource timings.
import { loadavg } from 'node:os';
import { answerDemoCodePage } from '@showroom/demo-data/mfa';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CONTENT_SELECTORS, READ_SCRIPT, RECORDER_SCRIPT, type PageReading } from './portal-mobile-browser';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the flags every workspace script gives Chromium (tools/dev) */
import { HEADLESS_CHROMIUM_FLAGS as CHROMIUM_FLAGS } from '../../tools/dev/src/chromium';

/** Lighthouse's mobile screen (a mid-range Android phone): the portal shows its phone layout. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};
/** One load may take this long before the run is given up (the slowest seen today is ~10 s). */
const LOAD_TIMEOUT_MS = 90_000;
/** After the content shows: quiet network for this long, or at most NETWORK_IDLE_MAX_MS. */
const NETWORK_IDLE_MAX_MS = 15_000;
/** Then this long again for the last paints to be reported. */
const SETTLE_MS = 1_000;

export interface Profile {
  name: 'unthrottled' | 'slow cold' | 'slow warm';
  /** DevTools network throttling, as Lighthouse's "devtools" throttling applies it; null: none. */
  network: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
  cpuSlowdown: number;
  /** Cache off and the service worker bypassed: a first visit's network. */
  cold: boolean;
}

/** The profile: 150 ms round trip, 1.6 Mbps down, 750 kbps up (bytes per second here), CPU 4×. */
const SLOW_NETWORK = { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
export const PROFILES: Profile[] = [
  { name: 'unthrottled', network: null, cpuSlowdown: 1, cold: true },
  { name: 'slow cold', network: SLOW_NETWORK, cpuSlowdown: 4, cold: true },
  { name: 'slow warm', network: SLOW_NETWORK, cpuSlowdown: 4, cold: false },
];
export const GOALS_MS = { 'slow cold': 2_500, 'slow warm': 1_500 } as const;

export interface Screen {
  name: string;
  path: string;
}

export interface ProfileRuns {
  profile: Profile;
  readings: PageReading[];
}

export interface ScreenResult {
  screen: Screen;
  runs: ProfileRuns[];
  /** The 1-minute load average of the machine when the screen's runs began. */
  loadBefore: number;
}

export interface PortalMobileResult {
  portalUrl: string;
  email: string;
  runsEach: number;
  screens: ScreenResult[];
  loadBefore: number[];
  loadAfter: number[];
  chromiumVersion: string;
}

export interface PortalMobileOptions {
  portalUrl: string;
  email: string;
  password: string;
  runs: number;
  /** Aborts the runs (between two loads) when it fires. */
  deadline: AbortSignal;
  chromiumPath: string;
}

async function applyProfile(cdp: CDPSession, profile: Profile): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    ...(profile.network ?? { latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: profile.cold });
  await cdp.send('Network.setBypassServiceWorker', { bypass: profile.cold });
}

/**
 * dev-auth's sign-in page (Auth0's has the same field names), then its code page for the enrolled
 * demo accounts; done when the shell shows its user menu.
 */
async function signIn(page: Page, options: PortalMobileOptions): Promise<void> {
  await page.goto(options.portalUrl, { timeout: LOAD_TIMEOUT_MS });
  await page.locator('input[name=username]').fill(options.email, { timeout: LOAD_TIMEOUT_MS });
  await page.locator('input[name=password]').fill(options.password);
  await page.locator('input[name=password]').press('Enter');
  await answerDemoCodePage(page, options.email, {
    doneSelector: '[data-testid="user-menu"]',
    timeout: LOAD_TIMEOUT_MS,
  });
  await page.locator('[data-testid="user-menu"]').waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS });
}

/** The first lead of the inbox, as a salesperson would open it. */
async function firstLeadPath(page: Page, portalUrl: string): Promise<string> {
  await page.goto(new URL('/leads', portalUrl).href, { timeout: LOAD_TIMEOUT_MS });
  const row = page.locator('[data-testid="lead-row"]').first();
  await row.waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS });
  const id = await row.getAttribute('data-lead-id');
  if (!id) throw new Error('the leads inbox shows no lead id to open');
  return `/leads/${id}`;
}

/** Reloads the page and waits until it settled: content shown, network quiet, a last paint reported. */
async function measuredReload(page: Page): Promise<PageReading> {
  await page.reload({ waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  await page
    .locator(CONTENT_SELECTORS.join(', '))
    .first()
    .waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS });
  await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MAX_MS }).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  return (await page.evaluate(READ_SCRIPT)) as PageReading;
}

async function measureScreen(
  context: BrowserContext,
  screen: Screen,
  options: PortalMobileOptions,
): Promise<ScreenResult> {
  const loadBefore = loadavg()[0] ?? 0;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  try {
    await page.goto(new URL(screen.path, options.portalUrl).href, { timeout: LOAD_TIMEOUT_MS });
    const runs: ProfileRuns[] = [];
    for (const profile of PROFILES) {
      await applyProfile(cdp, profile);
      // A warm cache is one a load has filled under the same conditions.
      if (!profile.cold) await measuredReload(page);
      const readings: PageReading[] = [];
      for (let run = 1; run <= options.runs; run++) {
        if (options.deadline.aborted) throw new Error('the portal bench ran out of time');
        process.stdout.write(`  ${screen.name}, ${profile.name}, run ${run} of ${options.runs}…\n`);
        readings.push(await measuredReload(page));
      }
      runs.push({ profile, readings });
    }
    return { screen, runs, loadBefore };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

export async function measurePortalMobile(options: PortalMobileOptions): Promise<PortalMobileResult> {
  const { chromium } = await import('playwright-core');
  const loadBefore = loadavg();
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext(PHONE);
    await context.addInitScript({ content: RECORDER_SCRIPT });
    const signInPage = await context.newPage();
    await signIn(signInPage, options);
    const leadPath = await firstLeadPath(signInPage, options.portalUrl);
    await signInPage.close();
    const screens: Screen[] = [
      { name: 'inventory list', path: '/inventory' },
      { name: 'leads inbox', path: '/leads' },
      { name: 'lead page', path: leadPath },
    ];
    const results: ScreenResult[] = [];
    for (const screen of screens) results.push(await measureScreen(context, screen, options));
    return {
      portalUrl: options.portalUrl,
      email: options.email,
      runsEach: options.runs,
      screens: results,
      loadBefore,
      loadAfter: loadavg(),
      chromiumVersion: browser.version(),
    };
  } finally {
    await browser.close();
  }
}
