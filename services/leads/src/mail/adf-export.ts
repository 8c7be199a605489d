import type { AdfExport } from '@showroom/leads-adf';
import type { LeadRow, SettingsRow } from '../database';

/** A stored lead as the ADF document a dealer's CRM receives. */
export function adfExportOf(lead: LeadRow, settings: SettingsRow): AdfExport {
  const hasVehicle = lead.vehicle_vin || lead.vehicle_stock || lead.vehicle_make;
  return {
    leadId: lead.id,
    receivedAt: lead.created_at.toISOString(),
    source: lead.source,
    intent: lead.intent,
    shopper: { firstName: lead.first_name, lastName: lead.last_name, email: lead.email, phone: lead.phone },
    vehicle: hasVehicle
      ? {
          year: lead.vehicle_year,
          make: lead.vehicle_make,
          model: lead.vehicle_model,
          trim: lead.vehicle_trim,
          vin: lead.vehicle_vin,
          stockNumber: lead.vehicle_stock,
          condition: lead.vehicle_condition,
          priceCents: lead.vehicle_price_cents === null ? null : Number(lead.vehicle_price_cents),
        }
      : null,
    tradeIn: lead.trade_in ? (JSON.parse(lead.trade_in) as AdfExport['tradeIn']) : null,
    message: lead.message,
    dealershipName: settings.dealership_name,
  };
}
