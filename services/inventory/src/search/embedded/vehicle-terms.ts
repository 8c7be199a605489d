import { searchWords } from '../synonyms';
import type { SearchDocument } from '../port';

/** What a vehicle can be found by: `terms` by exact word or prefix, `typoTerms` also by a near miss. */
export interface VehicleTerms {
  terms: string[];
  typoTerms: string[];
}

/**
 * The words of a free-text field, plus each hyphenated or dotted word written together, so
 * "F-150" is found by "f 150", "f-150" and "f150".
 */
export function fieldTerms(text: string | null): string[] {
  if (!text) return [];
  const known = repeatedFieldTerms.get(text);
  if (known) return known;
  const terms = termsOf(text);
  if (repeatedFieldTerms.size < MAX_REMEMBERED_VALUES) repeatedFieldTerms.set(text, terms);
  return terms;
}

/** Makes, models, trims and colours repeat across thousands of cars: their words are worked out once. */
const repeatedFieldTerms = new Map<string, string[]>();
const MAX_REMEMBERED_VALUES = 20_000;

function termsOf(text: string): string[] {
  const terms = searchWords(text);
  for (const chunk of text.split(/\s+/)) {
    const parts = searchWords(chunk);
    if (parts.length > 1) terms.push(parts.join(''));
  }
  return terms;
}

/** The last 6 and 8 characters of a VIN: what a dealer reads off a windshield sticker. */
export function vinTails(vin: string): string[] {
  const lower = vin.toLowerCase();
  return [lower.slice(-6), lower.slice(-8)];
}

export function vehicleTerms(document: SearchDocument): VehicleTerms {
  // Typos are forgiven in names a shopper spells from memory, never in codes read off a car.
  const typoTerms = [
    ...fieldTerms(document.make),
    ...fieldTerms(document.model),
    ...fieldTerms(document.trim),
    ...fieldTerms(document.exteriorColor),
    ...fieldTerms(document.bodyStyle),
  ];
  const terms = [
    ...typoTerms,
    String(document.year),
    ...fieldTerms(document.drivetrain),
    ...fieldTerms(document.fuelType),
    ...termsOf(document.stockNumber),
    document.vin.toLowerCase(),
    ...vinTails(document.vin),
  ];
  return { terms: [...new Set(terms)], typoTerms: [...new Set(typoTerms)] };
}
