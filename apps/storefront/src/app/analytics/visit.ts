import {
  ANALYTICS_CONSENT_RULES,
  type AnalyticsConsentRule,
  type CollectionRules,
} from '@showroom/contracts';

/**
 * One visit (this tab, until it is closed), kept in sessionStorage so every page of it sends the
 * same random id, the source it arrived from and one sampling decision: a visit is tracked whole
 * or not at all, or the funnel from views to forms would mix sampled and unsampled pages.
 */
export interface Visit {
  /** Random, never derived from the shopper (no cookie, no fingerprint); gone when the tab closes. */
  sessionId: string;
  source: string;
  consentRule: AnalyticsConsentRule;
  sampleRate: number;
  sampled: boolean;
}

export const VISIT_KEY = 'sf-analytics-visit';
/**
 * The traffic source of the visit's first page, kept as soon as it is open: a shopper who leaves
 * the landing page before the rules arrive must not turn a campaign visit into a direct one.
 */
export const LANDING_SOURCE_KEY = 'sf-analytics-landing-source';
/** The shopper's answer to the banner, kept for the site (localStorage) so they are asked once. */
export const CONSENT_KEY = 'sf-analytics-consent';
export type ConsentChoice = 'granted' | 'denied';

export function newVisit(
  rules: CollectionRules,
  source: string,
  random: () => number,
  sessionId: string,
): Visit {
  return {
    sessionId,
    source,
    consentRule: rules.consent,
    sampleRate: rules.sampleRate,
    sampled: random() < rules.sampleRate,
  };
}

/** 32 random hex digits (crypto.randomUUID needs a secure context; a site on plain http has none). */
export function randomSessionId(crypto: Crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** The rules as the collection route answered, or null when the answer is not rules. */
export function rulesOf(body: unknown): CollectionRules | null {
  const { consent, sampleRate } = (body ?? {}) as Partial<Record<keyof CollectionRules, unknown>>;
  if (!ANALYTICS_CONSENT_RULES.includes(consent as AnalyticsConsentRule)) return null;
  if (typeof sampleRate !== 'number' || !(sampleRate > 0 && sampleRate <= 1)) return null;
  return { consent: consent as AnalyticsConsentRule, sampleRate };
}

export function storedVisit(storage: Storage | null): Visit | null {
  const visit = readJson(storage, VISIT_KEY) as Partial<Visit> | null;
  if (!visit || typeof visit.sessionId !== 'string' || typeof visit.sampled !== 'boolean') return null;
  const rules = rulesOf({ consent: visit.consentRule, sampleRate: visit.sampleRate });
  return rules && typeof visit.source === 'string' ? (visit as Visit) : null;
}

export function storedLandingSource(storage: Storage | null): string | null {
  return read(storage, LANDING_SOURCE_KEY);
}

export function storedConsent(storage: Storage | null): ConsentChoice | null {
  const choice = read(storage, CONSENT_KEY);
  return choice === 'granted' || choice === 'denied' ? choice : null;
}

/** Storage can be missing or refuse (a private window, a full quota): the visit then lives in this page only. */
export function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Nothing to do: the visit is tracked for this page, asked again on the next.
  }
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function readJson(storage: Storage | null, key: string): unknown {
  try {
    return JSON.parse(read(storage, key) ?? 'null');
  } catch {
    return null;
  }
}
