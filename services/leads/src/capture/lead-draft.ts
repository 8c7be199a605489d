import type { AdfRepair } from '@showroom/leads-adf';
import type {
  ContactMethod,
  DealLeadSummary,
  LeadChannel,
  LeadIntent,
  ManualLeadInputParsed,
  PersonRef,
  WebsiteLeadInputParsed,
} from '@showroom/contracts';

export interface DraftVehicle {
  /** The inventory vehicle, when the sender knows it (a deal names its car by id). */
  id: string | null;
  vin: string | null;
  stockNumber: string | null;
  year: number | null;
  make: string | null;
  model: string | null;
  trim: string | null;
  condition: string | null;
  priceCents: number | null;
}

/** A lead as it arrives from any channel, before duplicate checks and storage. */
export interface LeadDraft {
  channel: LeadChannel;
  source: string;
  /**
   * The traffic source of the website visit the form was sent from, as the storefront's tracker
   * names it; null for every other channel. Analytics counts the lead under it (see the engine port).
   */
  trafficSource: string | null;
  intent: LeadIntent | null;
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  preferredContact: ContactMethod | null;
  message: string | null;
  tradeIn: Record<string, unknown> | null;
  vehicle: DraftVehicle | null;
  /**
   * This prospect's own part of an ADF document that holds several shoppers (the whole document is
   * kept once per request); null otherwise.
   */
  prospectDocument: string | null;
  /** A sender's own id for this lead (ADF `<id source=…>`): the same one twice is one lead. */
  external: { source: string; id: string } | null;
  /**
   * How the ADF document had to be mended to be read (the same for every prospect of it); each
   * detail names counts and lines only, never the shopper's words. Empty for forms.
   */
  repairs: readonly AdfRepair[];
  /** The deal a shopper worked out online, for a lead that comes from one (digital retailing). */
  deal: DealLeadSummary | null;
  /** Set when staff enter a lead and name who works it. */
  assignee: PersonRef | null;
  /** Who entered it; null for shoppers and lead providers. */
  actor: PersonRef | null;
}

export function emptyVehicle(): DraftVehicle {
  return {
    id: null,
    vin: null,
    stockNumber: null,
    year: null,
    make: null,
    model: null,
    trim: null,
    condition: null,
    priceCents: null,
  };
}

function referencedVehicle(ref: { vin?: string; stockNumber?: string } | undefined): DraftVehicle | null {
  if (!ref) return null;
  return { ...emptyVehicle(), vin: ref.vin ?? null, stockNumber: ref.stockNumber ?? null };
}

type ContactInput = Pick<
  WebsiteLeadInputParsed,
  'firstName' | 'lastName' | 'email' | 'phone' | 'preferredContact' | 'message' | 'vehicle'
>;

/** The shopper's part of a form, the same on the website and in the portal. */
function contactOf(input: ContactInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName || null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    preferredContact: input.preferredContact ?? null,
    message: input.message || null,
    vehicle: referencedVehicle(input.vehicle),
  };
}

export function websiteDraft(input: WebsiteLeadInputParsed): LeadDraft {
  return {
    channel: 'website',
    source: `website:${input.intent}`,
    // An empty one (a visit whose source could not be read) is no source.
    trafficSource: input.trafficSource || null,
    intent: input.intent,
    ...contactOf(input),
    tradeIn: input.tradeIn ?? null,
    prospectDocument: null,
    repairs: [],
    external: null,
    deal: null,
    assignee: null,
    actor: null,
  };
}

export function manualDraft(
  input: ManualLeadInputParsed,
  actor: PersonRef,
  assignee: PersonRef | null,
): LeadDraft {
  return {
    channel: 'manual',
    source: input.source,
    trafficSource: null,
    intent: null,
    ...contactOf(input),
    tradeIn: null,
    prospectDocument: null,
    repairs: [],
    external: null,
    deal: null,
    assignee,
    actor,
  };
}

export function shopperNameOf(draft: { firstName: string; lastName: string | null }): string {
  return [draft.firstName, draft.lastName].filter(Boolean).join(' ');
}
