import { Injectable, computed, inject, signal } from '@angular/core';
import type { RetailTerms, ShopperDeal } from '@showroom/contracts';
import { firstValueFrom } from 'rxjs';
import { RetailApi } from '../data/retail-api';
import { SITE } from '../site/site';

/**
 * One shopper's deal while its page is open: the deal as the API last answered, the dealership's
 * terms, and the access token the steps send with every call. Provided by the deal page, so each
 * step card reads and replaces the same deal.
 */
@Injectable()
export class DealSession {
  private readonly retail = inject(RetailApi);
  private readonly timeFormat = new Intl.DateTimeFormat('en-US', {
    timeZone: inject(SITE).timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  readonly dealId = signal('');
  readonly token = signal('');
  readonly deal = signal<ShopperDeal | null>(null);
  readonly terms = signal<RetailTerms | null>(null);

  /** The shopper can still change the payment, the trade-in and the products (not once sent). */
  readonly editable = computed(() => this.deal()?.status === 'draft');
  /** Deals that are over: nothing more to do on them. */
  readonly closed = computed(() => {
    const status = this.deal()?.status;
    return status === 'accepted' || status === 'withdrawn';
  });

  open(dealId: string, token: string): void {
    this.dealId.set(dealId);
    this.token.set(token);
  }

  /** Reads the deal again (after a part of it changed: the offer's quote may have too). */
  async reload(): Promise<ShopperDeal> {
    const deal = await firstValueFrom(this.retail.deal(this.dealId(), this.token()));
    this.deal.set(deal);
    return deal;
  }

  replace(deal: ShopperDeal): void {
    this.deal.set(deal);
  }

  /** A time in the dealership's time zone, e.g. "Dec 7, 2026, 3:00 PM". */
  timeText(iso: string): string {
    return this.timeFormat.format(new Date(iso));
  }
}
