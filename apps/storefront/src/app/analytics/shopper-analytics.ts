import { isPlatformBrowser } from '@angular/common';
import { DOCUMENT, Injectable, Injector, PLATFORM_ID, inject, signal } from '@angular/core';
import type { DealKind, PublicVehicleParams, ShopperEventInput, ShopperForm } from '@showroom/contracts';
import { withoutTrailingSlash } from '../data/api-origin';
import { SITE } from '../site/site';
import { ShopperEventQueue, type BatchEnvelope } from './event-queue';
import { keyOf, searchDescriptionOf } from './shopper-search';
import { trafficSourceOf } from './traffic-source';
import {
  CONSENT_KEY,
  LANDING_SOURCE_KEY,
  VISIT_KEY,
  newVisit,
  randomSessionId,
  rulesOf,
  storedConsent,
  storedLandingSource,
  storedVisit,
  write,
  type ConsentChoice,
  type Visit,
} from './visit';

/** Events a visit keeps in memory while it waits for the rules or the shopper's answer to the banner. */
const MAX_WAITING_EVENTS = 50;

type State = 'idle' | 'starting' | 'asking' | 'on' | 'off';
type EventWithoutTime = ShopperEventInput extends infer E
  ? E extends unknown
    ? Omit<E, 'at'>
    : never
  : never;

/**
 * The storefront's analytics tracker: what a shopper does on the site (searches, cars viewed, the
 * gallery, forms started and sent, the payment calculator), batched to the collection route.
 *
 * Browser only: on the server every call does nothing, so a rendered (and cached) page carries
 * nothing of it. Nothing identifies the shopper: a random id per tab, search text cleaned of
 * personal data, forms as their kind only. Nothing is sent for bots (isbot on the user agent),
 * while a page is only prerendered, when the browser asks not to be tracked (Global Privacy
 * Control), for a visit left out by the dealership's sample rate, or under its opt-in rule until
 * the shopper accepts the banner. WebDriver-driven browsers are counted (end-to-end tests check
 * the figures); headless ones are bots.
 */
@Injectable({ providedIn: 'root' })
export class ShopperAnalytics {
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  /** Read when the visit starts: components that record events are built in tests without a site too. */
  private collectionUrl = '';

  private state: State = 'idle';
  private started: Promise<void> | null = null;
  private visit: Visit | null = null;
  private queue: ShopperEventQueue | null = null;
  private waiting: ShopperEventInput[] = [];
  private lastSearch: string | null = null;
  private lastView: string | null = null;

  /** True while the dealership's opt-in rule needs the shopper's answer (the banner shows). */
  readonly consentNeeded = signal(false);

  /**
   * Starts the visit: the app calls it once rendered in the browser (so the banner can show on the
   * first page). Until then events wait in memory, so a page or form built on its own (a unit test,
   * a server render) never reaches the network. Resolves once the visit is counted, left out, or
   * waiting for the shopper's answer.
   */
  begin(): Promise<void> {
    if (!this.browser) return Promise.resolve();
    if (!this.started) {
      this.state = 'starting';
      this.rememberLandingSource();
      this.started = this.start().catch(() => this.stop());
    }
    return this.started;
  }

  /** A results page: its text and filters, and how many cars it found. Counted once per search, not per page or sort. */
  search(params: PublicVehicleParams, resultCount: number): void {
    const search = searchDescriptionOf(params);
    const key = keyOf(search);
    if (!this.browser || key === this.lastSearch) return;
    this.lastSearch = key;
    this.record({ type: 'search', ...search, resultCount });
  }

  vehicleView(vehicleId: string): void {
    if (!this.browser || vehicleId === this.lastView) return;
    this.lastView = vehicleId;
    this.record({ type: 'vehicle_view', vehicleId });
  }

  galleryOpen(vehicleId: string): void {
    this.record({ type: 'gallery_open', vehicleId });
  }

  /** A form's first input (its kind only: nothing the shopper types). */
  formStart(form: ShopperForm, vehicleId?: string | null): void {
    this.record({ type: 'form_start', form, ...(vehicleId ? { vehicleId } : {}) });
  }

  /** A form the dealership received. */
  formSubmit(form: ShopperForm, vehicleId?: string | null): void {
    this.record({ type: 'form_submit', form, ...(vehicleId ? { vehicleId } : {}) });
  }

  /** The payment calculator's first change on a car's page. */
  calculatorUse(vehicleId: string | null, dealKind: DealKind | null): void {
    this.record({
      type: 'calculator_use',
      ...(vehicleId ? { vehicleId } : {}),
      ...(dealKind ? { dealKind } : {}),
    });
  }

  /**
   * Where this visit came from (utm_source, the referrer's host or `direct`), for a form that sends
   * a lead: analytics counts the lead under it, on the same funnel row as the visit's vehicle views.
   * A visit left out by the sample rate still has one (sampling thins the shopper events, not the
   * leads). Null on the server, before the visit begins, and when the shopper said no to analytics
   * (Global Privacy Control, a declined banner, or an opt-in rule not yet accepted).
   */
  visitSource(): string | null {
    const window = this.document.defaultView;
    if (!this.browser || !window || this.refused(window)) return null;
    return this.visit?.source ?? storedLandingSource(storageOf(window, 'sessionStorage'));
  }

  /** The shopper accepted the banner: this visit and the next are counted. */
  grant(): void {
    this.answer('granted');
    if (this.visit && this.state === 'asking') this.track(this.visit, 'granted');
  }

  /** The shopper declined: nothing of this visit is sent, and the site does not ask again. */
  deny(): void {
    this.answer('denied');
    this.stop();
  }

  private record(event: EventWithoutTime): void {
    if (!this.browser || this.state === 'off') return;
    const timed = { ...event, at: new Date().toISOString() } as ShopperEventInput;
    if (this.queue) return this.queue.add(timed);
    if (this.waiting.length < MAX_WAITING_EVENTS) this.waiting.push(timed);
  }

  private async start(): Promise<void> {
    const site = this.injector.get(SITE);
    this.collectionUrl = `${withoutTrailingSlash(site.apiOrigin)}/api/analytics/public/dealerships/${site.dealershipId}`;
    const window = this.document.defaultView;
    if (
      !window ||
      (window.navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl
    ) {
      return this.stop();
    }
    await this.shown();
    const { isbot } = await import('isbot');
    if (isbot(window.navigator.userAgent)) return this.stop();

    const session = storageOf(window, 'sessionStorage');
    const visit = storedVisit(session) ?? (await this.newVisit(window));
    if (!visit) return this.stop();
    write(session, VISIT_KEY, JSON.stringify(visit));
    this.visit = visit;
    const choice = storedConsent(storageOf(window, 'localStorage'));
    if (!visit.sampled || choice === 'denied') return this.stop();
    if (visit.consentRule === 'opt_in' && choice !== 'granted') {
      this.state = 'asking';
      this.consentNeeded.set(true);
      return;
    }
    this.track(visit, choice === 'granted' ? 'granted' : 'implied');
  }

  /** A prerendered page is counted once the shopper actually opens it, and not before. */
  private shown(): Promise<void> {
    const document = this.document as Document & { prerendering?: boolean };
    if (!document.prerendering) return Promise.resolve();
    return new Promise<void>((resolve) =>
      document.addEventListener('prerenderingchange', () => resolve(), { once: true }),
    );
  }

  /** The first page of a visit asks the dealership's rules; null when analytics does not answer. */
  private async newVisit(window: Window): Promise<Visit | null> {
    const response = await window.fetch(`${this.collectionUrl}/collection`, { credentials: 'omit' });
    const rules = response.ok ? rulesOf(await response.json()) : null;
    if (!rules) return null;
    const source =
      storedLandingSource(storageOf(window, 'sessionStorage')) ??
      trafficSourceOf(window.location.href, this.document.referrer);
    return newVisit(rules, source, Math.random, randomSessionId(window.crypto));
  }

  /** Only in this tab's storage: it leaves the browser with the visit's batches, if they are ever sent. */
  private rememberLandingSource(): void {
    const window = this.document.defaultView;
    const session = window ? storageOf(window, 'sessionStorage') : null;
    if (!window || storedLandingSource(session) !== null) return;
    write(session, LANDING_SOURCE_KEY, trafficSourceOf(window.location.href, this.document.referrer));
  }

  private track(visit: Visit, consent: BatchEnvelope['consent']): void {
    const window = this.document.defaultView as Window;
    const url = `${this.collectionUrl}/events`;
    const envelope: BatchEnvelope = {
      sessionId: visit.sessionId,
      source: visit.source,
      sampleRate: visit.sampleRate,
      consent,
    };
    const queue = new ShopperEventQueue(
      envelope,
      {
        // text/plain, like a beacon: a "simple" cross-origin request, so no preflight per batch.
        post: (body) =>
          void window
            .fetch(url, {
              method: 'POST',
              body,
              headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
              keepalive: true,
              credentials: 'omit',
            })
            .catch(() => undefined),
        beacon: (body) => window.navigator.sendBeacon?.(url, body) ?? false,
      },
      {
        set: (run, ms) => window.setTimeout(run, ms),
        clear: (handle) => window.clearTimeout(handle as number),
      },
    );
    // pagehide is the last moment a page surely has (unload is unreliable, never fired on phones);
    // a hidden tab may never come back, so its events go too.
    window.addEventListener('pagehide', () => queue.flush('beacon'));
    this.document.addEventListener('visibilitychange', () => {
      if (this.document.visibilityState === 'hidden') queue.flush('beacon');
    });
    this.state = 'on';
    this.consentNeeded.set(false);
    this.queue = queue;
    for (const event of this.waiting) queue.add(event);
    this.waiting = [];
  }

  private refused(window: Window): boolean {
    const navigator = window.navigator as Navigator & { globalPrivacyControl?: boolean };
    const choice = storedConsent(storageOf(window, 'localStorage'));
    return (
      navigator.globalPrivacyControl === true ||
      choice === 'denied' ||
      (this.visit?.consentRule === 'opt_in' && choice !== 'granted')
    );
  }

  private answer(choice: ConsentChoice): void {
    const window = this.document.defaultView;
    if (window) write(storageOf(window, 'localStorage'), CONSENT_KEY, choice);
  }

  private stop(): void {
    this.state = 'off';
    this.waiting = [];
    this.consentNeeded.set(false);
  }
}

/** The storage, or null where the browser refuses it (reading the property can throw). */
function storageOf(window: Window, name: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}
