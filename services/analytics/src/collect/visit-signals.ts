import { isbot } from 'isbot';
import type { CollectionRules, ShopperEventBatch } from '@showroom/contracts';

/** Why a batch is answered but nothing of it kept. */
export type KeepNothingReason = 'bot' | 'prefetch' | 'global-privacy-control' | 'no-consent';

/** A request header by (case-insensitive) name, as Express's `req.get` gives it. */
export type HeaderOf = (name: string) => string | undefined;

/**
 * Batches analytics must not count, even though they are well formed: crawlers and headless
 * browsers (not shoppers), pages a browser only prefetched or prerendered (nobody saw them),
 * shoppers whose browser says "do not sell or share" (Global Privacy Control), and, under the
 * dealership's opt-in rule, visits whose shopper did not accept. The site is answered 202 all the
 * same: a bot learns nothing, and a shopper's page has nothing to retry.
 */
export function keepNothingReason(
  header: HeaderOf,
  batch: ShopperEventBatch,
  rules: CollectionRules,
): KeepNothingReason | null {
  const userAgent = header('user-agent') ?? '';
  if (!userAgent.trim() || isbot(userAgent)) return 'bot';
  if (isPrefetch(header)) return 'prefetch';
  if (header('sec-gpc')?.trim() === '1') return 'global-privacy-control';
  if (rules.consent === 'opt_in' && batch.consent !== 'granted') return 'no-consent';
  return null;
}

/** `Sec-Purpose: prefetch` (and `prefetch;prerender`) from Chromium, `Purpose`/`X-Moz: prefetch` from older browsers. */
function isPrefetch(header: HeaderOf): boolean {
  return ['sec-purpose', 'purpose', 'x-moz'].some((name) => header(name)?.toLowerCase().includes('prefetch'));
}
