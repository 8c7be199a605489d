import { AGING_BUCKETS, type AnalyticsEvent } from '@showroom/contracts';

/**
 * The dashboard's figures worked out straight from a list of events with plain loops, for the
 * report tests to compare the service's answers with. Deliberately naive and independent of the
 * engine and the report service: days come from Intl, not from zonedMidnight; nothing is shared
 * with the SQL but the meanings written in engine/port.ts.
 */

const DAY_MS = 86_400_000;

export interface Days {
  from: string;
  to: string;
  timeZone: string;
}

// Not engine/reporting-rules' dayIn, on purpose: the oracle shares no code with what it checks.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayOf(iso: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

export const within = (event: AnalyticsEvent, days: Days): boolean => {
  const day = dayOf(event.occurredAt, days.timeZone);
  return day >= days.from && day <= days.to;
};

/** Linear interpolation between the closest ranks (as DuckDB's quantile_cont). */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

/** Rounds every number in a value (deeply) to 6 decimals, so float sums compare as equal. */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e6) / 1e6) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  }
  return value;
}

function groupBy<K>(
  events: readonly AnalyticsEvent[],
  key: (event: AnalyticsEvent) => K,
): Map<K, AnalyticsEvent[]> {
  const groups = new Map<K, AnalyticsEvent[]>();
  for (const event of events) groups.set(key(event), [...(groups.get(key(event)) ?? []), event]);
  return groups;
}

const count = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** A rooftop's (or several) events in a period, optionally one salesperson's view. */
export class ExpectedFigures {
  constructor(
    private readonly events: readonly AnalyticsEvent[],
    private readonly dealershipIds: readonly string[],
    private readonly salespersonId: string | null = null,
  ) {}

  private of(days: Days, type: AnalyticsEvent['type']): AnalyticsEvent[] {
    return this.events.filter(
      (e) => e.type === type && this.dealershipIds.includes(e.dealershipId) && within(e, days),
    );
  }

  private mine(events: AnalyticsEvent[]): AnalyticsEvent[] {
    return this.salespersonId === null
      ? events
      : events.filter((e) => e.salespersonId === this.salespersonId);
  }

  /** Leads as the port counts them: arrivals, or for one salesperson the leads assigned to them (first assignment). */
  leads(days: Days): { day: string; source: string; leadId: string }[] {
    if (this.salespersonId === null) {
      return this.of(days, 'lead_created').map((e) => ({
        day: dayOf(e.occurredAt, days.timeZone),
        source: e.source ?? 'unknown',
        leadId: e.leadId as string,
      }));
    }
    const first = new Map<string, AnalyticsEvent>();
    for (const e of this.mine(this.of(days, 'lead_assigned')).sort((a, b) =>
      a.occurredAt.localeCompare(b.occurredAt),
    )) {
      if (!first.has(e.leadId as string)) first.set(e.leadId as string, e);
    }
    return [...first.values()].map((e) => ({
      day: dayOf(e.occurredAt, days.timeZone),
      source: e.source ?? 'unknown',
      leadId: e.leadId as string,
    }));
  }

  leadsByDayAndSource(days: Days): { day: string; source: string; leads: number }[] {
    const counts = new Map<string, number>();
    for (const lead of this.leads(days)) count(counts, `${lead.day}|${lead.source}`);
    return [...counts]
      .map(([key, leads]) => {
        const [day, source] = key.split('|') as [string, string];
        return { day, source, leads };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || b.leads - a.leads || a.source.localeCompare(b.source));
  }

  leadsBySource(days: Days): Map<string, number> {
    const counts = new Map<string, number>();
    for (const lead of this.leads(days)) count(counts, lead.source);
    return counts;
  }

  private countBySource(events: AnalyticsEvent[], weighted = false): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of events) count(counts, e.source ?? 'unknown', weighted ? e.weight : 1);
    return counts;
  }

  sold(days: Days): AnalyticsEvent[] {
    return this.mine(this.of(days, 'lead_sold'));
  }

  funnel(days: Days) {
    const views = this.countBySource(this.of(days, 'vehicle_view'), true);
    const leads = this.leadsBySource(days);
    const appointments = this.countBySource(
      this.mine(this.of(days, 'lead_status_changed')).filter((e) => e.status === 'appointment_set'),
    );
    const sold = this.countBySource(this.sold(days));
    const sources = new Set([...views.keys(), ...leads.keys(), ...appointments.keys(), ...sold.keys()]);
    return [...sources]
      .map((source) => ({
        source,
        vehicleViews: views.get(source) ?? 0,
        leads: leads.get(source) ?? 0,
        appointments: appointments.get(source) ?? 0,
        sold: sold.get(source) ?? 0,
      }))
      .sort((a, b) => b.leads - a.leads || a.source.localeCompare(b.source));
  }

  responseTimes(events: AnalyticsEvent[], targetSeconds: number) {
    const seconds = events.map((e) => e.responseSeconds as number);
    return {
      responses: seconds.length,
      medianSeconds: quantile(seconds, 0.5),
      p90Seconds: quantile(seconds, 0.9),
      withinTarget: seconds.filter((s) => s <= targetSeconds).length,
    };
  }

  firstResponses(days: Days): AnalyticsEvent[] {
    return this.mine(this.of(days, 'lead_first_response')).filter((e) => e.responseSeconds !== null);
  }

  firstResponseBySalesperson(days: Days, targetSeconds: number) {
    const byPerson = groupBy(this.firstResponses(days), (e) => e.salespersonId as string);
    return [...byPerson]
      .map(([salespersonId, events]) => ({
        salespersonId,
        salespersonName: events.at(-1)?.salespersonName ?? null,
        ...this.responseTimes(events, targetSeconds),
      }))
      .sort(
        (a, b) =>
          b.responses - a.responses ||
          (a.salespersonName ?? '').localeCompare(b.salespersonName ?? '') ||
          a.salespersonId.localeCompare(b.salespersonId),
      );
  }

  leadsAndSalesBySource(days: Days) {
    const leads = this.leadsBySource(days);
    const sold = this.countBySource(this.sold(days));
    return [...new Set([...leads.keys(), ...sold.keys()])]
      .map((source) => ({ source, leads: leads.get(source) ?? 0, sold: sold.get(source) ?? 0 }))
      .sort((a, b) => b.leads - a.leads || a.source.localeCompare(b.source));
  }

  leadsAndSalesBySalesperson(days: Days) {
    const assigned = this.mine(this.of(days, 'lead_assigned'));
    const people = new Map<string, { name: string | null; leads: Set<string>; sold: number }>();
    const person = (e: AnalyticsEvent) => {
      const id = e.salespersonId as string;
      const entry = people.get(id) ?? { name: e.salespersonName, leads: new Set<string>(), sold: 0 };
      people.set(id, entry);
      return entry;
    };
    for (const e of assigned) person(e).leads.add(e.leadId as string);
    for (const e of this.sold(days)) person(e).sold++;
    return [...people]
      .map(([salespersonId, p]) => ({
        salespersonId,
        salespersonName: p.name,
        leads: p.leads.size,
        sold: p.sold,
      }))
      .sort(
        (a, b) =>
          b.leads - a.leads ||
          (a.salespersonName ?? '').localeCompare(b.salespersonName ?? '') ||
          a.salespersonId.localeCompare(b.salespersonId),
      );
  }

  /** The lot at `asOf` by AGING_BUCKETS: listed by then, not sold or removed by then. */
  aging(asOf: Date): number[] {
    const cars = new Map<string, { listedAt: string | null; gone: boolean }>();
    for (const e of this.events) {
      if (!this.dealershipIds.includes(e.dealershipId) || !e.type.startsWith('vehicle_')) continue;
      if (Date.parse(e.occurredAt) > asOf.getTime()) continue;
      const car = cars.get(e.vehicleId as string) ?? { listedAt: null, gone: false };
      car.listedAt = e.listedAt ?? car.listedAt;
      if (e.type === 'vehicle_sold' || e.type === 'vehicle_removed') car.gone = true;
      cars.set(e.vehicleId as string, car);
    }
    const buckets = AGING_BUCKETS.map(() => 0);
    for (const car of cars.values()) {
      if (car.gone || !car.listedAt || Date.parse(car.listedAt) > asOf.getTime()) continue;
      const age = Math.floor((asOf.getTime() - Date.parse(car.listedAt)) / DAY_MS);
      const index = AGING_BUCKETS.findLastIndex((b) => age >= b.fromDays);
      buckets[index] = (buckets[index] ?? 0) + 1;
    }
    return buckets;
  }

  daysToSell(days: Days) {
    const sold = this.of(days, 'vehicle_sold').map((e) => e.daysOnLot as number);
    return {
      sold: sold.length,
      medianDays: quantile(sold, 0.5),
      averageDays: sold.length ? sold.reduce((a, b) => a + b, 0) / sold.length : null,
    };
  }

  searches(days: Days) {
    const searches = this.of(days, 'search');
    const none = searches.filter((e) => e.resultCount === 0 && e.searchTerms !== null);
    const byTerms = groupBy(none, (e) => e.searchTerms as string);
    const list = [...byTerms]
      .map(([terms, events]) => ({
        terms,
        searches: events.reduce((sum, e) => sum + e.weight, 0),
        sessions: new Set(events.map((e) => e.sessionId)).size,
        lastSearchedAt: new Date(Math.max(...events.map((e) => Date.parse(e.occurredAt)))).toISOString(),
      }))
      .sort((a, b) => b.searches - a.searches || a.terms.localeCompare(b.terms));
    return {
      list,
      total: searches.reduce((sum, e) => sum + e.weight, 0),
      noResults: searches.filter((e) => e.resultCount === 0).reduce((sum, e) => sum + e.weight, 0),
    };
  }

  /** One rooftop's row of the group view. */
  rooftop(days: Days) {
    return {
      vehicleViews: this.of(days, 'vehicle_view').reduce((sum, e) => sum + e.weight, 0),
      leads: this.leads(days).length,
      sold: this.sold(days).length,
      medianFirstResponseSeconds: quantile(
        this.firstResponses(days).map((e) => e.responseSeconds as number),
        0.5,
      ),
    };
  }
}
