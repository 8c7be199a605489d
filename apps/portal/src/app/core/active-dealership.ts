import { computed, Injectable, signal } from '@angular/core';
import type { Membership } from '@showroom/contracts';

export interface DealerGroup {
  id: string;
  name: string;
}

const STORAGE_KEY = 'showroom.activeDealershipId';

/**
 * The dealership the dealer is working in right now. Every inventory, leads and team call is made
 * for it (see `dealershipInterceptor`); the choice survives reloads, and falls back to the first
 * membership when the stored one is gone (membership revoked, another user on this browser).
 */
@Injectable({ providedIn: 'root' })
export class ActiveDealership {
  private readonly memberships = signal<readonly Membership[]>([]);
  private readonly membershipsKnown = signal(false);
  private readonly chosenId = signal<string | null>(readStoredId());

  readonly all = this.memberships.asReadonly();
  readonly membership = computed<Membership | null>(() => {
    const memberships = this.memberships();
    return memberships.find((m) => m.dealership.id === this.chosenId()) ?? memberships[0] ?? null;
  });
  readonly id = computed(() => this.membership()?.dealership.id ?? null);
  readonly role = computed(() => this.membership()?.role ?? null);
  readonly hasChoice = computed(() => this.memberships().length > 1);
  /**
   * Until the memberships are known: the dealership this browser worked in last, which a first
   * screen reads in while the memberships load (the service checks the token grants it). Null after.
   */
  readonly expectedId = computed(() => (this.membershipsKnown() ? null : this.chosenId()));
  /**
   * The active dealership's group when the dealer works at more than one of its rooftops: they may
   * search all of those at once. Null otherwise.
   */
  readonly group = computed<DealerGroup | null>(() => {
    const dealership = this.membership()?.dealership;
    if (!dealership?.dealerGroupId) return null;
    const rooftops = this.memberships().filter(
      (m) => m.dealership.dealerGroupId === dealership.dealerGroupId,
    );
    if (rooftops.length < 2) return null;
    return { id: dealership.dealerGroupId, name: dealership.dealerGroupName ?? 'your group' };
  });

  setMemberships(memberships: readonly Membership[]): void {
    this.memberships.set(memberships);
    this.membershipsKnown.set(true);
    // The one in use is remembered even when it is the first membership by default: the next visit
    // reads its first screen in it without waiting for the memberships.
    const id = this.id();
    if (id !== null && id !== this.chosenId()) this.remember(id);
  }

  /** Switches to another of the dealer's dealerships; unknown ids are ignored. */
  select(dealershipId: string): void {
    if (!this.memberships().some((m) => m.dealership.id === dealershipId)) return;
    this.remember(dealershipId);
  }

  private remember(dealershipId: string): void {
    this.chosenId.set(dealershipId);
    try {
      localStorage.setItem(STORAGE_KEY, dealershipId);
    } catch {
      // Private mode or storage full: the choice still holds for this tab.
    }
  }
}

function readStoredId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const ACTIVE_DEALERSHIP_STORAGE_KEY = STORAGE_KEY;
