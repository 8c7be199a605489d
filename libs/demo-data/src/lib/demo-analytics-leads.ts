import type { AnalyticsEvent, LostReason, ShopperForm } from '@showroom/contracts';
import { onLotAt, priceAt, type DemoVehicleLife } from './demo-analytics-lot';
import {
  atHourOf,
  DAY_MS,
  demoDays,
  demoEvent,
  demoUuid,
  diceFor,
  HOUR_MS,
  localHourOf,
  MINUTE_MS,
  weekdayOf,
  type Dice,
  type DemoEventFields,
} from './demo-analytics-parts';
import type { DemoDealership } from './demo-tenants';

/** A salesperson of a demo rooftop and how quickly they tend to answer an online lead. */
export interface DemoSalesperson {
  id: string;
  name: string;
  medianResponseMinutes: number;
}

export interface DemoLeadProfile {
  /** Leads a weekday brings besides the buyers of the cars sold (Saturday more, Sunday fewer). */
  leadsPerDay: number;
  /** Lead sources and how often each sends a lead. */
  sources: Readonly<Record<string, number>>;
  /** Where the rooftop's website visits come from: a website form's lead counts under its visit's. */
  trafficSources: Readonly<Record<string, number>>;
  salespeople: readonly DemoSalesperson[];
}

/** A lead that came through the website's forms: the shoppers' side makes its visit. */
export interface DemoWebsiteLead {
  leadId: string;
  createdAt: Date;
  /** The traffic source of the visit that sent it (utm_source, the referrer's host or direct). */
  trafficSource: string;
  vehicleId: string | null;
  form: ShopperForm;
  dealKind: 'finance' | 'lease' | 'cash' | null;
}

/** Walk-ins and calls happen while the showroom is open (closed on Sundays). */
const IN_PERSON_SOURCES = new Set(['walk_in', 'phone']);

function channelOf(source: string): string {
  if (source.startsWith('website:') || source === 'digital_retailing') return 'website';
  if (IN_PERSON_SOURCES.has(source)) return 'manual';
  return 'adf';
}

/**
 * The source analytics counts a lead under (the engine port's rule): a website form's lead takes
 * the traffic source of the visit that sent it, as the storefront sends it with the form; any
 * other lead keeps its own source. Online deals keep digital_retailing: retail does not send the
 * visit's source with a deal.
 */
function marketingSourceOf(source: string, visitSource: string | null): string {
  return source.startsWith('website:') && visitSource ? visitSource : source;
}

/** The visit behind a website lead comes from one of the rooftop's traffic sources: its own dice, the same on every run. */
function visitSourceOf(leadId: string, trafficSources: Readonly<Record<string, number>>): string {
  return diceFor(`analytics-lead-source:${leadId}`).weighted(trafficSources);
}

function formOf(source: string): ShopperForm | null {
  if (source === 'digital_retailing') return 'deal';
  if (source === 'website:value_trade_in') return 'trade_in';
  if (source === 'website:get_pre_approved') return 'credit';
  return source.startsWith('website:') ? 'lead' : null;
}

const LOST_REASON_WEIGHTS: Readonly<Partial<Record<LostReason, number>>> = {
  bought_elsewhere: 30,
  not_ready: 25,
  price: 18,
  credit_declined: 8,
  vehicle_unavailable: 9,
  other: 10,
};

/** One lead's story as events; `end` set for a buyer (the car's sale), null for a shopper still deciding. */
class LeadStory {
  readonly events: AnalyticsEvent[] = [];
  private readonly fields: DemoEventFields;

  constructor(
    private readonly dealership: DemoDealership,
    private readonly key: string,
    readonly leadId: string,
    source: string,
    visitSource: string | null,
    vehicleId: string | null,
  ) {
    this.fields = {
      leadId,
      source: marketingSourceOf(source, visitSource),
      channel: channelOf(source),
      vehicleId,
    };
  }

  add(step: string, type: AnalyticsEvent['type'], at: Date, fields: DemoEventFields = {}): void {
    this.events.push(
      demoEvent(this.dealership, `${this.key}:${step}`, type, at, { ...this.fields, ...fields }),
    );
  }

  moved(step: string, status: string, at: Date, who: DemoSalesperson): void {
    this.add(step, 'lead_status_changed', at, { status, salespersonId: who.id, salespersonName: who.name });
  }
}

/**
 * Leads over the window: one buyer for each car sold in it (their story ends in the sale), and the
 * day's other leads, who ask, are answered (some quickly, some the next morning, a few never), book
 * appointments, visit, and are lost or still open. Every lead is assigned to one of the rooftop's
 * salespeople, who answers it.
 */
export function demoLeads(
  dealership: DemoDealership,
  lot: readonly DemoVehicleLife[],
  now: Date,
  windowDays: number,
  profile: DemoLeadProfile,
): { events: AnalyticsEvent[]; websiteLeads: DemoWebsiteLead[] } {
  const days = demoDays(now, windowDays);
  const windowStart = atHourOf(days[0] as string, 0).getTime();
  const events: AnalyticsEvent[] = [];
  const websiteLeads: DemoWebsiteLead[] = [];

  const open = (
    dice: Dice,
    key: string,
    source: string,
    createdAt: Date,
    vehicle: DemoVehicleLife | null,
  ) => {
    const leadId = demoUuid(`lead:${dealership.id}:${key}`);
    const form = formOf(source);
    const trafficSource = form ? visitSourceOf(leadId, profile.trafficSources) : null;
    const story = new LeadStory(dealership, key, leadId, source, trafficSource, vehicle?.vehicleId ?? null);
    const dealKind = source === 'digital_retailing' ? dice.pick(['finance', 'lease', 'cash'] as const) : null;
    if (dealKind && vehicle) {
      story.add('deal', 'deal_submitted', new Date(createdAt.getTime() - 10_000), {
        dealId: demoUuid(`deal:${dealership.id}:${key}`),
        dealKind,
        priceCents: priceAt(vehicle, createdAt),
      });
    }
    story.add('created', 'lead_created', createdAt);
    if (form && trafficSource) {
      websiteLeads.push({
        leadId,
        createdAt,
        trafficSource,
        vehicleId: vehicle?.vehicleId ?? null,
        form,
        dealKind,
      });
    }
    return story;
  };

  const assign = (dice: Dice, story: LeadStory, source: string, createdAt: Date): DemoSalesperson => {
    const who = dice.pick(profile.salespeople);
    const delay = IN_PERSON_SOURCES.has(source) ? dice.int(5, 60) * 1000 : dice.int(1, 6) * MINUTE_MS;
    story.add('assigned', 'lead_assigned', new Date(createdAt.getTime() + delay), {
      salespersonId: who.id,
      salespersonName: who.name,
    });
    return who;
  };

  /** Seconds to the first answer: in person at once; online by the salesperson's habits, nights wait for the morning. */
  const responseSecondsFor = (dice: Dice, source: string, createdAt: Date, who: DemoSalesperson): number => {
    if (IN_PERSON_SOURCES.has(source)) return dice.int(20, 240);
    const minutes = Math.max(0.5, dice.around(who.medianResponseMinutes, 2.2));
    const hour = localHourOf(createdAt);
    const overnight = hour >= 21 || hour < 8 ? (((8.5 - hour + 24) % 24) + dice.roll()) * 60 : 0;
    return Math.round((overnight + minutes) * 60);
  };

  const answer = (story: LeadStory, who: DemoSalesperson, createdAt: Date, seconds: number): Date => {
    const at = new Date(createdAt.getTime() + seconds * 1000);
    story.add('first-response', 'lead_first_response', at, {
      salespersonId: who.id,
      salespersonName: who.name,
      responseSeconds: seconds,
    });
    return at;
  };

  // Buyers: each car sold in the window was bought by a lead that came in 1–21 days before (the
  // car's own dice, so its buyer is the same whenever the history is generated).
  for (const car of lot) {
    if (!car.soldAt || car.soldAt.getTime() < windowStart) continue;
    const dice = diceFor(`analytics-buyer:${car.vehicleId}`);
    const soldAt = car.soldAt;
    const earliest = car.listedAt.getTime() + 2 * HOUR_MS;
    const createdAt = new Date(
      Math.max(earliest, soldAt.getTime() - (dice.int(1, 21) + dice.roll()) * DAY_MS),
    );
    const source = dice.weighted(profile.sources);
    if (soldAt.getTime() - createdAt.getTime() < 3 * HOUR_MS) continue; // a cash sale on the spot: no lead
    const story = open(dice, `buyer:${car.vehicleId}`, source, createdAt, car);
    const who = assign(dice, story, source, createdAt);
    const span = soldAt.getTime() - createdAt.getTime();
    const seconds = Math.min(responseSecondsFor(dice, source, createdAt, who), Math.floor(span / 10_000));
    const answered = answer(story, who, createdAt, seconds);
    const step = (share: number) =>
      new Date(answered.getTime() + (soldAt.getTime() - answered.getTime()) * share);
    if (source === 'walk_in') {
      story.moved('visit', 'showroom_visit', step(0.05), who);
    } else {
      story.moved('contacted', 'contacted', step(0.02), who);
      if (dice.chance(0.75)) story.moved('appointment', 'appointment_set', step(0.3), who);
      story.moved('visit', 'showroom_visit', step(0.6), who);
    }
    story.moved('negotiation', 'negotiation', step(0.9), who);
    story.add('sold', 'lead_sold', soldAt, {
      status: 'sold',
      salespersonId: who.id,
      salespersonName: who.name,
      priceCents: priceAt(car, soldAt),
    });
    events.push(...story.events);
  }

  // Everyone else: shoppers who ask and do not buy here (yet).
  // Each day's from that day's own dice: the same leads whenever the history is generated.
  for (const day of days) {
    const dice = diceFor(`analytics-leads:${dealership.slug}:${day}`);
    const weekday = weekdayOf(day);
    const busy = weekday === 6 ? 1.3 : weekday === 0 ? 0.6 : 1;
    const count = Math.round(profile.leadsPerDay * busy * (0.6 + dice.roll() * 0.8));
    for (let k = 0; k < count; k++) {
      let source = dice.weighted(profile.sources);
      if (weekday === 0 && IN_PERSON_SOURCES.has(source)) source = 'website:check_availability';
      const hour = IN_PERSON_SOURCES.has(source) ? 9 + dice.roll() * 10 : 6 + dice.roll() * 17.5;
      const createdAt = atHourOf(day, hour);
      const choices = lot.filter((car) => onLotAt(car, createdAt));
      const vehicle =
        choices.length && (source === 'digital_retailing' || dice.chance(0.75)) ? dice.pick(choices) : null;
      if (source === 'digital_retailing' && !vehicle) source = 'website:request_quote';
      const story = open(dice, `lead:${day}:${k}`, source, createdAt, vehicle);
      const who = assign(dice, story, source, createdAt);
      if (!IN_PERSON_SOURCES.has(source) && dice.chance(0.05)) {
        // Never answered: the shopper gives up and the lead is closed as such a week or two later.
        if (dice.chance(0.6)) {
          story.add('lost', 'lead_lost', new Date(createdAt.getTime() + dice.int(7, 14) * DAY_MS), {
            status: 'lost',
            lostReason: 'no_response',
            salespersonId: who.id,
            salespersonName: who.name,
          });
        }
        events.push(...story.events);
        continue;
      }
      let last = answer(story, who, createdAt, responseSecondsFor(dice, source, createdAt, who));
      const later = (minHours: number, maxHours: number) =>
        (last = new Date(last.getTime() + (minHours + dice.roll() * (maxHours - minHours)) * HOUR_MS));
      if (source === 'walk_in') story.moved('visit', 'showroom_visit', later(0, 0.2), who);
      else story.moved('contacted', 'contacted', later(0, 0.1), who);
      if (dice.chance(source === 'walk_in' ? 0.15 : 0.35)) {
        story.moved('appointment', 'appointment_set', later(2, 72), who);
        if (dice.chance(0.65)) story.moved('visit-booked', 'showroom_visit', later(24, 96), who);
      }
      if (dice.chance(0.55)) {
        story.add('lost', 'lead_lost', later(72, 500), {
          status: 'lost',
          lostReason: dice.weighted(LOST_REASON_WEIGHTS as Record<LostReason, number>),
          salespersonId: who.id,
          salespersonName: who.name,
        });
      }
      events.push(...story.events);
    }
  }
  return { events, websiteLeads };
}
