import type { CreditApplicationSummary, DealTradeIn, Reservation } from '@showroom/contracts';
import type { CreditPart, ReservationPart, TradeInPart } from './deal-ports';

/** The parts of a deal other modules own, as both the shopper and the desk see them. */
export interface DealPartsOf {
  tradeIn: DealTradeIn | null;
  creditApplication: CreditApplicationSummary | null;
  reservation: Reservation | null;
}

/** Gathers a deal's trade-in, credit application summary and reservation from their modules. */
export class DealParts {
  constructor(
    private readonly tradeIns: TradeInPart,
    private readonly credit: CreditPart,
    private readonly reservations: ReservationPart,
  ) {}

  async of(dealershipId: string, dealId: string): Promise<DealPartsOf> {
    const [tradeIn, creditApplication, reservation] = await Promise.all([
      this.tradeIns.forDeal(dealershipId, dealId),
      this.credit.summaryFor(dealershipId, dealId),
      this.reservations.forDeal(dealershipId, dealId),
    ]);
    return { tradeIn, creditApplication, reservation };
  }

  /** The trade as a quote counts it: its value and payoff, when the deal has one. */
  tradeOf(dealershipId: string, dealId: string): Promise<DealTradeIn | null> {
    return this.tradeIns.forDeal(dealershipId, dealId);
  }
}
