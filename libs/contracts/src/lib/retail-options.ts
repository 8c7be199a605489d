import type { DealAdjustments } from './retail';

/**
 * Digital retailing's plain values: the lists, texts and scopes the browser shows or sends. Zod-free
 * (ADR 3), so the storefront and the portal import them without the schemas of retail.ts.
 */

/** Inventory: put a vehicle on hold for a reservation (status pending) and release it. */
export const HOLD_VEHICLES_SCOPE = 'hold:vehicles';
/** Leads: open (or update) the lead a submitted deal becomes, and add activity to its timeline. */
export const WRITE_DEAL_LEADS_SCOPE = 'write:deal-leads';
/** Leads: who a lead is assigned to (retail lets salespeople work the deals of their own leads). */
export const READ_LEAD_ASSIGNEES_SCOPE = 'read:lead-assignees';

export const DEAL_KINDS = ['finance', 'lease', 'cash'] as const;

export const FINANCE_TERM_MIN_MONTHS = 24;
export const FINANCE_TERM_MAX_MONTHS = 84;
/** Finance terms the calculator offers (any whole month in range is accepted). */
export const FINANCE_TERMS = [24, 36, 48, 60, 72, 84] as const;
export const LEASE_TERMS = [24, 36, 39, 48] as const;

export const CREDIT_TIERS = ['excellent', 'good', 'fair', 'rebuilding'] as const;

export const PRODUCT_KINDS = ['service-contract', 'gap', 'maintenance', 'tire-wheel'] as const;

export const LEASE_TAX_RULES = ['monthly', 'upfront'] as const;

/** Dealers must show this wherever a payment appears (storefront, e-mails, deal page). */
export const PAYMENT_ESTIMATE_DISCLOSURE =
  'Estimate only, not an offer of credit. Payments shown are estimates based on the figures entered ' +
  'and the dealership’s current rates; your actual rate, terms and payment depend on credit approval ' +
  'by a lender, and on taxes and fees at signing.';

/**
 * What the shopper agrees to before a credit application is sent; stored with the time they did.
 * Changing the words changes CREDIT_CONSENT_VERSION, so every application names the text it accepted.
 */
export const CREDIT_CONSENT_TEXT =
  'By submitting this application I authorise the dealership and the lenders it works with to obtain ' +
  'my consumer credit report and to verify the information I have given, for the purpose of ' +
  'arranging financing or a lease for the vehicle I selected. I confirm the information is true ' +
  'and complete.';
export const CREDIT_CONSENT_VERSION = '2026-12-06';

/** The desk changed nothing: every figure comes from the dealership's terms. */
export const NO_ADJUSTMENTS: DealAdjustments = {
  sellingPriceCents: null,
  financeAprBps: null,
  leaseMoneyFactor: null,
  tradeValueCents: null,
};

export const DEAL_STATUSES = ['draft', 'submitted', 'countered', 'accepted', 'withdrawn'] as const;

/** The header a shopper's browser proves access to its deal with: the deal's access token or an e-mailed signed link. */
export const DEAL_ACCESS_HEADER = 'x-deal-access';

export const TRADE_CONDITIONS = ['excellent', 'good', 'fair', 'poor'] as const;
/** How the overall condition scales the grid's range (which is for a trade in good condition). */
export const TRADE_CONDITION_FACTORS_BPS: Record<(typeof TRADE_CONDITIONS)[number], number> = {
  excellent: 10_800,
  good: 10_000,
  fair: 8_500,
  poor: 6_500,
};

export const TRADE_STATUSES = ['estimated', 'awaiting-appraisal', 'appraised'] as const;

export const HOUSING = ['own', 'rent', 'family', 'other'] as const;
export const EMPLOYMENT_STATUSES = [
  'employed',
  'self-employed',
  'retired',
  'student',
  'unemployed',
  'other',
] as const;

export const CREDIT_APPLICATION_STATUSES = ['received', 'deleted'] as const;

/** `replaced`: a checkout left unpaid and started again; kept for the record, never a deal's current reservation. */
export const RESERVATION_STATUSES = [
  'awaiting-payment',
  'held',
  'released',
  'expired',
  'failed',
  'replaced',
] as const;
