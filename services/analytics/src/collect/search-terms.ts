/**
 * What a shopper searched for, as analytics keeps it: the typed text and the filters in one short,
 * normalised line ("tacoma · body: truck · make: toyota"), with anything that could identify the
 * shopper taken out first. A search box invites pasting: people type their e-mail address, phone
 * number or a card or account number into it, and search text ends up in the dashboard, Kibana
 * and the warehouse, where personal data must never be.
 */

/** The longest text kept (AnalyticsEvent.searchTerms). */
export const MAX_SEARCH_TERMS_LENGTH = 200;

/** Anything with an @ in it: addresses, including half-typed ones ("jane@gmail"), and handles. */
const AT_SIGN_WORD = /\S*@\S*/g;
/** A word holding six or more digits in a row: card, account, licence and phone numbers without separators. */
const LONG_DIGIT_WORD = /\S*\d{6,}\S*/g;
/**
 * Digits in groups split by spaces, dots, dashes, slashes or brackets (`+1 (555) 123-4567`,
 * `555.123.4567`, `123-45-6789`, `12/05/1990`). Whether the run is personal data is decided by
 * `looksPersonal`, so "2018-2020" or "2019 30000" (years, a price) stay.
 */
const DIGIT_GROUPS = /\+?\(?\d[\d\s().\-/]*\d\)?/g;
const YEAR = /^(19|20)\d\d$/;

/**
 * A run of digit groups is a phone number, social security number or date of birth when it has at
 * least seven digits, every group has at most four (a price or mileage has more) and the groups
 * are not all model years.
 */
function looksPersonal(run: string): boolean {
  const groups = run.match(/\d+/g) ?? [];
  const digits = groups.join('').length;
  if (digits < 7) return false;
  if (groups.some((group) => group.length > 4)) return false;
  return !groups.every((group) => YEAR.test(group));
}

/** The text without e-mail addresses, phone numbers and long digit runs, spaces collapsed. */
export function scrubPersonalData(text: string): string {
  return text
    .replace(AT_SIGN_WORD, ' ')
    .replace(LONG_DIGIT_WORD, ' ')
    .replace(DIGIT_GROUPS, (run) => (looksPersonal(run) ? ' ' : run))
    .replace(/\s+/g, ' ')
    .trim();
}

const normalised = (text: string): string => scrubPersonalData(text).toLowerCase();

/**
 * The search as one line: the typed text, then each filter as `name: value` in name order (so the
 * same search from two pages reads the same). Null when nothing is left: a shopper browsing every car.
 */
export function searchTermsOf(
  query: string | undefined,
  filters: Record<string, string> | undefined,
): string | null {
  const parts: string[] = [];
  const text = normalised(query ?? '');
  if (text) parts.push(text);
  const named = Object.entries(filters ?? {})
    .map(([name, value]) => [normalised(name), normalised(value)] as const)
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
