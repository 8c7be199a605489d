import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DealTradeIn, TradeInInput } from '@showroom/contracts';
import { loggableError, problems } from '@showroom/server-kit';
import { formatCents } from '@showroom/retail-payments';
import type { RetailDatabase } from '../database';
import { recordActivity } from '../deals/activity';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import { DealRepository, type DealRow } from '../deals/deal-repository';
import { ValuationGridRepository } from '../settings/valuation-grid-repository';
import { describeTrade, type DescribedTrade } from './trade-description';
import { estimateTrade, type TradeEstimate } from './trade-estimate';
import { requireTradeOpen } from './trade-problems';
import { TradeInRepository, type TradeInColumns, type TradeInRow } from './trade-in-repository';
import type { TradeInService } from './trade-in-service';
import type { ObjectStore } from '@showroom/server-storage';

export interface TradeInIntakeDeps {
  db: Kysely<RetailDatabase>;
  objects: Pick<ObjectStore, 'delete'>;
  views: Pick<TradeInService, 'viewOf'>;
  logger: Logger;
}

const sameText = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase());

/** The same car: the same VIN when both have one, else the same year, make and model. */
function sameVehicle(stored: TradeInRow, described: DescribedTrade): boolean {
  if (stored.vin && described.vin) return stored.vin === described.vin;
  return (
    stored.year === described.year &&
    sameText(stored.make, described.make) &&
    sameText(stored.model, described.model)
  );
}

/** What an appraisal was made on: the same car, with the same miles and the same answers. */
function appraisedAsDescribed(stored: TradeInRow, described: DescribedTrade, input: TradeInInput): boolean {
  return (
    stored.appraisal_cents !== null &&
    sameVehicle(stored, described) &&
    stored.mileage === input.mileage &&
    stored.condition_answers === JSON.stringify(input.condition)
  );
}

const tradeName = (trade: DescribedTrade) => [trade.year, trade.make, trade.model].filter(Boolean).join(' ');

function activityText(
  trade: DescribedTrade,
  mileage: number,
  estimate: TradeEstimate | null,
  replaced: boolean,
) {
  const what = `${replaced ? 'Changed the trade-in to' : 'Added a trade-in:'} ${tradeName(trade)}, ${mileage.toLocaleString('en-US')} miles`;
  return estimate
    ? `${what}; estimated ${formatCents(estimate.lowCents)} to ${formatCents(estimate.highCents)}.`
    : `${what}; awaiting appraisal.`;
}

/**
 * The shopper's trade-in: described (the VIN decoded and checked against what was typed), estimated
 * from the dealer's valuation grid or left for the dealer to appraise, and stored once per deal.
 * Describing another car replaces the trade and drops its photos (and any appraisal); describing the
 * same car again keeps the photos, and keeps the appraisal when the miles and answers are unchanged.
 */
export class TradeInIntake {
  constructor(private readonly deps: TradeInIntakeDeps) {}

  async put(deal: DealRow, input: TradeInInput): Promise<DealTradeIn> {
    const dealershipId = deal.dealership_id;
    requireTradeOpen(deal.status);
    const described = describeTrade(input);
    const grid = await new ValuationGridRepository(this.deps.db).rows(dealershipId);
    const estimate = estimateTrade(grid, { ...described, mileage: input.mileage }, input.condition);
    const droppedKeys = await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = await deals.findForUpdate(dealershipId, deal.id);
      if (!locked) throw problems.notFound(`Deal ${deal.id}`);
      requireTradeOpen(locked.status);
      const trades = new TradeInRepository(trx);
      const stored = await trades.forDealForUpdate(dealershipId, deal.id);
      const keepAppraisal = stored ? appraisedAsDescribed(stored, described, input) : false;
      const columns: Omit<TradeInColumns, 'id'> = {
        ...described,
        mileage: input.mileage,
        condition_answers: JSON.stringify(input.condition),
        payoff_cents: input.payoffCents,
        lender: input.lender ?? null,
        estimate_low_cents: estimate?.lowCents ?? null,
        estimate_high_cents: estimate?.highCents ?? null,
        ...(keepAppraisal
          ? {}
          : { appraisal_cents: null, appraisal_note: null, appraised_at: null, appraised_by: null }),
        status: keepAppraisal ? 'appraised' : estimate ? 'estimated' : 'awaiting-appraisal',
      };
      let dropped: string[] = [];
      if (!stored) {
        await trades.insert(dealershipId, deal.id, { id: randomUUID(), ...columns });
      } else {
        await trades.replace(dealershipId, stored.id, columns);
        if (!sameVehicle(stored, described)) {
          dropped = (await trades.removePhotos(dealershipId, stored.id)).map((photo) => photo.object_key);
        }
      }
      // The desk's view changed: a counter-offer made on the earlier read is refused (412).
      await deals.update(dealershipId, deal.id, {});
      await recordActivity(trx, dealershipId, deal.id, {
        actor: 'Shopper',
        kind: 'trade-added',
        text: activityText(described, input.mileage, estimate, stored !== undefined),
      });
      await queueDealLeadUpdate(trx, locked);
      return dropped;
    });
    await this.deleteObjects(droppedKeys);
    const view = await this.deps.views.viewOf(this.deps.db, dealershipId, deal.id);
    if (!view) throw problems.notFound(`The trade-in of deal ${deal.id}`);
    return view;
  }

  /** The photos of a replaced car: their rows are gone; an object left behind is only storage. */
  private async deleteObjects(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.deps.objects.delete(keys);
    } catch (error) {
      this.deps.logger.warn(
        { err: loggableError(error), keys },
        'could not delete the photos of a replaced trade-in',
      );
    }
  }
}
