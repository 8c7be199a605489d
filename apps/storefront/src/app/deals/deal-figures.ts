import type { ShopperDeal, TradeFigures } from '@showroom/contracts';

/** The trade as the deal counts it (the appraisal, else the estimate's low end), for quoting. */
export function tradeFiguresOf(deal: Pick<ShopperDeal, 'tradeIn'>): TradeFigures | null {
  const trade = deal.tradeIn;
  return trade ? { valueCents: trade.valueCents, payoffCents: trade.payoffCents } : null;
}
