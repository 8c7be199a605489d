import { scrubSearchFilter, scrubSearchText } from '@showroom/contracts';

/**
 * What a shopper searched for, as analytics keeps it: the typed text and the filters in one short,
 * normalised line ("tacoma · body: truck · make: toyota"), with anything that could identify the
 * shopper taken out first. A search box invites pasting: people type their e-mail address, phone
 * number or a card or account number into it, and search text ends up in the dashboard, Kibana
 * and the warehouse, where personal data must never be. The figures of a range filter ("price:
 * 100000–150000") are not scrubbed: they are the search a dealer needs to read.
 */

/** The longest text kept (AnalyticsEvent.searchTerms). */
export const MAX_SEARCH_TERMS_LENGTH = 200;

/**
 * The search as one line: the typed text, then each filter as `name: value` in name order (so the
 * same search from two pages reads the same). Null when nothing is left: a shopper browsing every car.
 */
export function searchTermsOf(
  query: string | undefined,
  filters: Record<string, string> | undefined,
): string | null {
  const parts: string[] = [];
  const text = scrubSearchText(query ?? '').toLowerCase();
  if (text) parts.push(text);
  const named = Object.entries(filters ?? {})
    .map(([name, value]) => [scrubSearchText(name), scrubSearchFilter(name, value)] as const)
    .map(([name, value]) => [name.toLowerCase(), value.toLowerCase()] as const)
    .filter(([name, value]) => name && value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of named) parts.push(`${name}: ${value}`);
  const line = parts.join(' · ');
  return line ? cut(line, MAX_SEARCH_TERMS_LENGTH) : null;
}

/** Cut at a word boundary when one is near, so the dashboard never shows half a word as a term. */
function cut(line: string, max: number): string {
  if (line.length <= max) return line;
  const head = line.slice(0, max);
  const space = head.lastIndexOf(' ');
  return (space > max * 0.6 ? head.slice(0, space) : head).trim();
}
