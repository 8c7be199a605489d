import type { CollectionResult, CollectionRules, ShopperEventBatch } from '@showroom/contracts';
import type { AnalyticsEngine } from '../engine/port';
import type { AnalyticsSettingsService } from '../settings/settings-service';
import { analyticsEventsOf } from './shopper-events';
import { keepNothingReason, type HeaderOf, type KeepNothingReason } from './visit-signals';

export interface ShopperEventCollectorDeps {
  settings: AnalyticsSettingsService;
  engine: AnalyticsEngine;
  clock: () => Date;
  /** Told how many batches were answered without keeping anything, and why (counts only: no shopper data). */
  onKeptNothing?: (reason: KeepNothingReason) => void;
}

/**
 * Shopper events from a dealership's website: what the site may collect (its consent rule and
 * sample rate), and storing a batch as analytics events when the visit may be counted.
 */
export class ShopperEventCollector {
  constructor(private readonly deps: ShopperEventCollectorDeps) {}

  /** What the storefront's tracker asks once per visit before it tracks anything. */
  async rules(dealershipId: string): Promise<CollectionRules> {
    const { consent, sampleRate } = await this.deps.settings.settings(dealershipId);
    return { consent, sampleRate };
  }

  /**
   * Stores a batch: skipped whole for bots, prefetches, Global Privacy Control and a visit without
   * the consent the dealership's rule asks for; else every event recent enough, weighted by the
   * visit's sampling, with search text cleaned of personal data.
   */
  async collect(dealershipId: string, batch: ShopperEventBatch, header: HeaderOf): Promise<CollectionResult> {
    const rules = await this.rules(dealershipId);
    const reason = keepNothingReason(header, batch, rules);
    if (reason) {
      this.deps.onKeptNothing?.(reason);
      return { accepted: 0 };
    }
    const events = analyticsEventsOf(batch, {
      dealershipId,
      receivedAt: this.deps.clock(),
      sampleRate: rules.sampleRate,
    });
    if (events.length > 0) await this.deps.engine.append(events);
    return { accepted: events.length };
  }
}
