import type { DealAdjustments, DealStructure, RetailTerms, TradeFigures } from '@showroom/contracts';

/** The part of a dealership's RetailTerms a quote is computed with. */
export type QuoteTerms = Pick<
  RetailTerms,
  'fees' | 'tax' | 'creditTiers' | 'leaseResiduals' | 'products' | 'disclosure'
>;

export interface QuoteInput {
  /** The listed price and MSRP (the lease residual is a share of the MSRP, of the price without one). */
  vehicle: { priceCents: number; msrpCents: number | null };
  structure: DealStructure;
  trade: TradeFigures | null;
  terms: QuoteTerms;
  /** The desk's overrides; a null field keeps the figure the terms give. */
  adjustments?: DealAdjustments;
}
