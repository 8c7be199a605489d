import type { SearchFilters } from './port';

/** What a searcher typed, split into the words to match and the bounds their phrases meant. */
export interface UnderstoodQuery {
  text: string | undefined;
  bounds: Pick<SearchFilters, 'priceMin' | 'priceMax' | 'mileageMin' | 'mileageMax' | 'yearMin'>;
}

const AMOUNT = String.raw`\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|K)?`;
const MILES = String.raw`(?:\s?(?:miles|mi|km|kms))`;
const BELOW = String.raw`(?:under|below|less than|max|up to|<)`;
const ABOVE = String.raw`(?:over|above|more than|at least|min|from|>)`;

/** "30k" → 30000, "$25,000" → 25000, "1.5k" → 1500. */
function amountOf(digits: string, thousands: string | undefined): number {
  const value = Number(digits.replace(/,/g, ''));
  return Math.round(thousands ? value * 1000 : value);
}

/** A price phrase is only a price when it is plausibly one: "under 30" stays text (a model, a trim). */
const isPrice = (dollars: number) => dollars >= 1000 && dollars <= 10_000_000;
const isMileage = (miles: number) => miles >= 100 && miles <= 2_000_000;

interface Rule {
  pattern: RegExp;
  apply(match: RegExpExecArray, bounds: UnderstoodQuery['bounds']): boolean;
}

/** Checked in order; a phrase that a rule takes is removed from the text. Mileage goes before price. */
const RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`\b${BELOW}\s${AMOUNT}${MILES}\b`, 'i'),
    apply: ([, digits, k], bounds) => {
      const miles = amountOf(digits, k);
      if (!isMileage(miles)) return false;
      bounds.mileageMax = miles;
      return true;
    },
  },
  {
    pattern: new RegExp(String.raw`\b${ABOVE}\s${AMOUNT}${MILES}\b`, 'i'),
    apply: ([, digits, k], bounds) => {
      const miles = amountOf(digits, k);
      if (!isMileage(miles)) return false;
      bounds.mileageMin = miles;
      return true;
    },
  },
  {
    pattern: new RegExp(String.raw`(?:\bbetween\s)?${AMOUNT}\s?(?:-|to|and)\s?${AMOUNT}(?=\s|$)`, 'i'),
    apply: ([, lowDigits, lowK, highDigits, highK], bounds) => {
      // "20-30k" means both in thousands.
      const low = amountOf(lowDigits, lowK ?? highK);
      const high = amountOf(highDigits, highK);
      if (!isPrice(low) || !isPrice(high) || low > high) return false;
      bounds.priceMin = low * 100;
      bounds.priceMax = high * 100;
      return true;
    },
  },
  {
    pattern: new RegExp(String.raw`(?:^|\s)${BELOW}\s?${AMOUNT}(?=\s|$)`, 'i'),
    apply: ([, digits, k], bounds) => {
      const dollars = amountOf(digits, k);
      if (!isPrice(dollars)) return false;
      bounds.priceMax = dollars * 100;
      return true;
    },
  },
  {
    pattern: new RegExp(String.raw`(?:^|\s)${ABOVE}\s?${AMOUNT}(?=\s|$)`, 'i'),
    apply: ([, digits, k], bounds) => {
      const dollars = amountOf(digits, k);
      if (!isPrice(dollars)) return false;
      bounds.priceMin = dollars * 100;
      return true;
    },
  },
  {
    pattern:
      /(?:\b(?:newer than|after|since)\s((?:19|20)\d\d)\b|\b((?:19|20)\d\d)(?:\+|\s(?:or|and) newer\b))/i,
    apply: ([phrase, afterYear, plusYear], bounds) => {
      bounds.yearMin = plusYear ? Number(plusYear) : Number(afterYear) + (/^since/i.test(phrase) ? 0 : 1);
      return true;
    },
  },
];

/**
 * Takes the price, mileage and year phrases out of what a shopper typed ("chevy 4x4 under 30k" →
 * "chevy 4x4" with a price ceiling of $30,000), so every engine gets plain words and real filters.
 */
export function understandQuery(typed: string | undefined): UnderstoodQuery {
  const bounds: UnderstoodQuery['bounds'] = {};
  let text = typed ?? '';
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match && rule.apply(match, bounds))
      text = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  }
  const words = text.replace(/\s+/g, ' ').trim();
  return { text: words === '' ? undefined : words, bounds };
}
