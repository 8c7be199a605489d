import { z } from 'zod';
import { FIRST_MODEL_YEAR, MAX_MILEAGE, MAX_PRICE_CENTS } from './vehicle-options';
import {
  CREDIT_APPLICATION_STATUSES,
  CREDIT_CONSENT_VERSION,
  CREDIT_TIERS,
  DEAL_KINDS,
  DEAL_STATUSES,
  EMPLOYMENT_STATUSES,
  FINANCE_TERM_MAX_MONTHS,
  FINANCE_TERM_MIN_MONTHS,
  HOUSING,
  LEASE_TAX_RULES,
  LEASE_TERMS,
  PRODUCT_KINDS,
  RESERVATION_STATUSES,
  TRADE_CONDITIONS,
  TRADE_STATUSES,
} from './retail-options';
import { VinSchema } from './vehicles';

/**
 * Digital retailing (the zod-free values — lists, texts, scopes — are in retail-options.ts): the deal a shopper works out on a dealership's website (payment, trade-in,
 * credit application, protection products, reservation) and the deal desk where the dealership
 * answers it. Money is integer cents (USD); rates are basis points (1 bp = 0.01 %), except a
 * lease's money factor, which dealers quote as a decimal (0.00125).
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.int().min(0).max(MAX_PRICE_CENTS);
/** A rate in basis points, 0 to 100 %. */
const bps = z.int().min(0).max(10_000);
const email = z.string().trim().max(254).pipe(z.email());
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => {
    const digits = value.replace(/\D/g, '');
    return digits.length >= 7 && digits.length <= 15;
  }, 'not a phone number: use 7 to 15 digits');

export const DealKindSchema = z.enum(DEAL_KINDS);
export type DealKind = z.infer<typeof DealKindSchema>;

export const CreditTierSchema = z.enum(CREDIT_TIERS);
export type CreditTier = z.infer<typeof CreditTierSchema>;

export const ProductKindSchema = z.enum(PRODUCT_KINDS);
export type ProductKind = z.infer<typeof ProductKindSchema>;

// ---------------------------------------------------------------------------------------------
// The dealership's retail settings (portal: Digital retailing → Settings)
// ---------------------------------------------------------------------------------------------

export const DealerFeesSchema = z.strictObject({
  documentationCents: cents.max(500_000),
  titleCents: cents.max(500_000),
  registrationCents: cents.max(500_000),
  /** Charged on leases only (the lessor's bank fee), capitalised into the lease. */
  leaseAcquisitionCents: cents.max(500_000),
});
export type DealerFees = z.infer<typeof DealerFeesSchema>;

export const TaxRulesSchema = z.strictObject({
  /** Sales tax rate, e.g. 625 = 6.25 %. */
  salesTaxBps: bps.max(2_000),
  /** Trade equity (value − payoff, when positive) is taken off the taxable amount (most US states). */
  tradeReducesTaxable: z.boolean(),
  /** Documentation, title and registration fees are taxed. */
  feesTaxable: z.boolean(),
  /** Protection products are taxed. */
  productsTaxable: z.boolean(),
  /** Lease tax on each monthly payment, or on the sum of payments, paid at signing. */
  leaseTax: z.enum(LEASE_TAX_RULES),
});
export type TaxRules = z.infer<typeof TaxRulesSchema>;

export const CreditTierTermsSchema = z.strictObject({
  tier: CreditTierSchema,
  /** What the shopper picks, e.g. "Excellent (720+)". */
  label: text(40),
  financeAprBps: bps.max(3_000),
  /** e.g. 0.00125 (= 3.00 % APR); at most 0.01. */
  leaseMoneyFactor: z.number().min(0).max(0.01),
});
export type CreditTierTerms = z.infer<typeof CreditTierTermsSchema>;

export const LeaseResidualSchema = z.strictObject({
  termMonths: z.union(LEASE_TERMS.map((term) => z.literal(term))),
  /** Residual value as a share of MSRP (of the price when there is no MSRP), e.g. 5800 = 58 %. */
  residualBps: z.int().min(1_000).max(9_000),
});
export type LeaseResidual = z.infer<typeof LeaseResidualSchema>;

export const ReservationTermsSchema = z.strictObject({
  /** 0 turns online reservations off. */
  depositCents: cents.max(1_000_000),
  /** How long a reserved vehicle stays pending before it is released by itself. */
  holdHours: z.int().min(1).max(168),
});
export type ReservationTerms = z.infer<typeof ReservationTermsSchema>;

const uniqueBy =
  <T>(key: (item: T) => unknown, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    for (const item of items) {
      if (seen.has(key(item))) ctx.addIssue({ code: 'custom', message: `each ${what} once` });
      seen.add(key(item));
    }
  };

export const RetailSettingsUpdateSchema = z.strictObject({
  fees: DealerFeesSchema,
  tax: TaxRulesSchema,
  creditTiers: z
    .array(CreditTierTermsSchema)
    .min(1)
    .max(CREDIT_TIERS.length)
    .superRefine(uniqueBy((t) => t.tier, 'credit tier')),
  leaseResiduals: z
    .array(LeaseResidualSchema)
    .max(LEASE_TERMS.length)
    .superRefine(uniqueBy((r) => r.termMonths, 'lease term')),
  reservation: ReservationTermsSchema,
  /** Credit applications are deleted this many days after they arrive. */
  creditApplicationRetentionDays: z.int().min(1).max(365),
});
export type RetailSettingsUpdate = z.infer<typeof RetailSettingsUpdateSchema>;

export const RetailSettingsSchema = RetailSettingsUpdateSchema.extend({
  /** Bumped by every change: the ETag, sent back as If-Match. */
  version: z.int(),
  updatedAt: z.iso.datetime(),
});
export type RetailSettings = z.infer<typeof RetailSettingsSchema>;

export const ProductOptionSchema = z.strictObject({
  /** Months of coverage. */
  termMonths: z.int().min(6).max(120),
  priceCents: cents.max(2_000_000),
});
export type ProductOption = z.infer<typeof ProductOptionSchema>;

export const ProtectionProductInputSchema = z.strictObject({
  kind: ProductKindSchema,
  name: text(80),
  description: z.string().trim().max(600),
  options: z
    .array(ProductOptionSchema)
    .min(1)
    .max(6)
    .superRefine(uniqueBy((o) => o.termMonths, 'coverage term')),
  /** Offered to shoppers; an inactive product stays on deals that already have it. */
  active: z.boolean(),
});
export type ProtectionProductInput = z.infer<typeof ProtectionProductInputSchema>;

export const ProtectionProductSchema = ProtectionProductInputSchema.extend({ id: z.uuid() });
export type ProtectionProduct = z.infer<typeof ProtectionProductSchema>;
export const ProtectionProductListSchema = z.object({ items: z.array(ProtectionProductSchema) });

/** One row of the dealer's trade valuation grid: the first row that matches a trade gives its range. */
export const ValuationGridRowSchema = z
  .strictObject({
    make: text(40),
    /** Null: any model of the make. A row naming the model wins over one that does not. */
    model: text(60).nullable(),
    yearFrom: z.int().min(FIRST_MODEL_YEAR).max(2100),
    yearTo: z.int().min(FIRST_MODEL_YEAR).max(2100),
    /** The row covers trades with at most this many miles. */
    maxMileage: z.int().min(0).max(MAX_MILEAGE),
    /** The range for a trade in good condition; other conditions scale it (TRADE_CONDITION_FACTORS_BPS). */
    lowCents: cents,
    highCents: cents,
  })
  .refine((row) => row.yearFrom <= row.yearTo, {
    message: 'yearTo must not be before yearFrom',
    path: ['yearTo'],
  })
  .refine((row) => row.lowCents <= row.highCents, {
    message: 'highCents must not be below lowCents',
    path: ['highCents'],
  });
export type ValuationGridRow = z.infer<typeof ValuationGridRowSchema>;

export const ValuationGridSchema = z.strictObject({ rows: z.array(ValuationGridRowSchema).max(1_000) });
export type ValuationGrid = z.infer<typeof ValuationGridSchema>;

// ---------------------------------------------------------------------------------------------
// What a dealership's website computes with (public)
// ---------------------------------------------------------------------------------------------

/** The public part of the settings plus the active product menu: all a browser needs to quote. */
export const RetailTermsSchema = z.object({
  dealershipId: z.uuid(),
  currency: z.literal('USD'),
  fees: DealerFeesSchema,
  tax: TaxRulesSchema,
  creditTiers: z.array(CreditTierTermsSchema),
  leaseResiduals: z.array(LeaseResidualSchema),
  products: z.array(ProtectionProductSchema),
  reservation: ReservationTermsSchema,
  disclosure: z.string(),
});
export type RetailTerms = z.infer<typeof RetailTermsSchema>;

// ---------------------------------------------------------------------------------------------
// A deal's structure and its quote (computed by @showroom/retail-payments, the same in the browser)
// ---------------------------------------------------------------------------------------------

export const ChosenProductSchema = z.strictObject({
  productId: z.uuid(),
  termMonths: z.int().min(6).max(120),
});
export type ChosenProduct = z.infer<typeof ChosenProductSchema>;

/** What the shopper chooses. `termMonths` is ignored for cash. */
export const DealStructureSchema = z
  .strictObject({
    kind: DealKindSchema,
    downPaymentCents: cents,
    termMonths: z.int().min(FINANCE_TERM_MIN_MONTHS).max(FINANCE_TERM_MAX_MONTHS),
    creditTier: CreditTierSchema,
    products: z
      .array(ChosenProductSchema)
      .max(PRODUCT_KINDS.length * 2)
      .superRefine(uniqueBy((p) => p.productId, 'product')),
  })
  .refine((s) => s.kind !== 'lease' || (LEASE_TERMS as readonly number[]).includes(s.termMonths), {
    message: `a lease runs ${LEASE_TERMS.join(', ')} months`,
    path: ['termMonths'],
  });
export type DealStructure = z.infer<typeof DealStructureSchema>;

/** What the dealer changes at the desk; null keeps the figure the settings give. */
export const DealAdjustmentsSchema = z.strictObject({
  sellingPriceCents: cents.nullable(),
  financeAprBps: bps.max(3_000).nullable(),
  leaseMoneyFactor: z.number().min(0).max(0.01).nullable(),
  tradeValueCents: cents.nullable(),
});
export type DealAdjustments = z.infer<typeof DealAdjustmentsSchema>;

export const TradeFiguresSchema = z.strictObject({ valueCents: cents, payoffCents: cents });
export type TradeFigures = z.infer<typeof TradeFiguresSchema>;

export const QuotedProductSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  kind: ProductKindSchema,
  termMonths: z.int(),
  priceCents: z.int(),
});
export type QuotedProduct = z.infer<typeof QuotedProductSchema>;

export const FinanceQuoteSchema = z.object({
  amountFinancedCents: z.int(),
  aprBps: z.int(),
  termMonths: z.int(),
  monthlyPaymentCents: z.int(),
  totalOfPaymentsCents: z.int(),
  financeChargeCents: z.int(),
});
export type FinanceQuote = z.infer<typeof FinanceQuoteSchema>;

export const LeaseQuoteSchema = z.object({
  termMonths: z.int(),
  grossCapCostCents: z.int(),
  capCostReductionCents: z.int(),
  adjustedCapCostCents: z.int(),
  residualBps: z.int(),
  residualCents: z.int(),
  moneyFactor: z.number(),
  /** moneyFactor × 2400, in basis points, rounded. */
  aprEquivalentBps: z.int(),
  depreciationCents: z.int(),
  rentChargeCents: z.int(),
  basePaymentCents: z.int(),
  monthlyTaxCents: z.int(),
  monthlyPaymentCents: z.int(),
  /** Tax on the sum of base payments when the dealer's rule taxes it up front, else 0. */
  upfrontTaxCents: z.int(),
  totalOfPaymentsCents: z.int(),
});
export type LeaseQuote = z.infer<typeof LeaseQuoteSchema>;

export const QuoteSchema = z.object({
  kind: DealKindSchema,
  sellingPriceCents: z.int(),
  msrpCents: z.int().nullable(),
  fees: z.object({
    documentationCents: z.int(),
    titleCents: z.int(),
    registrationCents: z.int(),
    /** Lease only; 0 otherwise. */
    acquisitionCents: z.int(),
  }),
  products: z.array(QuotedProductSchema),
  productsCents: z.int(),
  tradeValueCents: z.int(),
  tradePayoffCents: z.int(),
  /** Value − payoff: negative when more is owed than the car is worth. */
  tradeEquityCents: z.int(),
  salesTaxBps: z.int(),
  taxableCents: z.int(),
  /** Sales tax of finance and cash deals; lease tax is in `lease`. */
  taxCents: z.int(),
  /** The part of the structure's down payment the deal uses (after the trade's equity); 0 for cash. */
  downPaymentCents: z.int(),
  finance: FinanceQuoteSchema.nullable(),
  lease: LeaseQuoteSchema.nullable(),
  /** What the shopper pays before driving away (cash: the whole balance). */
  dueAtSigningCents: z.int(),
  /** Paid back to the shopper when the trade's equity alone exceeds what the deal needs. */
  cashBackCents: z.int(),
  /** The monthly payment for finance and lease, null for cash. */
  monthlyPaymentCents: z.int().nullable(),
  disclosure: z.string(),
});
export type Quote = z.infer<typeof QuoteSchema>;

// ---------------------------------------------------------------------------------------------
// Deals
// ---------------------------------------------------------------------------------------------

export const DealStatusSchema = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatusSchema>;

export const ShopperContactSchema = z.strictObject({
  firstName: text(80),
  lastName: text(80),
  email,
  phone: phone.optional(),
});
export type ShopperContact = z.infer<typeof ShopperContactSchema>;

export const DealVehicleSchema = z.object({
  vehicleId: z.uuid(),
  vin: z.string(),
  stockNumber: z.string(),
  year: z.int(),
  make: z.string(),
  model: z.string(),
  trim: z.string().nullable(),
  condition: z.string(),
  priceCents: z.int(),
  msrpCents: z.int().nullable(),
  photoUrl: z.string().nullable(),
});
export type DealVehicle = z.infer<typeof DealVehicleSchema>;

export const TradeConditionSchema = z.enum(TRADE_CONDITIONS);
export type TradeCondition = z.infer<typeof TradeConditionSchema>;

export const TradeConditionAnswersSchema = z.strictObject({
  overall: TradeConditionSchema,
  accidents: z.boolean(),
  mechanicalIssues: z.boolean(),
  warningLights: z.boolean(),
  /** Keys the shopper has. */
  keys: z.int().min(0).max(4),
});
export type TradeConditionAnswers = z.infer<typeof TradeConditionAnswersSchema>;

/** A trade-in as the shopper describes it: a VIN (decoded for year and make), or year, make and model. */
export const TradeInInputSchema = z
  .strictObject({
    vin: VinSchema.optional(),
    year: z
      .int()
      .min(FIRST_MODEL_YEAR)
      .max(new Date().getUTCFullYear() + 1)
      .optional(),
    make: text(40).optional(),
    model: text(60).optional(),
    trim: text(60).optional(),
    mileage: z.int().min(0).max(MAX_MILEAGE),
    condition: TradeConditionAnswersSchema,
    payoffCents: cents,
    lender: text(80).optional(),
  })
  .superRefine((trade, ctx) => {
    if (trade.vin) return;
    for (const field of ['year', 'make', 'model'] as const) {
      if (trade[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'give the VIN, or the year, make and model' });
      }
    }
  });
export type TradeInInput = z.infer<typeof TradeInInputSchema>;

export const DealTradeInSchema = z.object({
  id: z.uuid(),
  vin: z.string().nullable(),
  year: z.int(),
  make: z.string(),
  model: z.string().nullable(),
  trim: z.string().nullable(),
  mileage: z.int(),
  condition: TradeConditionAnswersSchema,
  payoffCents: z.int(),
  lender: z.string().nullable(),
  photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
  /** From the dealer's grid; null when no row matches (then the dealer appraises by hand). */
  estimate: z.object({ lowCents: z.int(), highCents: z.int() }).nullable(),
  appraisal: z
    .object({
      valueCents: z.int(),
      note: z.string().nullable(),
      appraisedAt: z.iso.datetime(),
      appraisedBy: z.string(),
    })
    .nullable(),
  status: z.enum(TRADE_STATUSES),
  /** What the deal counts the trade at: the appraisal, else the estimate's low end, else 0. */
  valueCents: z.int(),
});
export type DealTradeIn = z.infer<typeof DealTradeInSchema>;

export const AppraisalInputSchema = z.strictObject({
  valueCents: cents,
  note: z.string().trim().max(1000).optional(),
});
export type AppraisalInput = z.infer<typeof AppraisalInputSchema>;

// -- Credit application: the clear form exists only in the request and in a finance manager's view.

/** SSN as typed (with or without dashes), normalised to 9 digits; the never-issued areas are refused. */
export const SsnSchema = z
  .string()
  .trim()
  .regex(/^\d{3}-?\d{2}-?\d{4}$/, 'must be a Social Security number: 9 digits, as 123-45-6789')
  .transform((ssn) => ssn.replace(/-/g, ''))
  .refine(
    (ssn) =>
      !ssn.startsWith('000') &&
      !ssn.startsWith('666') &&
      !ssn.startsWith('9') &&
      ssn.slice(3, 5) !== '00' &&
      ssn.slice(5) !== '0000',
    'is not a Social Security number that can be issued',
  );

/** Applicants must be 18 or older. */
export const DateOfBirthSchema = z.iso.date('must be a date as YYYY-MM-DD').refine((date) => {
  const born = new Date(`${date}T00:00:00Z`);
  const adult = new Date();
  adult.setUTCFullYear(adult.getUTCFullYear() - 18);
  return born <= adult && born.getUTCFullYear() >= 1900;
}, 'the applicant must be 18 or older');

export const CreditApplicantSchema = z.strictObject({
  firstName: text(80),
  lastName: text(80),
  ssn: SsnSchema,
  dateOfBirth: DateOfBirthSchema,
  email,
  phone,
  residence: z.strictObject({
    street: text(120),
    city: text(80),
    region: text(40),
    postalCode: text(16),
    housing: z.enum(HOUSING),
    monthlyHousingCents: cents.max(10_000_000),
    yearsAtAddress: z.int().min(0).max(99),
  }),
  employment: z.strictObject({
    status: z.enum(EMPLOYMENT_STATUSES),
    employer: text(120).optional(),
    title: text(80).optional(),
    yearsEmployed: z.int().min(0).max(70),
    grossMonthlyIncomeCents: cents.max(100_000_000),
  }),
});
export type CreditApplicant = z.infer<typeof CreditApplicantSchema>;

export const CreditApplicationInputSchema = z.strictObject({
  applicant: CreditApplicantSchema,
  coApplicant: CreditApplicantSchema.optional(),
  consent: z.strictObject({
    accepted: z.literal(true, 'the applicant must accept the consent to apply'),
    version: z.literal(CREDIT_CONSENT_VERSION, `must be the consent version ${CREDIT_CONSENT_VERSION}`),
  }),
});
export type CreditApplicationInput = z.infer<typeof CreditApplicationInputSchema>;

/** What anyone working the deal may see of an application: no personal data at all. */
export const CreditApplicationSummarySchema = z.object({
  status: z.enum(CREDIT_APPLICATION_STATUSES),
  applicants: z.int(),
  submittedAt: z.iso.datetime(),
  consentVersion: z.string(),
  /** When it is deleted (retention); null once deleted. */
  deleteAfter: z.iso.datetime().nullable(),
});
export type CreditApplicationSummary = z.infer<typeof CreditApplicationSummarySchema>;

/** A finance manager's (or owner's) view: the decrypted application. Every read is audited. */
export const CreditApplicationViewSchema = CreditApplicationSummarySchema.extend({
  applicant: CreditApplicantSchema,
  coApplicant: CreditApplicantSchema.nullable(),
  consentText: z.string(),
  consentedAt: z.iso.datetime(),
});
export type CreditApplicationView = z.infer<typeof CreditApplicationViewSchema>;

// -- Reservation

export const ReservationStatusSchema = z.enum(RESERVATION_STATUSES);
export type ReservationStatus = z.infer<typeof ReservationStatusSchema>;

export const ReservationSchema = z.object({
  id: z.uuid(),
  status: ReservationStatusSchema,
  depositCents: z.int(),
  paidAt: z.iso.datetime().nullable(),
  heldUntil: z.iso.datetime().nullable(),
});
export type Reservation = z.infer<typeof ReservationSchema>;

/** Where the shopper's browser goes to pay the deposit: the payment provider's own page. */
export const ReservationCheckoutSchema = z.object({ reservation: ReservationSchema, checkoutUrl: z.url() });
export type ReservationCheckout = z.infer<typeof ReservationCheckoutSchema>;

// -- Offers and the deal

export const OfferSchema = z.object({
  version: z.int(),
  by: z.enum(['shopper', 'dealer']),
  structure: DealStructureSchema,
  adjustments: DealAdjustmentsSchema,
  quote: QuoteSchema,
  message: z.string().nullable(),
  /** The salesperson's name for a dealer's offer. */
  author: z.string().nullable(),
  createdAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

/** What the shopper's browser sees of its own deal. */
export const ShopperDealSchema = z.object({
  id: z.uuid(),
  dealershipId: z.uuid(),
  status: DealStatusSchema,
  vehicle: DealVehicleSchema,
  shopperFirstName: z.string(),
  /** The latest offer: the shopper's own structure, or the dealer's counter. */
  offer: OfferSchema,
  tradeIn: DealTradeInSchema.nullable(),
  creditApplication: CreditApplicationSummarySchema.nullable(),
  reservation: ReservationSchema.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type ShopperDeal = z.infer<typeof ShopperDealSchema>;

export const QuoteRequestSchema = z.strictObject({
  vehicleId: z.uuid(),
  structure: DealStructureSchema,
  trade: TradeFiguresSchema.nullable(),
});
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

export const StartDealInputSchema = z.strictObject({
  vehicleId: z.uuid(),
  shopper: ShopperContactSchema,
  structure: DealStructureSchema,
  /** Hidden from people; a bot that fills it gets an answer and no deal. */
  website: z.string().max(500).optional(),
});
export type StartDealInput = z.infer<typeof StartDealInputSchema>;

export const DealStartedSchema = z.object({
  deal: ShopperDealSchema,
  /** Send back in X-Deal-Access; shown once, stored only as a hash. */
  accessToken: z.string(),
});
export type DealStarted = z.infer<typeof DealStartedSchema>;

export const DealStructureInputSchema = z.strictObject({ structure: DealStructureSchema });
export const AcceptOfferInputSchema = z.strictObject({ version: z.int().min(1) });

export const CounterOfferInputSchema = z.strictObject({
  structure: DealStructureSchema,
  adjustments: DealAdjustmentsSchema,
  message: z.string().trim().max(2000).optional(),
});
export type CounterOfferInput = z.infer<typeof CounterOfferInputSchema>;

export const DealActivitySchema = z.object({
  at: z.iso.datetime(),
  /** A person's name, "Shopper" or "Showroom". */
  actor: z.string(),
  kind: z.enum([
    'started',
    'structure-changed',
    'trade-added',
    'trade-appraised',
    'credit-application-received',
    'credit-application-viewed',
    'credit-application-deleted',
    'reservation-paid',
    'reservation-released',
    'submitted',
    'countered',
    'accepted',
    'withdrawn',
  ]),
  text: z.string(),
});
export type DealActivity = z.infer<typeof DealActivitySchema>;

export const DealSummarySchema = z.object({
  id: z.uuid(),
  status: DealStatusSchema,
  shopperName: z.string(),
  vehicle: DealVehicleSchema,
  kind: DealKindSchema,
  monthlyPaymentCents: z.int().nullable(),
  dueAtSigningCents: z.int(),
  tradeStatus: z.enum(TRADE_STATUSES).nullable(),
  creditApplicationStatus: z.enum(CREDIT_APPLICATION_STATUSES).nullable(),
  reservationStatus: ReservationStatusSchema.nullable(),
  leadId: z.uuid().nullable(),
  assigneeId: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type DealSummary = z.infer<typeof DealSummarySchema>;
export const DealListSchema = z.object({
  items: z.array(DealSummarySchema),
  nextCursor: z.string().nullable(),
});
export type DealList = z.infer<typeof DealListSchema>;

export const DealListQuerySchema = z.strictObject({
  status: DealStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** The deal desk: everything about a deal for the people working it. */
export const DealDeskSchema = z.object({
  id: z.uuid(),
  status: DealStatusSchema,
  vehicle: DealVehicleSchema,
  /** Email and phone are null for roles that may not see a shopper's contact details (viewers). */
  shopper: z.object({
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  offers: z.array(OfferSchema),
  tradeIn: DealTradeInSchema.nullable(),
  creditApplication: CreditApplicationSummarySchema.nullable(),
  reservation: ReservationSchema.nullable(),
  /** The terms quotes are computed with now, so the desk recomputes in the browser. */
  terms: RetailTermsSchema,
  leadId: z.uuid().nullable(),
  assigneeId: z.string().nullable(),
  activity: z.array(DealActivitySchema),
  submittedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** ETag of the deal; a counter-offer sends it as If-Match. */
  version: z.int(),
});
export type DealDesk = z.infer<typeof DealDeskSchema>;

// ---------------------------------------------------------------------------------------------
// What retail hands to the other services
// ---------------------------------------------------------------------------------------------

/** The deal as the lead carries it (and as ADF's <finance> block says it). Never any credit data. */
export const DealLeadSummarySchema = z.object({
  dealId: z.uuid(),
  status: DealStatusSchema,
  kind: DealKindSchema,
  sellingPriceCents: z.int(),
  downPaymentCents: z.int(),
  monthlyPaymentCents: z.int().nullable(),
  termMonths: z.int().nullable(),
  /** Finance APR, or a lease's APR equivalent. */
  aprBps: z.int().nullable(),
  dueAtSigningCents: z.int(),
  /** Finance: the amount financed (ADF's finance balance); null otherwise. Optional: added after the first release. */
  amountFinancedCents: z.int().nullable().optional(),
  /** Lease: the residual value (ADF's residual balance); null otherwise. Optional: added after the first release. */
  residualCents: z.int().nullable().optional(),
  /** Finance and lease: the sum of the monthly payments; null for cash. Optional: added after the first release. */
  totalOfPaymentsCents: z.int().nullable().optional(),
  tradeValueCents: z.int().nullable(),
  tradePayoffCents: z.int().nullable(),
  products: z.array(z.string()),
  creditApplication: z.enum(['none', ...CREDIT_APPLICATION_STATUSES]),
  depositCents: z.int().nullable(),
  reservationStatus: ReservationStatusSchema.nullable(),
});
export type DealLeadSummary = z.infer<typeof DealLeadSummarySchema>;

/** Retail → leads: open the deal's lead (idempotent by dealId) or bring its deal summary up to date. */
export const DealLeadInputSchema = z.strictObject({
  shopper: ShopperContactSchema,
  vehicleId: z.uuid(),
  deal: DealLeadSummarySchema,
});
export type DealLeadInput = z.infer<typeof DealLeadInputSchema>;
export const DealLeadReceiptSchema = z.object({ leadId: z.uuid(), assigneeId: z.string().nullable() });
export type DealLeadReceipt = z.infer<typeof DealLeadReceiptSchema>;

/** Retail → leads: an entry on the lead's timeline (e.g. "credit application viewed by …"). */
export const LeadActivityInputSchema = z.strictObject({
  actor: text(120),
  text: text(500),
});
export type LeadActivityInput = z.infer<typeof LeadActivityInputSchema>;

export const LeadAssigneesQuerySchema = z.strictObject({ leadIds: z.array(z.uuid()).min(1).max(100) });
export const LeadAssigneesSchema = z.object({
  items: z.array(z.object({ leadId: z.uuid(), assigneeId: z.string().nullable() })),
});
export type LeadAssignees = z.infer<typeof LeadAssigneesSchema>;

/** Retail → inventory: hold a vehicle (status pending) for a reservation until a time. */
export const VehicleHoldInputSchema = z.strictObject({
  reservationId: z.uuid(),
  until: z.iso.datetime(),
});
export type VehicleHoldInput = z.infer<typeof VehicleHoldInputSchema>;
export const VehicleHoldSchema = z.object({
  vehicleId: z.uuid(),
  reservationId: z.uuid(),
  until: z.iso.datetime(),
});
export type VehicleHold = z.infer<typeof VehicleHoldSchema>;

/** Users → retail: what retail needs of a dealership to answer its shoppers. */
export const DealershipStorefrontSchema = z.object({
  dealershipId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  /** The site's canonical URL (deal links point there); null before the first provisioning. */
  siteUrl: z.string().nullable(),
  /** Browser origins the dealership's websites are served from (CORS of the public retail routes). */
  siteOrigins: z.array(z.string()),
});
export type DealershipStorefront = z.infer<typeof DealershipStorefrontSchema>;
