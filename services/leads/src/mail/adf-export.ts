import type { DealLeadSummary } from '@showroom/contracts';
import type { AdfExport, AdfExportFinance } from '@showroom/leads-adf';
import type { LeadRow, SettingsRow } from '../database';
import { dealDescription } from '../deal-leads/deal-text';

/**
 * A stored lead as the ADF document a dealer's CRM receives. A lead from an online deal carries the
 * deal in its vehicle: ADF's `<finance>` and, in the vehicle's comments, what ADF has no element
 * for. The deal summary holds nothing of a credit application but whether one came.
 */
export function adfExportOf(
  lead: LeadRow,
  settings: SettingsRow,
  deal: DealLeadSummary | null = null,
): AdfExport {
  const hasVehicle = lead.vehicle_vin || lead.vehicle_stock || lead.vehicle_make || deal;
  return {
    leadId: lead.id,
    receivedAt: lead.created_at.toISOString(),
    source: lead.source,
    // ADF says a lease in the vehicle's interest.
    intent: deal?.kind === 'lease' ? 'lease' : lead.intent,
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
          finance: deal && financeOf(deal),
          comments: deal && dealDescription(deal),
        }
      : null,
    tradeIn: lead.trade_in ? (JSON.parse(lead.trade_in) as AdfExport['tradeIn']) : null,
    message: lead.message,
    dealershipName: settings.dealership_name,
  };
}

/** The deal's figures as ADF's `<finance>`: what the shopper puts down, pays monthly, and in total. */
export function financeOf(deal: DealLeadSummary): AdfExportFinance {
  if (deal.kind === 'cash') return { method: 'cash', totalCents: deal.dueAtSigningCents };
  const balanceCents = deal.kind === 'finance' ? deal.amountFinancedCents : deal.residualCents;
  return {
    method: deal.kind,
    downPaymentCents: deal.downPaymentCents,
    monthlyCents: deal.monthlyPaymentCents,
    totalCents: deal.totalOfPaymentsCents ?? null,
    balance:
      balanceCents === null || balanceCents === undefined
        ? null
        : { type: deal.kind === 'finance' ? 'finance' : 'residual', cents: balanceCents },
  };
}
