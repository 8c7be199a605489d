/**
 * Search text without what could identify the shopper: e-mail addresses, phone numbers (and social
 * security numbers, dates of birth) and long digit runs (card and account numbers). The tracker
 * cleans a search before it leaves the browser; the collection route cleans it again by the same
 * rules (services/analytics/src/collect/search-terms.ts) — personal data must never reach
 * analytics, and a site running an older tracker must not be the way in.
 */

const AT_SIGN_WORD = /\S*@\S*/g;
const LONG_DIGIT_WORD = /\S*\d{6,}\S*/g;
const DIGIT_GROUPS = /\+?\(?\d[\d\s().\-/]*\d\)?/g;
const YEAR = /^(19|20)\d\d$/;

/** Seven digits or more in groups of at most four that are not all model years ("2018-2020" stays). */
function looksPersonal(run: string): boolean {
  const groups = run.match(/\d+/g) ?? [];
  if (groups.join('').length < 7) return false;
  if (groups.some((group) => group.length > 4)) return false;
  return !groups.every((group) => YEAR.test(group));
}

export function scrubPersonalData(text: string): string {
  return text
    .replace(AT_SIGN_WORD, ' ')
    .replace(LONG_DIGIT_WORD, ' ')
    .replace(DIGIT_GROUPS, (run) => (looksPersonal(run) ? ' ' : run))
    .replace(/\s+/g, ' ')
    .trim();
}
