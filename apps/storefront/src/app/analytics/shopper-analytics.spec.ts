import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CollectionRules, ShopperEventBatch } from '@showroom/contracts';
import { SITE } from '../site/site';
import { DEALERSHIP_ID, VEHICLE_ID, site } from '../shared/testing/fixtures';
import { FLUSH_EVERY_MS } from './event-queue';
import { ShopperAnalytics } from './shopper-analytics';
import { CONSENT_KEY } from './visit';

const base = `http://localhost:4200/api/analytics/public/dealerships/${DEALERSHIP_ID}`;
const JSDOM_UA = navigator.userAgent;

interface Browser {
  analytics: ShopperAnalytics;
  /** Batches posted with fetch, parsed. */
  posted: ShopperEventBatch[];
  /** Batches handed to sendBeacon, parsed, and whether each body was a string (sent as text/plain). */
  beaconed: { batch: ShopperEventBatch; text: boolean }[];
  rulesAsked: () => number;
  fetchInit: RequestInit[];
}

interface PageOptions {
  rules?: CollectionRules;
  random?: number;
  platform?: 'browser' | 'server';
  beaconAccepts?: boolean;
}

/** A page of the site: a fresh app (as after a reload) over the same tab's storage. */
function openPage(options: PageOptions = {}): Browser {
  const rules = options.rules ?? { consent: 'implied', sampleRate: 1 };
  const posted: ShopperEventBatch[] = [];
  const beaconed: Browser['beaconed'] = [];
  const fetchInit: RequestInit[] = [];
  let rulesAsked = 0;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === `${base}/collection`) {
      rulesAsked++;
      return { ok: true, json: async () => rules } as Response;
    }
    expect(url).toBe(`${base}/events`);
    fetchInit.push(init ?? {});
    posted.push(JSON.parse(String(init?.body)));
    return { ok: true, json: async () => ({ accepted: 1 }) } as Response;
  });
  Object.defineProperty(window, 'fetch', { value: fetch, configurable: true, writable: true });
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: vi.fn((url: string, body: BodyInit) => {
      expect(url).toBe(`${base}/events`);
      if (options.beaconAccepts === false) return false;
      beaconed.push({ batch: JSON.parse(String(body)), text: typeof body === 'string' });
      return true;
    }),
  });
  vi.spyOn(Math, 'random').mockReturnValue(options.random ?? 0.5);
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [
      { provide: SITE, useValue: site() },
      { provide: PLATFORM_ID, useValue: options.platform ?? 'browser' },
    ],
  });
  return {
    analytics: TestBed.inject(ShopperAnalytics),
    posted,
    beaconed,
    rulesAsked: () => rulesAsked,
    fetchInit,
  };
}

/** Lets the visit start: the rules' answer, isbot's chunk, the storage reads. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const pageHide = () => window.dispatchEvent(new Event('pagehide'));

/**
 * The batch without what the tracker makes up itself (the visit's random id, each event's clock
 * time): their digits could hold any number a test searches for.
 */
function withoutGeneratedValues(batch: ShopperEventBatch) {
  return { ...batch, sessionId: '', events: batch.events.map((event) => ({ ...event, at: '' })) };
}
const events = (batches: { events: unknown[] }[]) => batches.flatMap((b) => b.events);

function setUserAgent(userAgent: string) {
  Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
}

describe('ShopperAnalytics (the storefront tracker)', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    setUserAgent(JSDOM_UA);
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  describe('batching', () => {
    it('sends the events of a few seconds in one batch, with the visit’s id, source, rate and consent', async () => {
      const page = openPage();
      await page.analytics.begin();
      vi.useFakeTimers();
      page.analytics.vehicleView(VEHICLE_ID);
      page.analytics.galleryOpen(VEHICLE_ID);
      page.analytics.formStart('lead', VEHICLE_ID);
      expect(page.posted).toEqual([]);

      vi.advanceTimersByTime(FLUSH_EVERY_MS);

      expect(page.posted).toHaveLength(1);
      const [batch] = page.posted;
      expect(batch).toMatchObject({ source: 'direct', sampleRate: 1, consent: 'implied' });
      expect(batch?.sessionId).toMatch(/^[0-9a-f]{32}$/);
      expect(batch?.events.map((e) => e.type)).toEqual(['vehicle_view', 'gallery_open', 'form_start']);
      expect(page.fetchInit[0]).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
      expect((page.fetchInit[0]?.headers as Record<string, string>)['Content-Type']).toMatch(/^text\/plain/);
    });

    it('sends at once when 50 events are waiting, without waiting for the timer', async () => {
      const page = openPage();
      await page.analytics.begin();
      vi.useFakeTimers();
      for (let i = 0; i < 50; i++) page.analytics.galleryOpen(VEHICLE_ID);
      expect(page.posted).toHaveLength(1);
      expect(page.posted[0]?.events).toHaveLength(50);
    });

    it('hands what is queued to sendBeacon as text when the page is hidden or closed', async () => {
      const page = openPage();
      await page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      page.analytics.formStart('credit');

      pageHide();

      expect(page.posted).toEqual([]);
      expect(page.beaconed).toHaveLength(1);
      expect(page.beaconed[0]?.text).toBe(true);
      expect(page.beaconed[0]?.batch.events.map((e) => e.type)).toEqual(['vehicle_view', 'form_start']);
    });

    it('posts with keepalive when the browser will not take the beacon', async () => {
      const page = openPage({ beaconAccepts: false });
      await page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(page.posted).toHaveLength(1);
      expect(page.fetchInit[0]?.keepalive).toBe(true);
    });

    it('keeps the events of the first moments, before the visit begins, and sends them once it has', async () => {
      const page = openPage();
      page.analytics.vehicleView(VEHICLE_ID);
      await settle();
      expect(page.rulesAsked()).toBe(0); // nothing reaches the network before the app begins the visit
      await page.analytics.begin();
      pageHide();
      expect(events(page.beaconed.map((b) => b.batch))).toEqual([
        expect.objectContaining({ type: 'vehicle_view', vehicleId: VEHICLE_ID }),
      ]);
    });
  });

  describe('one visit', () => {
    it('asks the rules once per visit and keeps its id across pages', async () => {
      const first = openPage();
      await first.analytics.begin();
      first.analytics.vehicleView(VEHICLE_ID);
      pageHide();

      const second = openPage();
      await second.analytics.begin();
      second.analytics.formStart('deal', VEHICLE_ID);
      pageHide();

      expect(first.rulesAsked() + second.rulesAsked()).toBe(1);
      expect(second.beaconed.at(-1)?.batch.sessionId).toBe(first.beaconed[0]?.batch.sessionId);
    });

    it('keeps the campaign of the landing page when the shopper moves on before the rules arrive', async () => {
      window.history.replaceState({}, '', '/cars?utm_source=Newsletter');
      const landing = openPage();
      Object.defineProperty(window, 'fetch', {
        value: () => new Promise(() => undefined),
        configurable: true,
      });
      void landing.analytics.begin(); // the rules never come: the shopper moves on

      window.history.replaceState({}, '', '/cars/some-car');
      const next = openPage();
      await next.analytics.begin();
      next.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(next.beaconed[0]?.batch.source).toBe('newsletter');
      window.history.replaceState({}, '', '/');
    });

    it('decides sampling once: a visit left out stays out on every page, and one kept stays in', async () => {
      const rules: CollectionRules = { consent: 'implied', sampleRate: 0.25 };
      const out = openPage({ rules, random: 0.6 });
      await out.analytics.begin();
      out.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      const laterPage = openPage({ rules, random: 0.01 });
      await laterPage.analytics.begin();
      laterPage.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(out.beaconed).toEqual([]);
      expect(laterPage.beaconed).toEqual([]);

      sessionStorage.clear(); // a new visit
      const kept = openPage({ rules, random: 0.1 });
      await kept.analytics.begin();
      kept.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(kept.beaconed[0]?.batch.sampleRate).toBe(0.25);
    });

    it('counts a search once however its results are paged or sorted', async () => {
      const page = openPage();
      await page.analytics.begin();
      page.analytics.search({ make: 'Toyota' }, 40);
      page.analytics.search({ make: 'Toyota', page: 2 }, 40);
      page.analytics.search({ make: 'Toyota', sort: 'price' }, 40);
      page.analytics.search({ make: 'Honda' }, 0);
      pageHide();
      expect(events(page.beaconed.map((b) => b.batch))).toEqual([
        expect.objectContaining({ type: 'search', filters: { make: 'Toyota' }, resultCount: 40 }),
        expect.objectContaining({ type: 'search', filters: { make: 'Honda' }, resultCount: 0 }),
      ]);
    });
  });

  describe('no personal data', () => {
    it('takes e-mail addresses, phone numbers and long numbers out of a search before it leaves the browser', async () => {
      const page = openPage();
      await page.analytics.begin();
      page.analytics.search(
        { q: 'jane.doe@example.com tacoma 555-867-5309 4111111111111111', priceMax: 3_000_000 },
        0,
      );
      pageHide();
      const body = JSON.stringify(page.beaconed.map((b) => withoutGeneratedValues(b.batch)));
      expect(page.beaconed[0]?.batch.events[0]).toMatchObject({
        query: 'tacoma',
        filters: { price: '–30000' },
      });
      for (const personal of ['jane', 'example.com', '867', '5309', '4111'])
        expect(body).not.toContain(personal);
    });

    it('takes the traffic source from utm_source, else the referring host, else calls it direct', async () => {
      const { trafficSourceOf } = await import('./traffic-source');
      const page = 'https://www.dealer.example/cars';
      expect(trafficSourceOf(`${page}?utm_source=Facebook`, 'https://www.google.com/')).toBe('facebook');
      expect(trafficSourceOf(page, 'https://www.google.com/search?q=jane@example.com')).toBe('google.com');
      expect(trafficSourceOf(page, 'https://www.dealer.example/')).toBe('direct');
      expect(trafficSourceOf(`${page}?utm_source=jane@example.com`, '')).toBe('direct');
    });
  });

  describe('visits that send nothing', () => {
    it('on the server render: not even the rules are asked', async () => {
      const page = openPage({ platform: 'server' });
      const started = page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      await started;
      expect(page.rulesAsked()).toBe(0);
      expect(window.fetch).not.toHaveBeenCalled();
    });

    it('when the browser sends Global Privacy Control', async () => {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      const page = openPage();
      await page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(window.fetch).not.toHaveBeenCalled();
      expect(page.beaconed).toEqual([]);
    });

    it('when the user agent is a bot or a headless browser', async () => {
      for (const agent of [
        'Googlebot/2.1 (+http://www.google.com/bot.html)',
        'Mozilla/5.0 HeadlessChrome/156.0',
      ]) {
        sessionStorage.clear();
        setUserAgent(agent);
        const page = openPage();
        await page.analytics.begin();
        page.analytics.vehicleView(VEHICLE_ID);
        pageHide();
        expect(page.beaconed).toEqual([]);
        expect(page.posted).toEqual([]);
      }
    });

    it('while the page is only prerendered; from when the shopper opens it', async () => {
      Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
      try {
        const page = openPage();
        const started = page.analytics.begin();
        page.analytics.vehicleView(VEHICLE_ID);
        await settle();
        pageHide();
        expect(page.rulesAsked()).toBe(0);
        expect(page.beaconed).toEqual([]);

        Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
        document.dispatchEvent(new Event('prerenderingchange'));
        await started;
        pageHide();
        expect(events(page.beaconed.map((b) => b.batch))).toHaveLength(1);
      } finally {
        Object.defineProperty(document, 'prerendering', { value: undefined, configurable: true });
      }
    });

    it('when analytics does not answer the rules: the page works, nothing is sent', async () => {
      const page = openPage();
      Object.defineProperty(window, 'fetch', {
        value: vi.fn(async () => ({ ok: false, json: async () => ({}) })),
        configurable: true,
      });
      await page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(page.beaconed).toEqual([]);
    });
  });

  describe('the dealership’s opt-in rule', () => {
    const optIn: CollectionRules = { consent: 'opt_in', sampleRate: 1 };

    it('asks the shopper first and sends nothing until they accept; then the visit’s events go as granted', async () => {
      const page = openPage({ rules: optIn });
      const started = page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      await started;
      expect(page.analytics.consentNeeded()).toBe(true);
      pageHide();
      expect(page.beaconed).toEqual([]);

      page.analytics.grant();
      page.analytics.formStart('lead', VEHICLE_ID);
      pageHide();

      expect(page.analytics.consentNeeded()).toBe(false);
      expect(page.beaconed).toHaveLength(1);
      expect(page.beaconed[0]?.batch.consent).toBe('granted');
      expect(page.beaconed[0]?.batch.events.map((e) => e.type)).toEqual(['vehicle_view', 'form_start']);
      expect(localStorage.getItem(CONSENT_KEY)).toBe('granted');

      sessionStorage.clear(); // the next visit is not asked again
      const next = openPage({ rules: optIn });
      await next.analytics.begin();
      expect(next.analytics.consentNeeded()).toBe(false);
      next.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(next.beaconed[0]?.batch.consent).toBe('granted');
    });

    it('sends nothing when the shopper declines, and does not ask again on the next visit', async () => {
      const page = openPage({ rules: optIn });
      const started = page.analytics.begin();
      page.analytics.vehicleView(VEHICLE_ID);
      await started;
      page.analytics.deny();
      page.analytics.formStart('lead');
      pageHide();
      expect(page.beaconed).toEqual([]);
      expect(page.analytics.consentNeeded()).toBe(false);

      sessionStorage.clear();
      const next = openPage({ rules: optIn });
      await next.analytics.begin();
      next.analytics.vehicleView(VEHICLE_ID);
      pageHide();
      expect(next.analytics.consentNeeded()).toBe(false);
      expect(next.beaconed).toEqual([]);
    });
  });

  describe('the visit’s source for a lead form', () => {
    it('is the landing page’s source on every page of the visit, sampled or not', async () => {
      window.history.replaceState({}, '', '/cars?utm_source=Google');
      const landing = openPage({ rules: { consent: 'implied', sampleRate: 0.25 }, random: 0.9 });
      await landing.analytics.begin();
      window.history.replaceState({}, '', '/cars/some-car');
      const next = openPage({ rules: { consent: 'implied', sampleRate: 0.25 }, random: 0.9 });
      expect(next.analytics.visitSource()).toBe('google'); // before this page's begin: the tab's landing source
      await next.analytics.begin();
      expect(next.analytics.visitSource()).toBe('google');
      expect(next.beaconed).toEqual([]);
      window.history.replaceState({}, '', '/');
    });

    it('is null on the server, under Global Privacy Control, after a declined banner and before an opt-in is accepted', async () => {
      const server = openPage({ platform: 'server' });
      await server.analytics.begin();
      expect(server.analytics.visitSource()).toBeNull();

      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      const gpc = openPage();
      await gpc.analytics.begin();
      expect(gpc.analytics.visitSource()).toBeNull();
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });

      sessionStorage.clear();
      const asking = openPage({ rules: { consent: 'opt_in', sampleRate: 1 } });
      await asking.analytics.begin();
      expect(asking.analytics.visitSource()).toBeNull();
      asking.analytics.grant();
      expect(asking.analytics.visitSource()).toBe('direct');
      asking.analytics.deny();
      expect(asking.analytics.visitSource()).toBeNull();
    });
  });
});
