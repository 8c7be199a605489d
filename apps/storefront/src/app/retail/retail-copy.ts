import type {
  DealKind,
  DealStatus,
  EMPLOYMENT_STATUSES,
  HOUSING,
  ProductKind,
  ReservationStatus,
  TradeCondition,
} from '@showroom/contracts';

// The retail contract's plain values come from its zod-free module (ADR 3: with
// `sideEffects: false` the bundle keeps them without the schemas); the words for them are the site's.
export {
  CREDIT_CONSENT_TEXT,
  CREDIT_CONSENT_VERSION,
  CREDIT_TIERS,
  DEAL_ACCESS_HEADER,
  DEAL_KINDS,
  EMPLOYMENT_STATUSES,
  FINANCE_TERMS,
  HOUSING,
  LEASE_TERMS,
  PAYMENT_ESTIMATE_DISCLOSURE,
  TRADE_CONDITIONS,
} from '@showroom/contracts';

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
