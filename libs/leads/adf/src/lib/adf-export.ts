/**
 * A lead to forward to a dealership's CRM as ADF. Shaped so a lead summary's parts (shopper,
 * vehicle) can be passed as they are.
 */
export interface AdfExport {
  leadId: string;
  /** ISO-8601. */
  receivedAt: string;
  /** Who sent the lead to us: an ADF provider's name, a website, walk_in, … */
  source: string;
  /**
   * What the shopper asked for. `schedule_test_drive` (or an ADF interest such as `lease`) sets
   * the vehicle's interest; anything else is `buy`.
   */
  intent: string | null;
  shopper: AdfExportShopper;
  vehicle: AdfExportVehicle | null;
  /** The shopper's vehicle, written as a second vehicle with interest `trade-in`. */
  tradeIn?: AdfExportTradeIn | null;
  message: string | null;
  dealershipName: string;
}

export interface AdfExportShopper {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface AdfExportVehicle {
  year?: number | null;
  make?: string | null;
  model?: string | null;
  trim?: string | null;
  vin?: string | null;
  stockNumber?: string | null;
  /** new, used or certified (written as `used`). */
  condition?: string | null;
  priceCents?: number | null;
  /** How the shopper means to pay: ADF's `<finance>` block. */
  finance?: AdfExportFinance | null;
  /** Free text about this vehicle (ADF's vehicle `<comments>`), e.g. what ADF has no element for. */
  comments?: string | null;
}

/**
 * ADF 1.0's `<finance>`: the method, then amounts (down payment, monthly payment, total), then a
 * balance (the amount financed, or a lease's residual). Amounts are stated exactly, in USD cents.
 * ADF 1.0 has no element for the term or the rate: say them in the vehicle's comments.
 */
export interface AdfExportFinance {
  method: 'finance' | 'lease' | 'cash';
  downPaymentCents?: number | null;
  monthlyCents?: number | null;
  totalCents?: number | null;
  balance?: { type: 'finance' | 'residual'; cents: number } | null;
}

export interface AdfExportTradeIn {
  year?: number | null;
  make?: string | null;
  model?: string | null;
  mileage?: number | null;
}
