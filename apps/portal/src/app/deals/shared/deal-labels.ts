import type {
  CreditApplicationSummary,
  CreditTier,
  DealActivity,
  DealKind,
  DealStatus,
  DealTradeIn,
  DealVehicle,
  ProductKind,
  ReservationStatus,
  TradeCondition,
} from '@showroom/contracts';

/** Words for a deal's states, in the dealer's language. Records, so a new value in the contracts must be named here. */

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  countered: 'Countered',
  accepted: 'Accepted',
  withdrawn: 'Withdrawn',
};
/** The inbox's status filter, in the order a deal goes through them. */
export const DEAL_STATUS_OPTIONS = Object.keys(DEAL_STATUS_LABELS) as DealStatus[];

export const DEAL_KIND_LABELS: Record<DealKind, string> = {
  finance: 'Finance',
  lease: 'Lease',
  cash: 'Cash',
};
export const DEAL_KIND_OPTIONS = Object.keys(DEAL_KIND_LABELS) as DealKind[];

export const CREDIT_TIER_LABELS: Record<CreditTier, string> = {
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  rebuilding: 'Rebuilding',
};
export const CREDIT_TIER_OPTIONS = Object.keys(CREDIT_TIER_LABELS) as CreditTier[];

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  'service-contract': 'Service contract',
  gap: 'GAP',
  maintenance: 'Maintenance',
  'tire-wheel': 'Tire and wheel',
};
export const PRODUCT_KIND_OPTIONS = Object.keys(PRODUCT_KIND_LABELS) as ProductKind[];

export const TRADE_STATUS_LABELS: Record<DealTradeIn['status'], string> = {
  estimated: 'Trade estimated',
  'awaiting-appraisal': 'Trade to appraise',
  appraised: 'Trade appraised',
};

export const TRADE_CONDITION_LABELS: Record<TradeCondition, string> = {
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
};

export const CREDIT_STATUS_LABELS: Record<CreditApplicationSummary['status'], string> = {
  received: 'Credit app received',
  deleted: 'Credit app deleted',
};

export const RESERVATION_STATUS_LABELS: Record<ReservationStatus, string> = {
  'awaiting-payment': 'Deposit not paid yet',
  held: 'Reserved',
  released: 'Reservation released',
  expired: 'Reservation expired',
  failed: 'Deposit failed',
  replaced: 'Checkout started again',
};

export const ACTIVITY_KIND_LABELS: Record<DealActivity['kind'], string> = {
  started: 'Started',
  'structure-changed': 'Structure changed',
  'trade-added': 'Trade-in added',
  'trade-appraised': 'Trade-in appraised',
  'credit-application-received': 'Credit application received',
  'credit-application-viewed': 'Credit application viewed',
  'credit-application-deleted': 'Credit application deleted',
  'reservation-paid': 'Deposit paid',
  'reservation-released': 'Reservation released',
  submitted: 'Submitted',
  countered: 'Counter-offer sent',
  accepted: 'Accepted',
  withdrawn: 'Withdrawn',
};

/** "2024 Honda Accord Sport". */
export function dealVehicleTitle(vehicle: Pick<DealVehicle, 'year' | 'make' | 'model' | 'trim'>): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}

/** 625 → "6.25%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toFixed(2)}%`;
}
