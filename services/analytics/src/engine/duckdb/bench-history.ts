// A generated analytics history for `npm run bench:analytics` (bench-queries.ts): a given number of events
// spread over the last N days of a few dealerships, in the shares a busy dealer's site and CRM give
// (mostly shopper views and searches, a tenth business events), with the cardinalities the reports
// group by (8 sources, 8 salespeople, a 400-car lot, 200 search phrases per rooftop). Deterministic
// (a seeded generator), and yielded a day at a time so a million events never sit in memory at once.
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent, type AnalyticsEventType } from '@showroom/contracts';

export interface HistoryShape {
  dealershipIds: readonly string[];
  days: number;
  totalEvents: number;
  /** The history ends here (exclusive). */
  end: Date;
}

const DAY_MS = 86_400_000;
const SOURCES = [
  'cars.com',
  'autotrader',
  'cargurus',
  'facebook',
  'google',
  'website:contact',
  'walk_in',
  'direct',
];
const SALESPEOPLE = 8;
const LOT_SIZE = 400;
const SEARCH_PHRASES = 200;
const MAKES = ['Toyota', 'Honda', 'Ford', 'Chevrolet', 'Nissan', 'Subaru', 'Mazda', 'Hyundai'];

/** Share of all events per type (they add up to 1). */
const TYPE_SHARES: [AnalyticsEventType, number][] = [
  ['vehicle_view', 0.52],
  ['search', 0.2],
  ['gallery_open', 0.08],
  ['form_start', 0.03],
  ['form_submit', 0.015],
  ['calculator_use', 0.025],
  ['lead_created', 0.02],
  ['lead_assigned', 0.024],
  ['lead_first_response', 0.02],
  ['lead_status_changed', 0.035],
  ['lead_sold', 0.004],
  ['lead_lost', 0.01],
  ['vehicle_listed', 0.004],
  ['vehicle_price_changed', 0.004],
  ['vehicle_sold', 0.003],
  ['deal_submitted', 0.001],
];

/** mulberry32: small, fast and repeatable. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** Stable uuids per kind and number, so a vehicle or lead recurs across days. */
const benchUuid = (kind: number, dealership: number, n: number) =>
  `${pad(kind, 8)}-${pad(dealership, 4)}-4000-8000-${pad(n, 12)}`;

function typePicker(random: () => number): () => AnalyticsEventType {
  const cumulative: [AnalyticsEventType, number][] = [];
  let sum = 0;
  for (const [type, share] of TYPE_SHARES) cumulative.push([type, (sum += share)]);
  return () => {
    const r = random() * sum;
    return cumulative.find(([, edge]) => r < edge)?.[0] ?? 'vehicle_view';
  };
}

/**
 * The history a day at a time (every dealership's events of that day, in time order within each),
 * `totalEvents` in all.
 */
export function* benchHistory(shape: HistoryShape): Generator<AnalyticsEvent[]> {
  const random = seeded(13);
  const pick = typePicker(random);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const perDealershipDay = shape.totalEvents / (shape.days * shape.dealershipIds.length);
  const firstDay = shape.end.getTime() - shape.days * DAY_MS;
  let produced = 0;
  let leadNumber = 0;
  let sessionNumber = 0;

  for (let day = 0; day < shape.days; day++) {
    const batch: AnalyticsEvent[] = [];
    shape.dealershipIds.forEach((dealershipId, d) => {
      const target = Math.round(perDealershipDay * (day * shape.dealershipIds.length + d + 1));
      const count = Math.min(target, shape.totalEvents) - produced;
      const dayStart = firstDay + day * DAY_MS;
      const times = Array.from({ length: count }, () => dayStart + Math.floor(random() * DAY_MS)).sort(
        (a, b) => a - b,
      );
      let session = '';
      let sessionWeight = 1;
      let sessionSource = 'direct';
      for (const at of times) {
        produced += 1;
        const type = pick();
        const occurredAt = new Date(at).toISOString();
        const base = { ...EMPTY_EVENT_FIELDS, id: `bench:${produced}`, dealershipId, type, occurredAt };
        if (random() < 0.2 || !session) {
          sessionNumber += 1;
          session = `bench-visit-${pad(sessionNumber, 12)}`;
          // One visit in five comes from a busy hour sampled at 50 %: its events weigh 2.
          sessionWeight = random() < 0.2 ? 2 : 1;
          sessionSource = choose(SOURCES);
        }
        const salesperson = Math.floor(random() * SALESPEOPLE);
        const person = {
          salespersonId: `bench-sp-${d}-${salesperson}`,
          salespersonName: `Salesperson ${d}-${salesperson}`,
        };
        const vehicleId = benchUuid(2, d, Math.floor(random() * LOT_SIZE));
        // A new lead, or one of the hundred before it (assignments, answers and sales follow arrivals).
        if (type === 'lead_created') leadNumber += 1;
        const leadOf =
          type === 'lead_created' ? leadNumber : Math.max(0, leadNumber - Math.floor(random() * 100));
        const lead = {
          leadId: benchUuid(1, d, leadOf),
          source: SOURCES[leadOf % SOURCES.length] as string,
          channel: 'website',
        };
        batch.push(
          shopperOrBusiness(type, base, {
            random,
            choose,
            session,
            sessionWeight,
            sessionSource,
            person,
            vehicleId,
            lead,
            at,
          }),
        );
      }
    });
    yield batch;
  }
}

interface Draw {
  random: () => number;
  choose: <T>(items: readonly T[]) => T;
  session: string;
  sessionWeight: number;
  sessionSource: string;
  person: { salespersonId: string; salespersonName: string };
  vehicleId: string;
  lead: { leadId: string; source: string; channel: string };
  at: number;
}

function shopperOrBusiness(type: AnalyticsEventType, base: AnalyticsEvent, draw: Draw): AnalyticsEvent {
  const { random, choose, person, vehicleId, lead } = draw;
  const shopper = { sessionId: draw.session, source: draw.sessionSource, weight: draw.sessionWeight };
  switch (type) {
    case 'vehicle_view':
    case 'gallery_open':
      return { ...base, ...shopper, vehicleId };
    case 'search': {
      const phrase = Math.floor(random() * SEARCH_PHRASES);
      // The rarer phrases (one search in eight) find nothing on the lot.
      const resultCount = phrase >= 175 ? 0 : 1 + Math.floor(random() * 40);
      return {
        ...base,
        ...shopper,
        searchTerms: `${choose(MAKES).toLowerCase()} model ${phrase}`,
        resultCount,
      };
    }
    case 'form_start':
    case 'form_submit':
      return {
        ...base,
        ...shopper,
        form: choose(['lead', 'deal', 'trade_in', 'credit'] as const),
        vehicleId,
      };
    case 'calculator_use':
      return { ...base, ...shopper, vehicleId, dealKind: choose(['cash', 'finance', 'lease'] as const) };
    case 'lead_created':
      return { ...base, ...lead };
    case 'lead_assigned':
      return { ...base, ...lead, ...person };
    case 'lead_first_response':
      return { ...base, ...lead, ...person, responseSeconds: Math.floor(random() * random() * 7_200) };
    case 'lead_status_changed':
      return {
        ...base,
        ...lead,
        ...person,
        status: choose(['contacted', 'appointment_set', 'showroom_visit', 'negotiation']),
      };
    case 'lead_sold':
      return { ...base, ...lead, ...person, status: 'sold' };
    case 'lead_lost':
      return {
        ...base,
        ...lead,
        ...person,
        status: 'lost',
        lostReason: choose(['bought_elsewhere', 'no_response', 'price']),
      };
    case 'deal_submitted':
      return {
        ...base,
        ...lead,
        vehicleId,
        dealKind: choose(['cash', 'finance', 'lease'] as const),
        priceCents: 2_500_000,
      };
    default: {
      // vehicle_listed, vehicle_price_changed, vehicle_sold, vehicle_removed
      const daysOnLot = Math.floor(random() * 120);
      const listedAt = new Date(draw.at - daysOnLot * DAY_MS).toISOString();
      const car = {
        vehicleId,
        make: choose(MAKES),
        model: 'Bench',
        year: 2018 + Math.floor(random() * 8),
        vehicleCondition: 'used',
      };
      if (type === 'vehicle_listed')
        return { ...base, ...car, listedAt: base.occurredAt, priceCents: 2_400_000 };
      if (type === 'vehicle_price_changed') return { ...base, ...car, listedAt, priceCents: 2_300_000 };
      return { ...base, ...car, listedAt, daysOnLot, priceCents: 2_250_000 };
    }
  }
}
