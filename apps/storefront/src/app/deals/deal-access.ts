import { isPlatformBrowser } from '@angular/common';
import { DOCUMENT, Injectable, PLATFORM_ID, inject } from '@angular/core';

const KEY_PREFIX = 'sf-deal-access:';

/**
 * The shopper's keys to their deals, in this tab's sessionStorage, one per deal id: the access
 * token the deal was started with, or the signed token of an e-mailed link. Never in a cookie or
 * on the server; gone when the tab closes.
 */
@Injectable({ providedIn: 'root' })
export class DealAccessStore {
  private readonly storage: Storage | null = (() => {
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return null;
    try {
      // Reading it throws where storage is blocked (some private modes).
      return inject(DOCUMENT).defaultView?.sessionStorage ?? null;
    } catch {
      return null;
    }
  })();
  /** Kept here too, so a tab that cannot store still works until it is reloaded. */
  private readonly inMemory = new Map<string, string>();

  remember(dealId: string, token: string): void {
    this.inMemory.set(dealId, token);
    try {
      this.storage?.setItem(KEY_PREFIX + dealId, token);
    } catch {
      // Storage full or blocked: the in-memory copy serves this visit.
    }
  }

  tokenFor(dealId: string): string | null {
    try {
      return this.storage?.getItem(KEY_PREFIX + dealId) ?? this.inMemory.get(dealId) ?? null;
    } catch {
      return this.inMemory.get(dealId) ?? null;
    }
  }

  forget(dealId: string): void {
    this.inMemory.delete(dealId);
    try {
      this.storage?.removeItem(KEY_PREFIX + dealId);
    } catch {
      // Nothing stored.
    }
  }
}
