import { inject, Injectable } from '@angular/core';
import { type CanMatchFn, Router, type UrlSegment, type UrlTree } from '@angular/router';
import { ActiveDealership } from '../core/active-dealership';
import type { ReadAhead } from './read-ahead';

/** The read a first screen started while the dealer's memberships were loading (`readEarly`). */
@Injectable({ providedIn: 'root' })
export class EarlyRead {
  private held: ReadAhead<unknown> | null = null;

  hold(read: ReadAhead<unknown>): void {
    this.held = read;
  }

  /** The early read when it asks the resolver's own question (`key`); null otherwise. Let go either way. */
  claim<R>(key: string): ReadAhead<R> | null {
    const held = this.held;
    this.held = null;
    return held?.key === key ? (held as ReadAhead<R>) : null;
  }
}

/** Starts a first screen's read for the dealership, the URL and the route's own segments; null: none. */
export type EarlyReadStart = (
  dealershipId: string,
  url: UrlTree,
  segments: UrlSegment[],
) => ReadAhead<unknown> | null;

/**
 * For a first screen's route (`canMatch`): on the first navigation of a visit, starts the screen's read
 * as soon as the URL is matched, in the dealership this browser worked in last, while the dealer's
 * memberships load; the route's resolver would start it only after them, a round trip later on a slow
 * network. The resolver claims it when it asks the same question; otherwise (another dealership now,
 * a membership gone) it is dropped and the resolver asks. Once the memberships are known, it does
 * nothing: the resolver starts at once. Always matches.
 */
export function readEarly(start: EarlyReadStart): CanMatchFn {
  return (_route, segments) => {
    const dealershipId = inject(ActiveDealership).expectedId();
    const url = inject(Router).currentNavigation()?.extractedUrl;
    const read = dealershipId && url ? start(dealershipId, url, segments) : null;
    if (read) inject(EarlyRead).hold(read);
    return true;
  };
}
