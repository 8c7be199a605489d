import { createHash } from 'node:crypto';
import type { AnalyticsEvent } from '@showroom/contracts';
import type { DemoWebsiteLead } from './demo-analytics-leads';
import { onLotAt, type DemoVehicleLife } from './demo-analytics-lot';
import {
  atHourOf,
  demoDays,
  demoEvent,
  diceFor,
  weekdayOf,
  type Dice,
  type DemoEventFields,
} from './demo-analytics-parts';
import type { DemoDealership } from './demo-tenants';

export interface DemoShopperProfile {
  /** Visits a weekday brings (weekends more). */
  visitsPerDay: number;
  /** Where visits come from (utm_source, the referrer's host, or direct). */
  trafficSources: Readonly<Record<string, number>>;
  /** 1 / the site's sample rate: each tracked visit stands for this many. */
  weight: number;
}

/** Models shoppers ask the demo rooftops for and none of them stocks: the no-result searches' story. */
export const DEMO_MODELS_NOT_STOCKED = [
  'toyota rav4',
  'honda cr-v',
  'ford bronco',
  'jeep wrangler',
  'tesla model 3',
  'hyundai tucson',
  'subaru forester',
] as const;

const searchTermsOf = (make: string, model: string | null, condition: string | null): string =>
  [`${make} ${model ?? ''}`.trim().toLowerCase(), condition ? `condition: ${condition}` : null]
    .filter(Boolean)
    .join(' · ');

/** A visit's random id, as the storefront makes one (here derived, so it is the same on every seed). */
const sessionIdOf = (dealership: DemoDealership, key: string): string =>
  createHash('sha256').update(`demo-session:${dealership.id}:${key}`).digest('hex').slice(0, 32);

/** One shopper visit: its events a minute or so apart, each carrying the visit's source and weight. */
class Visit {
  readonly events: AnalyticsEvent[] = [];
  private at: number;
  private readonly fields: DemoEventFields;

  constructor(
    private readonly dealership: DemoDealership,
    private readonly key: string,
    start: Date,
    source: string,
    weight: number,
    readonly dice: Dice,
  ) {
    this.at = start.getTime();
    this.fields = { sessionId: sessionIdOf(dealership, key), source, weight };
  }

  /** The time of the next step, 20 s to 2 min after the last. */
  get now(): Date {
    return new Date(this.at);
  }

  add(type: AnalyticsEvent['type'], fields: DemoEventFields = {}): void {
    this.events.push(
      demoEvent(this.dealership, `${this.key}:${this.events.length}`, type, this.now, {
        ...this.fields,
        ...fields,
      }),
    );
    this.at += this.dice.int(20, 120) * 1000;
  }
}

/**
 * Shopper visits over the window: searches (for what the lot has, for models it has sold out of,
 * and for models it never stocks), vehicle pages, galleries, the payment calculator, forms begun
 * and left; and for each website lead the visit that sent it (its car's page, then its form).
 */
export function demoShopperVisits(
  dealership: DemoDealership,
  lot: readonly DemoVehicleLife[],
  websiteLeads: readonly DemoWebsiteLead[],
  now: Date,
  windowDays: number,
  profile: DemoShopperProfile,
): AnalyticsEvent[] {
  const events: AnalyticsEvent[] = [];

  const search = (visit: Visit) => {
    const dice = visit.dice;
    const onLot = lot.filter((car) => onLotAt(car, visit.now));
    const roll = dice.roll();
    let terms: string;
    let results: number;
    if (roll < 0.25) {
      terms = dice.pick(DEMO_MODELS_NOT_STOCKED);
      results = 0;
    } else {
      // A model the rooftop carries or carried: sold out now and then, so some of these find nothing.
      const wanted = roll < 0.8 && onLot.length ? dice.pick(onLot) : dice.pick(lot);
      const condition = dice.chance(0.3) ? wanted.condition : null;
      const model = dice.chance(0.85) ? wanted.model : null;
      terms = searchTermsOf(wanted.make, model, condition);
      results = onLot.filter(
        (car) =>
          car.make === wanted.make &&
          (model === null || car.model === model) &&
          (condition === null || car.condition === condition),
      ).length;
    }
    visit.add('search', { searchTerms: terms, resultCount: results });
  };

  const view = (visit: Visit, car: DemoVehicleLife) => {
    visit.add('vehicle_view', { vehicleId: car.vehicleId });
    if (visit.dice.chance(0.45)) visit.add('gallery_open', { vehicleId: car.vehicleId });
  };

  // Each day's visits from that day's own dice: the same visits whenever the history is generated.
  for (const day of demoDays(now, windowDays)) {
    const dice = diceFor(`analytics-visits:${dealership.slug}:${day}`);
    const weekday = weekdayOf(day);
    const busy = weekday === 0 || weekday === 6 ? 1.25 : 1;
    const count = Math.round(profile.visitsPerDay * busy * (0.7 + dice.roll() * 0.6));
    for (let k = 0; k < count; k++) {
      const start = atHourOf(day, 7 + dice.roll() * 16.5);
      const visit = new Visit(
        dealership,
        `visit:${day}:${k}`,
        start,
        dice.weighted(profile.trafficSources),
        profile.weight,
        dice,
      );
      const searches = dice.weighted({ 0: 30, 1: 45, 2: 25 });
      for (let s = 0; s < Number(searches); s++) search(visit);
      const onLot = lot.filter((car) => onLotAt(car, visit.now));
      const views = onLot.length ? dice.int(0, 4) : 0;
      for (let v = 0; v < views; v++) view(visit, dice.pick(onLot));
      if (views && dice.chance(0.12)) {
        visit.add('calculator_use', { dealKind: dice.pick(['finance', 'lease', 'cash'] as const) });
      }
      if (views && dice.chance(0.05)) visit.add('form_start', { form: 'lead' });
      events.push(...visit.events);
    }
  }

  // The visit behind each website lead, from the source the lead counts under: its car's page,
  // maybe the calculator, then the form sent.
  for (const lead of websiteLeads) {
    const dice = diceFor(`analytics-lead-visit:${lead.leadId}`);
    const visit = new Visit(
      dealership,
      `lead-visit:${lead.leadId}`,
      new Date(lead.createdAt.getTime() - 10 * 60_000),
      lead.trafficSource,
      profile.weight,
      dice,
    );
    const car = lead.vehicleId ? lot.find((c) => c.vehicleId === lead.vehicleId) : undefined;
    if (car) view(visit, car);
    if (lead.dealKind) visit.add('calculator_use', { vehicleId: lead.vehicleId, dealKind: lead.dealKind });
    visit.add('form_start', { form: lead.form, vehicleId: lead.vehicleId });
    visit.add('form_submit', { form: lead.form, vehicleId: lead.vehicleId });
    events.push(...visit.events);
  }
  return events;
}
