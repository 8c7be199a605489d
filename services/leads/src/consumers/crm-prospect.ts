import type { Kysely } from 'kysely';
import { DEAL_LEAD_SOURCE } from '@showroom/contracts';
import type { AdfExport } from '@showroom/leads-adf';
import type { LeadRow, LeadsDatabase, SettingsRow } from '../database';
import { dealHeadline } from '../deal-leads/deal-text';
import { adfExportOf } from '../mail/adf-export';
import type { OutboxEvent } from '../outbox/events';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import { dealSummaryOf } from './lead-facts';
import { matchVehicle, vehicleColumnsOf, type LeadVehicleColumns } from './vehicle-match';

/** The online deal an event's submission carried (capture writes `dealId`, and the deal's car as `vehicleId`). */
function dealOf(event: OutboxEvent): { dealId: string; vehicleId: string | null } | null {
  const { dealId, vehicleId } = event.data;
  if (typeof dealId !== 'string') return null;
  return { dealId, vehicleId: typeof vehicleId === 'string' ? vehicleId : null };
}

/**
 * Whether an event is forwarded to the dealership's CRM: a new lead is; so is an online deal that
 * joined the shopper's open lead (`duplicate_attached` naming a deal), or the CRM would never hear
 * of the deal. Any other returning submission is not, and neither are a deal's later updates
 * (countered, accepted: `deal_updated` goes to the timeline only).
 */
export function isForwardedToCrm(event: OutboxEvent): boolean {
  return event.type === 'lead_created' || (event.type === 'duplicate_attached' && dealOf(event) !== null);
}

export interface CrmProspectDeps {
  db: Kysely<LeadsDatabase>;
  inventory: VehicleLookup;
}

/**
 * What the CRM forward of a forwarded event sends, read when it is sent: the new lead with the car
 * as inventory describes it (a deal's lead names it by id only) and its deal; or the deal that
 * joined an open lead, as its own prospect. Null when the deal is gone (nothing to forward).
 */
export async function crmProspectOf(
  deps: CrmProspectDeps,
  event: OutboxEvent,
  facts: { lead: LeadRow; settings: SettingsRow },
): Promise<AdfExport | null> {
  const named = dealOf(event);
  const dealNamed = named ? dealSummaryOf(deps.db, event.dealershipId, named.dealId) : Promise.resolve(null);
  if (event.type === 'lead_created') {
    const [lead, deal] = await Promise.all([
      matchVehicle(deps.db, deps.inventory, facts.lead).catch(() => facts.lead),
      dealNamed,
    ]);
    return adfExportOf(lead, facts.settings, deal);
  }
  const deal = await dealNamed;
  if (!named || !deal) return null;
  const vehicle = named.vehicleId
    ? await deps.inventory
        .find(event.dealershipId, { id: named.vehicleId, vin: null, stockNumber: null })
        .catch(() => null)
    : null;
  // The lead as this deal would have opened it: the shopper as the lead knows them (a public
  // submission never changes a lead's contact details), the deal's car, the deal's headline.
  const asDealLead: LeadRow = {
    ...facts.lead,
    ...(vehicle ? vehicleColumnsOf(vehicle) : carNamedOnlyBy(named.vehicleId)),
    source: DEAL_LEAD_SOURCE,
    intent: 'buy_online',
    message: dealHeadline(deal),
    trade_in: null,
    created_at: event.occurredAt,
  };
  // Its ADF id is the deal's: CRMs drop an ADF id they already have, and they have the lead's.
  return { ...adfExportOf(asDealLead, facts.settings, deal), leadId: deal.dealId };
}

/** A car inventory could not describe: known by its id alone (the deal still says what it costs). */
function carNamedOnlyBy(vehicleId: string | null): LeadVehicleColumns {
  return {
    vehicle_id: vehicleId,
    vehicle_vin: null,
    vehicle_stock: null,
    vehicle_year: null,
    vehicle_make: null,
    vehicle_model: null,
    vehicle_trim: null,
    vehicle_condition: null,
    vehicle_price_cents: null,
  };
}
