import type { ReportPeriod } from './report-period';
import { addDays, daysIn } from './report-period';

/** One month's cost for a source, as entered on the settings page. */
export interface MonthCost {
  /** YYYY-MM */
  month: string;
  source: string;
  costCents: number;
}

/** The calendar months a period touches (YYYY-MM), first to last. */
export function monthsOf(period: Pick<ReportPeriod, 'fromDay' | 'toDay'>): { first: string; last: string } {
  return { first: period.fromDay.slice(0, 7), last: period.toDay.slice(0, 7) };
}

const daysInMonth = (month: string): number => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
};

/** How many of the period's days fall in `month`. */
function overlapDays(period: Pick<ReportPeriod, 'fromDay' | 'toDay'>, month: string): number {
  const monthFirst = `${month}-01`;
  const monthLast = addDays(monthFirst, daysInMonth(month) - 1);
  const from = period.fromDay > monthFirst ? period.fromDay : monthFirst;
  const to = period.toDay < monthLast ? period.toDay : monthLast;
  return from > to ? 0 : daysIn(from, to);
}

/**
 * Each source's cost over the period: every month's cost spread evenly over that month's days,
 * times the period's days in it (10 days of a 30-day month carry a third of its cost). Rounded to
 * whole cents once per source, after the months are added, so a long period does not drift.
 */
export function proratedCosts(
  costs: readonly MonthCost[],
  period: Pick<ReportPeriod, 'fromDay' | 'toDay'>,
): Map<string, number> {
  const exact = new Map<string, number>();
  for (const cost of costs) {
    const days = overlapDays(period, cost.month);
    if (days === 0) continue;
    exact.set(cost.source, (exact.get(cost.source) ?? 0) + (cost.costCents * days) / daysInMonth(cost.month));
  }
  return new Map([...exact].map(([source, cents]) => [source, Math.round(cents)]));
}
