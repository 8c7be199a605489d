import type { AdfProspect, AdfRepair, AdfVehicle } from '@showroom/leads-adf';
import { normalizePhone, normalizeVin } from '@showroom/contracts';
import { z } from 'zod';
import { emptyVehicle, type DraftVehicle, type LeadDraft } from './lead-draft';

const TRADE_INTERESTS = new Set(['trade-in', 'sell']);
const plausibleEmail = z.email();

/** Real feeds overrun columns now and then; a lead is worth more than a rejected one. */
const fit = (text: string | null | undefined, max: number): string | null =>
  text ? text.trim().slice(0, max) || null : null;

function vehicleOf(vehicle: AdfVehicle | undefined): DraftVehicle | null {
  if (!vehicle) return null;
  const vin = vehicle.vin ? normalizeVin(vehicle.vin) : null;
  return {
    ...emptyVehicle(),
    vin: vin && vin.length === 17 ? vin : null,
    stockNumber: fit(vehicle.stock, 20),
    year: vehicle.year,
    make: fit(vehicle.make, 40),
    model: fit(vehicle.model, 60),
    trim: fit(vehicle.trim, 60),
    condition: fit(vehicle.status, 20),
    priceCents: vehicle.priceCents,
  };
}

function tradeInOf(vehicle: AdfVehicle | undefined): Record<string, unknown> | null {
  if (!vehicle) return null;
  return {
    year: vehicle.year ?? undefined,
    make: vehicle.make ?? undefined,
    model: vehicle.model ?? undefined,
    mileage: vehicle.odometer ?? undefined,
  };
}

/** Who sent the lead, as a dealer recognises it: the provider's name, else the id's source. */
export function adfSourceOf(prospect: AdfProspect, fallback: string): string {
  return fit(prospect.provider?.name ?? prospect.ids[0]?.source ?? prospect.vendor?.name, 80) ?? fallback;
}

export function adfDraft(
  prospect: AdfProspect,
  prospectDocument: string | null,
  channel: 'adf' | 'email',
  fallbackSource: string,
  repairs: readonly AdfRepair[] = [],
): LeadDraft {
  const { customer } = prospect;
  const source = adfSourceOf(prospect, fallbackSource);
  const wanted = prospect.vehicles.find((v) => !TRADE_INTERESTS.has(v.interest ?? ''));
  const tradeIn = prospect.vehicles.find((v) => TRADE_INTERESTS.has(v.interest ?? ''));
  const email = customer.emails.find((e) => plausibleEmail.safeParse(e).success) ?? null;
  const phone = customer.phones.find((p) => normalizePhone(p.number) !== null)?.number ?? null;
  const [firstOfFull, ...restOfFull] = (customer.fullName ?? '').split(/\s+/).filter(Boolean);
  const firstName =
    fit(customer.firstName ?? firstOfFull ?? email?.split('@')[0] ?? 'Shopper', 80) ?? 'Shopper';
  const lastName = fit(customer.lastName ?? (restOfFull.join(' ') || null), 80);
  const id = prospect.ids[0];
  return {
    channel,
    source,
    // The provider is the marketing source: the visit on its site is not ours to see.
    trafficSource: null,
    intent: null,
    firstName,
    lastName,
    email: fit(email, 254),
    phone: fit(phone, 40),
    preferredContact: null,
    message: fit(prospect.comments, 4000),
    tradeIn: tradeInOf(tradeIn),
    vehicle: vehicleOf(wanted),
    prospectDocument,
    repairs,
    external: id
      ? { source: fit(id.source ?? source, 80) ?? source, id: fit(id.value, 120) ?? id.value }
      : null,
    deal: null,
    assignee: null,
    actor: null,
  };
}
