import type {
  CreditTier,
  DealKind,
  DealStatus,
  ProductKind,
  ReservationStatus,
  TradeCondition,
} from '@showroom/contracts';

// The retail contract's words and lists the browser shows. Importing them from @showroom/contracts
// would bring zod into the bundle (its module builds schemas when loaded), so they are copied here;
// retail-copy.spec.ts checks every copy against the contract, so they cannot drift apart.

/** PAYMENT_ESTIMATE_DISCLOSURE: shown wherever a payment appears. */
export const PAYMENT_ESTIMATE_DISCLOSURE =
  'Estimate only, not an offer of credit. Payments shown are estimates based on the figures entered ' +
  'and the dealership’s current rates; your actual rate, terms and payment depend on credit approval ' +
  'by a lender, and on taxes and fees at signing.';

/** CREDIT_CONSENT_TEXT and its version: what the applicant accepts before a credit application goes. */
export const CREDIT_CONSENT_TEXT =
  'By submitting this application I authorise the dealership and the lenders it works with to obtain ' +
  'my consumer credit report and to verify the information I have given, for the purpose of ' +
  'arranging financing or a lease for the vehicle I selected. I confirm the information is true ' +
  'and complete.';
export const CREDIT_CONSENT_VERSION = '2026-12-06';

/** DEAL_ACCESS_HEADER: the header a shopper's browser proves access to its deal with. */
export const DEAL_ACCESS_HEADER = 'x-deal-access';

export const DEAL_KINDS: readonly DealKind[] = ['finance', 'lease', 'cash'];
export const FINANCE_TERMS: readonly number[] = [24, 36, 48, 60, 72, 84];
export const LEASE_TERMS: readonly number[] = [24, 36, 39, 48];
export const CREDIT_TIERS: readonly CreditTier[] = ['excellent', 'good', 'fair', 'rebuilding'];
export const TRADE_CONDITIONS: readonly TradeCondition[] = ['excellent', 'good', 'fair', 'poor'];
export const HOUSING = ['own', 'rent', 'family', 'other'] as const;
export const EMPLOYMENT_STATUSES = [
  'employed',
  'self-employed',
  'retired',
  'student',
  'unemployed',
  'other',
] as const;

export const DEAL_KIND_LABELS: Record<DealKind, string> = {
  finance: 'Finance',
  lease: 'Lease',
  cash: 'Cash',
};

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  'service-contract': 'Service contract',
  gap: 'GAP protection',
  maintenance: 'Maintenance plan',
  'tire-wheel': 'Tire & wheel',
};

export const TRADE_CONDITION_LABELS: Record<TradeCondition, string> = {
  excellent: 'Excellent — like new, no repairs needed',
  good: 'Good — normal wear, nothing to fix',
  fair: 'Fair — some repairs or cosmetic work needed',
  poor: 'Poor — major repairs needed',
};

export const HOUSING_LABELS: Record<(typeof HOUSING)[number], string> = {
  own: 'I own my home',
  rent: 'I rent',
  family: 'I live with family',
  other: 'Other',
};

export const EMPLOYMENT_LABELS: Record<(typeof EMPLOYMENT_STATUSES)[number], string> = {
  employed: 'Employed',
  'self-employed': 'Self-employed',
  retired: 'Retired',
  student: 'Student',
  unemployed: 'Not employed',
  other: 'Other',
};

/** How the deal's status reads to the shopper. */
export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  draft: 'Not sent yet',
  submitted: 'Sent to the dealership',
  countered: 'The dealership made you an offer',
  accepted: 'Offer accepted',
  withdrawn: 'Withdrawn',
};

export const RESERVATION_STATUS_LABELS: Record<ReservationStatus, string> = {
  'awaiting-payment': 'Waiting for your deposit',
  held: 'Reserved for you',
  released: 'Released',
  expired: 'Reservation ended',
  failed: 'The deposit did not go through',
  replaced: 'Replaced by a newer checkout',
};
