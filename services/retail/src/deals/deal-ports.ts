import type {
  CreditApplicationSummary,
  DealershipStorefront,
  DealLeadInput,
  DealLeadReceipt,
  DealTradeIn,
  DealVehicle,
  LeadActivityInput,
  Reservation,
  RetailTerms,
} from '@showroom/contracts';
import type { LeadAssigneeSource } from './deal-access';

/**
 * What deals need of the other modules and services, by the signatures the plan agreed. The real
 * ones are the platform's peer clients (peers/), the settings' terms, and the trade-in, credit and
 * reservation services; tests and the composition hand those in.
 */

/** Inventory: the car as a shopper may buy it (VehicleCatalog). */
export interface VehicleSource {
  forSale(dealershipId: string, vehicleId: string): Promise<DealVehicle | null>;
}

/** Settings: the terms quotes are computed with now (RetailTermsSource). */
export interface TermsSource {
  of(dealershipId: string): Promise<RetailTerms>;
}

/** Users: the dealership's name and website (DealershipDirectory). */
export interface StorefrontSource {
  storefront(dealershipId: string): Promise<DealershipStorefront | null>;
}

/** Leads: the lead a deal becomes, its timeline and its assignee (LeadsDesk). */
export interface DealLeads extends LeadAssigneeSource {
  openDealLead(dealershipId: string, dealId: string, input: DealLeadInput): Promise<DealLeadReceipt>;
  addActivity(dealershipId: string, leadId: string, activity: LeadActivityInput): Promise<void>;
}

/** Trade-ins: the deal's trade (TradeInService). */
export interface TradeInPart {
  forDeal(dealershipId: string, dealId: string): Promise<DealTradeIn | null>;
  /** One read for a page of deals: their trades' statuses (deals without a trade absent). */
  statusesFor(dealershipId: string, dealIds: readonly string[]): Promise<Map<string, DealTradeIn['status']>>;
}

/** Credit: what anyone working the deal may see of its application (CreditService). */
export interface CreditPart {
  summaryFor(dealershipId: string, dealId: string): Promise<CreditApplicationSummary | null>;
  /** One read for a page of deals (deals without an application absent). */
  summariesFor(
    dealershipId: string,
    dealIds: readonly string[],
  ): Promise<Map<string, CreditApplicationSummary>>;
}

/** Reservations: the deal's deposit and hold (ReservationService). */
export interface ReservationPart {
  /** As stored, then brought up to date by asking the payment provider while it awaits payment. */
  caughtUp(dealershipId: string, dealId: string): Promise<Reservation | null>;
  /** As stored: reads only, never asks the provider. */
  stored(dealershipId: string, dealId: string): Promise<Reservation | null>;
  /** As stored, for a page of deals in one read (deals without a reservation absent). */
  storedForDeals(dealershipId: string, dealIds: readonly string[]): Promise<Map<string, Reservation>>;
}
