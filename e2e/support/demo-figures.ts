import { type AnalyticsEvent, leadSourceLabel } from '@showroom/contracts';
import { type DemoDealership, generateDemoAnalytics } from '@showroom/demo-data';

/**
 * The dashboard's figures worked out from the demo history itself (`generateDemoAnalytics`, the
 * generator the platform's seed stored), so a story can check the numbers on screen without
 * copying them into the spec. The seed anchors the history at the moment it ran; periods that end
 * yesterday are the same for any `now` later that day, and leads other stories add today never
 * fall into them.
 */

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(timeZone: string, at: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "Nov 6 – Dec 5, 2026", as the dashboard names a period. */
export function periodLabel(from: string, to: string): string {
  const format = (day: string, year: boolean) =>
    new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
  return `${format(from, from.slice(0, 4) !== to.slice(0, 4))} – ${format(to, true)}`;
}

export interface LeadsBySourceFigures {
  total: number;
  /** [day, source as the dashboard names it, leads] per day and source with leads, by day then source. */
  rows: [string, string, number][];
}

/** Leads by source of one demo rooftop over [from, to] (days in its time zone), as the report counts them. */
export function demoLeadsBySource(
  dealership: DemoDealership,
  from: string,
  to: string,
  now = new Date(),
): LeadsBySourceFigures {
  const leads = generateDemoAnalytics({ now, dealerships: [dealership] }).filter(
    (event: AnalyticsEvent) => event.type === 'lead_created',
  );
  const counts = new Map<string, number>();
  let total = 0;
  for (const lead of leads) {
    const day = dayIn(dealership.timeZone, lead.occurredAt);
    if (day < from || day > to) continue;
    const key = `${day}|${leadSourceLabel(lead.source ?? '')}`;
    counts.set(key, (counts.get(key) ?? 0) + lead.weight);
    total += lead.weight;
  }
  const rows = [...counts].map(([key, leadsOnDay]) => {
    const [day = '', source = ''] = key.split('|');
    return [day, source, leadsOnDay] as [string, string, number];
  });
  rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  return { total, rows };
}
