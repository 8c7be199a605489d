import { DEAL_LEAD_SOURCE, EMPTY_EVENT_FIELDS, type DealKind, type Quote } from '@showroom/contracts';
import type { AnalyticsEventJob } from '../analytics/analytics-events';
import type { DealRow } from './deal-repository';
import { vehicleOf } from './deal-views';

/** One deal_submitted per deal, whatever retries the submission sees. */
export const dealSubmittedKey = (dealId: string) => `analytics:deal-submitted:${dealId}`;

/**
 * What analytics learns of a deal the shopper sent: the deal, the car, the selling price and how
 * it is paid, from the online-deal source. Nothing of the shopper (name, e-mail, phone, credit).
 */
export function dealSubmittedEvent(deal: DealRow, kind: DealKind, quote: Quote, at: Date): AnalyticsEventJob {
  const vehicle = vehicleOf(deal);
  return {
    ...EMPTY_EVENT_FIELDS,
    dealershipId: deal.dealership_id,
    type: 'deal_submitted',
    occurredAt: at.toISOString(),
    source: DEAL_LEAD_SOURCE,
    dealId: deal.id,
    vehicleId: deal.vehicle_id,
    priceCents: quote.sellingPriceCents,
    dealKind: kind,
    vehicleCondition: vehicle.condition.slice(0, 20),
    make: vehicle.make.slice(0, 40),
    model: vehicle.model.slice(0, 60),
    year: vehicle.year,
  };
}
