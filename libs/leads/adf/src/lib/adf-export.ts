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
}

export interface AdfExportTradeIn {
  year?: number | null;
  make?: string | null;
  model?: string | null;
  mileage?: number | null;
}
