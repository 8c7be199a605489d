import type { CreditApplicationSummary, DealSummary, DealTradeIn, Reservation } from '@showroom/contracts';
import type { CreditPart, ReservationPart, TradeInPart } from './deal-ports';

/** The parts of a deal other modules own, as both the shopper and the desk see them. */
export interface DealPartsOf {
  tradeIn: DealTradeIn | null;
  creditApplication: CreditApplicationSummary | null;
  reservation: Reservation | null;
}

/** What the desk's list shows of a deal's parts: their statuses. */
export type DealPartStatuses = Pick<
  DealSummary,
  'tradeStatus' | 'creditApplicationStatus' | 'reservationStatus'
>;

/**
 * Gathers a deal's trade-in, credit application summary and reservation from their modules: one
 * deal as its viewer opens it, one deal as stored (for work in the background), or the statuses of
 * a page of deals in one read per module.
 */
export class DealParts {
  constructor(
    private readonly tradeIns: TradeInPart,
    private readonly credit: CreditPart,
    private readonly reservations: ReservationPart,
  ) {}

  /**
   * The deal's parts for someone opening it (the shopper's deal, the desk's detail): a reservation
   * awaiting payment is checked with the payment provider, in case its event is late.
   */
  async of(dealershipId: string, dealId: string): Promise<DealPartsOf> {
    const [tradeIn, creditApplication, reservation] = await Promise.all([
      this.tradeIns.forDeal(dealershipId, dealId),
      this.credit.summaryFor(dealershipId, dealId),
      this.reservations.caughtUp(dealershipId, dealId),
    ]);
    return { tradeIn, creditApplication, reservation };
  }

  /** The deal's parts as stored, asking no one outside (the deal-lead job). */
  async stored(dealershipId: string, dealId: string): Promise<DealPartsOf> {
    const [tradeIn, creditApplication, reservation] = await Promise.all([
      this.tradeIns.forDeal(dealershipId, dealId),
      this.credit.summaryFor(dealershipId, dealId),
      this.reservations.stored(dealershipId, dealId),
    ]);
    return { tradeIn, creditApplication, reservation };
  }

  /** The statuses of a page of deals' parts, by deal id: one read per module, as stored. */
  async summariesOf(
    dealershipId: string,
    dealIds: readonly string[],
  ): Promise<Map<string, DealPartStatuses>> {
    if (dealIds.length === 0) return new Map();
    const [trades, credit, reservations] = await Promise.all([
      this.tradeIns.statusesFor(dealershipId, dealIds),
      this.credit.summariesFor(dealershipId, dealIds),
      this.reservations.storedForDeals(dealershipId, dealIds),
    ]);
    return new Map(
      dealIds.map((dealId) => [
        dealId,
        {
          tradeStatus: trades.get(dealId) ?? null,
          creditApplicationStatus: credit.get(dealId)?.status ?? null,
          reservationStatus: reservations.get(dealId)?.status ?? null,
        },
      ]),
    );
  }

  /** The trade as a quote counts it: its value and payoff, when the deal has one. */
  tradeOf(dealershipId: string, dealId: string): Promise<DealTradeIn | null> {
    return this.tradeIns.forDeal(dealershipId, dealId);
  }
}
