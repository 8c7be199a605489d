import { DEAL_LEAD_SOURCE, type DealLeadInput } from '@showroom/contracts';
import { emptyVehicle, type LeadDraft } from '../capture/lead-draft';
import { dealHeadline } from './deal-text';

/**
 * The lead a deal submitted online becomes, as any website lead arrives: the shopper's contact, the
 * car by its inventory id (described from inventory after capture), the deal's headline as its
 * message, and the deal id as the sender's own id, so the same deal is one lead however often it
 * is sent.
 */
export function dealLeadDraft(input: DealLeadInput): LeadDraft {
  return {
    channel: 'website',
    source: DEAL_LEAD_SOURCE,
    // Retail does not send the visit's traffic source (yet): online deals count as digital_retailing.
    trafficSource: null,
    intent: 'buy_online',
    firstName: input.shopper.firstName,
    lastName: input.shopper.lastName,
    email: input.shopper.email,
    phone: input.shopper.phone ?? null,
    preferredContact: null,
    message: dealHeadline(input.deal),
    tradeIn: null,
    vehicle: { ...emptyVehicle(), id: input.vehicleId.toLowerCase() },
    prospectDocument: null,
    repairs: [],
    external: { source: DEAL_LEAD_SOURCE, id: input.deal.dealId.toLowerCase() },
    deal: input.deal,
    assignee: null,
    actor: null,
  };
}
