import type {
  DealAdjustments,
  DealKind,
  DealStructure,
  Quote,
  RetailTerms,
  TradeFigures,
} from '@showroom/contracts';
import { QuoteError, quoteDeal } from '@showroom/retail-payments';
import { FINANCE_TERMS, LEASE_TERMS } from './retail-copy';

/** What quoting needs of the terms (the public RetailTerms carry more). */
export type QuotingTerms = Pick<
  RetailTerms,
  'fees' | 'tax' | 'creditTiers' | 'leaseResiduals' | 'products' | 'disclosure'
>;

export interface QuotedVehicle {
  priceCents: number;
  msrpCents: number | null;
}

/** The most a shopper may put down (the contract's cap): $10M. */
const MAX_DOWN_CENTS = 1_000_000_000;
const DEFAULT_FINANCE_TERM = 60;
const DEFAULT_LEASE_TERM = 36;

/** Lease only where the dealership has residuals (a lease cannot be quoted without one). */
export function kindsOffered(terms: QuotingTerms): DealKind[] {
  return terms.leaseResiduals.length > 0 ? ['finance', 'lease', 'cash'] : ['finance', 'cash'];
}

/** The terms a shopper can choose for `kind`: a lease's are those the dealer has residuals for. */
export function termsFor(kind: DealKind, terms: QuotingTerms): number[] {
  if (kind === 'cash') return [];
  if (kind === 'finance') return [...FINANCE_TERMS];
  return terms.leaseResiduals
    .map((residual) => residual.termMonths as number)
    .filter((months) => (LEASE_TERMS as readonly number[]).includes(months))
    .sort((a, b) => a - b);
}

/** The payment a vehicle page opens with: finance over 60 months, 10 % down, a middling tier. */
export function defaultStructure(vehicle: QuotedVehicle, terms: QuotingTerms): DealStructure {
  const tier = terms.creditTiers.find((t) => t.tier === 'good') ?? terms.creditTiers[0];
  return {
    kind: 'finance',
    // 10 % of the price, in whole hundreds of dollars.
    downPaymentCents: Math.floor(vehicle.priceCents / 10 / 10_000) * 10_000,
    termMonths: DEFAULT_FINANCE_TERM,
    creditTier: tier?.tier ?? 'good',
    products: [],
  };
}

/**
 * The structure made valid for the terms: a kind not offered becomes finance, a term not offered
 * for the kind the nearest one offered, an unknown tier the first, products not on the menu dropped.
 */
export function fitStructure(structure: DealStructure, terms: QuotingTerms): DealStructure {
  const kind = kindsOffered(terms).includes(structure.kind) ? structure.kind : 'finance';
  const offered = termsFor(kind, terms);
  const wanted = kind === 'lease' && structure.kind !== 'lease' ? DEFAULT_LEASE_TERM : structure.termMonths;
  const termMonths =
    offered.length === 0
      ? Math.min(Math.max(structure.termMonths, FINANCE_TERMS[0] ?? 24), FINANCE_TERMS.at(-1) ?? 84)
      : offered.reduce((best, months) =>
          Math.abs(months - wanted) < Math.abs(best - wanted) ? months : best,
        );
  const tiers = terms.creditTiers.map((t) => t.tier);
  const products = structure.products.filter((chosen) =>
    terms.products.some(
      (product) =>
        product.id === chosen.productId &&
        product.options.some((option) => option.termMonths === chosen.termMonths),
    ),
  );
  return {
    kind,
    downPaymentCents: Math.min(Math.max(0, Math.round(structure.downPaymentCents)), MAX_DOWN_CENTS),
    termMonths,
    creditTier: tiers.includes(structure.creditTier)
      ? structure.creditTier
      : (tiers[0] ?? structure.creditTier),
    products,
  };
}

export type Estimate = { quote: Quote; problem: null } | { quote: null; problem: string };

/**
 * The quote of a structure, or why it cannot be quoted (e.g. no residual for that lease term).
 * `adjustments`: the dealer's figures of a counter-offer, so a changed structure keeps them.
 */
export function estimate(
  vehicle: QuotedVehicle,
  structure: DealStructure,
  trade: TradeFigures | null,
  terms: QuotingTerms,
  adjustments?: DealAdjustments,
): Estimate {
  try {
    return { quote: quoteDeal({ vehicle, structure, trade, terms, adjustments }), problem: null };
  } catch (error) {
    if (error instanceof QuoteError) return { quote: null, problem: error.message };
    throw error;
  }
}

/** "2,500" or "$2,500.50" → cents; null when it is not an amount. Empty text is 0. */
export function centsOfDollars(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const [dollars = '0', fraction = ''] = cleaned.split('.');
  return Number(dollars) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as the shopper types dollars: 250000 → "2500", 250050 → "2500.50". */
export function dollarsOfCents(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The structure in a link's query (the panel's "Buy this car online" carries it to the buy page). */
export function structureParams(structure: DealStructure): Record<string, string> {
  return {
    kind: structure.kind,
    down: String(structure.downPaymentCents),
    term: String(structure.termMonths),
    tier: structure.creditTier,
  };
}

/** The structure a link carries, fitted to the terms; anything missing or garbled from `fallback`. */
export function structureOfParams(
  params: { get(name: string): string | null },
  fallback: DealStructure,
  terms: QuotingTerms,
): DealStructure {
  const whole = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d{1,12}$/.test(value) ? Number(value) : null;
  };
  const named = params.get('kind');
  const kind = named === 'finance' || named === 'lease' || named === 'cash' ? named : fallback.kind;
  const term = whole('term');
  const tier = params.get('tier');
  return fitStructure(
    {
      kind,
      downPaymentCents: whole('down') ?? fallback.downPaymentCents,
      termMonths: term !== null && termsFor(kind, terms).includes(term) ? term : fallback.termMonths,
      creditTier: terms.creditTiers.find((t) => t.tier === tier)?.tier ?? fallback.creditTier,
      products: [],
    },
    terms,
  );
}
