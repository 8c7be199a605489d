import {
  type FormControl,
  type FormGroup,
  FormRecord,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import type {
  ChosenProduct,
  CounterOfferInput,
  CreditTier,
  DealAdjustments,
  DealDesk,
  DealKind,
  DealStructure,
  Offer,
  ProtectionProduct,
  Quote,
  TradeFigures,
} from '@showroom/contracts';
import { FINANCE_TERM_MAX_MONTHS, FINANCE_TERM_MIN_MONTHS, FINANCE_TERMS } from '@showroom/contracts';
import { quoteDeal, QuoteError } from '@showroom/retail-payments';
import { centsToDollars, dollarsToCents } from '../../core/money';

/**
 * The deal desk's structure and adjustments form, and what it computes: the quote of what the dealer
 * types (with the same library and terms as the shopper's browser and the service), and how it differs
 * from the shopper's offer. Money is typed in dollars, rates in percent; the contract's cents, basis
 * points and money factor come out of `counterOfferFrom`.
 */

export interface ProductChoiceControls {
  chosen: FormControl<boolean>;
  termMonths: FormControl<number>;
}

export interface DeskControls {
  kind: FormControl<DealKind>;
  /** Dollars. */
  downPayment: FormControl<number>;
  termMonths: FormControl<number>;
  creditTier: FormControl<CreditTier>;
  /** One row per product of the dealer's menu, by product id. */
  products: FormRecord<FormGroup<ProductChoiceControls>>;
  /** Dollars; null sells at the listed price. */
  sellingPrice: FormControl<number | null>;
  /** Percent, e.g. 5.49; null takes the credit tier's rate. */
  aprPercent: FormControl<number | null>;
  /** e.g. 0.00125; null takes the credit tier's money factor. */
  moneyFactor: FormControl<number | null>;
  /** Dollars; null counts the trade at what the appraisal or estimate gives. */
  tradeValue: FormControl<number | null>;
  message: FormControl<string>;
}
export type DeskForm = FormGroup<DeskControls>;
export type DeskFormValue = ReturnType<DeskForm['getRawValue']>;

export const MAX_MESSAGE_LENGTH = 2000;
const MAX_DOLLARS = 10_000_000;

/** The latest offer: the one the desk answers (the shopper's, or the dealer's last counter). */
export function latestOffer(desk: Pick<DealDesk, 'offers'>): Offer | null {
  return desk.offers.reduce<Offer | null>(
    (latest, offer) => (!latest || offer.version > latest.version ? offer : latest),
    null,
  );
}

/** The shopper's latest offer, which the desk's figures are compared with. */
export function shopperOffer(desk: Pick<DealDesk, 'offers'>): Offer | null {
  return latestOffer({ offers: desk.offers.filter((offer) => offer.by === 'shopper') });
}

/**
 * The products the desk can put on the deal: the dealer's active menu, plus any product the latest
 * offer carries that is no longer on it (deactivated since), priced as the offer priced it, so the
 * deal can still be quoted and countered with or without it.
 */
export function deskProducts(desk: Pick<DealDesk, 'terms' | 'offers'>): ProtectionProduct[] {
  const menu = desk.terms.products;
  const carried = (latestOffer(desk)?.quote.products ?? [])
    .filter((quoted) => !menu.some((product) => product.id === quoted.productId))
    .map((quoted): ProtectionProduct => ({
      id: quoted.productId,
      kind: quoted.kind,
      name: quoted.name,
      description: '',
      options: [{ termMonths: quoted.termMonths, priceCents: quoted.priceCents }],
      active: false,
    }));
  return [...menu, ...carried];
}

/** The terms the desk quotes with: the dealership's, with the products the deal still carries. */
export function deskTerms(desk: Pick<DealDesk, 'terms' | 'offers'>): DealDesk['terms'] {
  return { ...desk.terms, products: deskProducts(desk) };
}

export function createDeskForm(fb: NonNullableFormBuilder, desk: DealDesk): DeskForm {
  const offer = latestOffer(desk);
  const structure = offer?.structure ?? defaultStructure(desk);
  const adjustments = offer?.adjustments ?? null;
  const products = new FormRecord<FormGroup<ProductChoiceControls>>({});
  for (const product of deskProducts(desk)) {
    const chosen = structure.products.find((choice) => choice.productId === product.id);
    products.addControl(
      product.id,
      fb.group({
        chosen: fb.control(chosen !== undefined),
        termMonths: fb.control(chosen?.termMonths ?? product.options[0]?.termMonths ?? 12),
      }),
    );
  }
  const money = [Validators.min(0), Validators.max(MAX_DOLLARS)];
  return fb.group({
    kind: fb.control(structure.kind),
    downPayment: fb.control(centsToDollars(structure.downPaymentCents), [Validators.required, ...money]),
    termMonths: fb.control(structure.termMonths, [
      Validators.required,
      Validators.min(FINANCE_TERM_MIN_MONTHS),
      Validators.max(FINANCE_TERM_MAX_MONTHS),
    ]),
    creditTier: fb.control(structure.creditTier),
    products,
    sellingPrice: fb.control<number | null>(dollarsOrNull(adjustments?.sellingPriceCents ?? null), money),
    aprPercent: fb.control<number | null>(
      adjustments?.financeAprBps === null || adjustments?.financeAprBps === undefined
        ? null
        : adjustments.financeAprBps / 100,
      [Validators.min(0), Validators.max(30)],
    ),
    moneyFactor: fb.control<number | null>(adjustments?.leaseMoneyFactor ?? null, [
      Validators.min(0),
      Validators.max(0.01),
    ]),
    tradeValue: fb.control<number | null>(dollarsOrNull(adjustments?.tradeValueCents ?? null), money),
    message: fb.control('', [Validators.maxLength(MAX_MESSAGE_LENGTH)]),
  });
}

function defaultStructure(desk: DealDesk): DealStructure {
  return {
    kind: 'finance',
    downPaymentCents: 0,
    termMonths: 60,
    creditTier: desk.terms.creditTiers[0]?.tier ?? 'good',
    products: [],
  };
}

function dollarsOrNull(cents: number | null): number | null {
  return cents === null ? null : centsToDollars(cents);
}

/** A typed amount as cents; blank (null, or an empty input's NaN) is null. */
function centsOrNull(dollars: number | null): number | null {
  return dollars === null || !Number.isFinite(dollars) ? null : dollarsToCents(dollars);
}

/** The terms a structure of this kind may run: finance's list, or the lease terms the dealer has residuals for. */
export function termOptions(kind: DealKind, desk: Pick<DealDesk, 'terms'>, current: number): number[] {
  const terms: number[] =
    kind === 'lease'
      ? desk.terms.leaseResiduals.map((residual) => residual.termMonths).sort((a, b) => a - b)
      : [...FINANCE_TERMS];
  return terms.includes(current) || kind === 'lease' ? terms : [...terms, current].sort((a, b) => a - b);
}

export function structureFrom(value: DeskFormValue): DealStructure {
  const products: ChosenProduct[] = Object.entries(value.products)
    .filter(([, choice]) => choice.chosen)
    .map(([productId, choice]) => ({ productId, termMonths: choice.termMonths }));
  return {
    kind: value.kind,
    downPaymentCents: centsOrNull(value.downPayment) ?? 0,
    termMonths: value.termMonths,
    creditTier: value.creditTier,
    products,
  };
}

/** Only the adjustments of the deal's kind: a finance deal has no money factor, a lease no APR. */
export function adjustmentsFrom(value: DeskFormValue): DealAdjustments {
  const aprPercent = value.aprPercent;
  return {
    sellingPriceCents: centsOrNull(value.sellingPrice),
    financeAprBps:
      value.kind === 'finance' && aprPercent !== null && Number.isFinite(aprPercent)
        ? Math.round(aprPercent * 100)
        : null,
    leaseMoneyFactor:
      value.kind === 'lease' && value.moneyFactor !== null && Number.isFinite(value.moneyFactor)
        ? value.moneyFactor
        : null,
    tradeValueCents: centsOrNull(value.tradeValue),
  };
}

export function counterOfferFrom(value: DeskFormValue): CounterOfferInput {
  const message = value.message.trim();
  return {
    structure: structureFrom(value),
    adjustments: adjustmentsFrom(value),
    ...(message ? { message } : {}),
  };
}

/** The trade the deal counts: the trade-in's value (appraisal, else estimate) and its payoff. */
export function tradeOf(desk: Pick<DealDesk, 'tradeIn'>): TradeFigures | null {
  const tradeIn = desk.tradeIn;
  return tradeIn ? { valueCents: tradeIn.valueCents, payoffCents: tradeIn.payoffCents } : null;
}

export type LiveQuote =
  { quote: Quote; problem: null } | { quote: null; problem: { field: string; message: string } };

/** The quote of what the desk typed, or why it cannot be quoted (a lease term without a residual…). */
export function liveQuote(desk: DealDesk, value: DeskFormValue): LiveQuote {
  try {
    const quote = quoteDeal({
      vehicle: { priceCents: desk.vehicle.priceCents, msrpCents: desk.vehicle.msrpCents },
      structure: structureFrom(value),
      trade: tradeOf(desk),
      terms: deskTerms(desk),
      adjustments: adjustmentsFrom(value),
    });
    return { quote, problem: null };
  } catch (error) {
    if (error instanceof QuoteError)
      return { quote: null, problem: { field: error.field, message: error.message } };
    throw error;
  }
}

export interface QuoteDifference {
  label: string;
  /** 'money' in cents, 'rate' in basis points, 'months'. */
  unit: 'money' | 'rate' | 'months';
  before: number | null;
  after: number | null;
  /** after − before; null when one side has no such figure (cash has no APR). */
  change: number | null;
}

/** What a desk dealer and a shopper look at first, each figure side by side; only those that changed. */
export function quoteDifferences(before: Quote, after: Quote): QuoteDifference[] {
  const rows: Omit<QuoteDifference, 'change'>[] = [
    {
      label: 'Selling price',
      unit: 'money',
      before: before.sellingPriceCents,
      after: after.sellingPriceCents,
    },
    { label: 'Products', unit: 'money', before: before.productsCents, after: after.productsCents },
    { label: 'Trade value', unit: 'money', before: before.tradeValueCents, after: after.tradeValueCents },
    { label: 'Down payment', unit: 'money', before: before.downPaymentCents, after: after.downPaymentCents },
    { label: 'Rate (APR)', unit: 'rate', before: aprOf(before), after: aprOf(after) },
    { label: 'Term', unit: 'months', before: termOf(before), after: termOf(after) },
    {
      label: 'Monthly payment',
      unit: 'money',
      before: before.monthlyPaymentCents,
      after: after.monthlyPaymentCents,
    },
    {
      label: 'Due at signing',
      unit: 'money',
      before: before.dueAtSigningCents,
      after: after.dueAtSigningCents,
    },
  ];
  return rows
    .map((row) => ({
      ...row,
      change: row.before === null || row.after === null ? null : row.after - row.before,
    }))
    .filter((row) => row.before !== row.after);
}

/** The APR of a finance quote, or a lease's APR equivalent; null for cash. */
export function aprOf(quote: Quote): number | null {
  return quote.finance?.aprBps ?? quote.lease?.aprEquivalentBps ?? null;
}

function termOf(quote: Quote): number | null {
  return quote.finance?.termMonths ?? quote.lease?.termMonths ?? null;
}
