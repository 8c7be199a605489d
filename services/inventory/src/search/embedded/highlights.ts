import { HIGHLIGHT_FIELDS, type Highlight, type HighlightField } from '@showroom/contracts';
import type { SearchDocument } from '../port';
import { searchWords } from '../synonyms';
import type { QueryWord } from './text-query';
import { editDistanceWithin } from './typos';
import { fieldTerms } from './vehicle-terms';

/** Fields whose words a near miss may match, as in the index (vehicle-terms.ts). */
const TYPO_FIELDS = new Set<HighlightField>(['make', 'model', 'trim', 'bodyStyle', 'exteriorColor']);

/** Fields unique to a vehicle: remembering them would only fill the memo. */
const UNIQUE_FIELDS = new Set<HighlightField>(['vin', 'stockNumber']);

/** One per search, by field then value: the same make or model on many hits is marked once. */
export type KnownHighlights = Map<HighlightField, Map<string, Highlight | null>>;

/** The vehicle's fields that the search words matched, in parts with the matching text marked. */
export function highlightVehicle(
  document: SearchDocument,
  words: readonly QueryWord[],
  known: KnownHighlights = new Map(),
): Highlight[] {
  const highlights: Highlight[] = [];
  for (const field of HIGHLIGHT_FIELDS) {
    const value = document[field];
    if (value === null) continue;
    const text = String(value);
    const highlight = UNIQUE_FIELDS.has(field)
      ? highlightField(field, text, words)
      : rememberedHighlight(field, text, words, known);
    if (highlight) highlights.push(highlight);
  }
  return highlights;
}

function rememberedHighlight(
  field: HighlightField,
  text: string,
  words: readonly QueryWord[],
  known: KnownHighlights,
): Highlight | null {
  let byValue = known.get(field);
  if (!byValue) known.set(field, (byValue = new Map()));
  let highlight = byValue.get(text);
  if (highlight === undefined) {
    highlight = highlightField(field, text, words);
    byValue.set(text, highlight);
  }
  return highlight;
}

function highlightField(field: HighlightField, text: string, words: readonly QueryWord[]): Highlight | null {
  if (TYPO_FIELDS.has(field) ? noTermMatches(text, words) : appearsNowhere(text, words)) return null;
  const marked = new Array<boolean>(text.length).fill(false);
  markWords(text, words, TYPO_FIELDS.has(field), marked);
  if (field === 'vin') markVinTail(text, words, marked);
  return marked.includes(true) ? { field, parts: toParts(text, marked) } : null;
}

/**
 * A quick no for names (most fields of a hit match no word): their words are worked out once per
 * value (`fieldTerms`, as the index does) and include every word and joined word that marking could
 * find, so when none of them matches, marking would mark nothing.
 */
function noTermMatches(text: string, words: readonly QueryWord[]): boolean {
  for (const term of fieldTerms(text))
    for (const word of words) if (matchedLength(term, word, true) > 0) return false;
  return true;
}

/**
 * A quick no for plain-ASCII text without near misses (VINs, stock numbers, years: unique per hit,
 * so neither remembered nor worth tokenising): every word that marks something there is the start of
 * one of its words, joined words or VIN tails, so it appears in the text with the punctuation taken out.
 */
function appearsNowhere(text: string, words: readonly QueryWord[]): boolean {
  if (!PLAIN_ASCII.test(text)) return false;
  const compact = text.toLowerCase().replace(NOT_ALPHANUMERIC, '');
  for (const word of words) if (compact.includes(word.word)) return false;
  return true;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** How many leading characters of `term` the word matches: all of it, a prefix, or none (0). */
function matchedLength(term: string, word: QueryWord, typos: boolean): number {
  if (term === word.word) return term.length;
  if (word.prefix && term.startsWith(word.word)) return word.word.length;
  if (typos && word.typos > 0 && editDistanceWithin(word.word, term, word.typos, word.prefix) > 0) {
    return term.length;
  }
  return 0;
}

function markWords(text: string, words: readonly QueryWord[], typos: boolean, marked: boolean[]): void {
  for (const chunk of text.matchAll(/\S+/g)) {
    const parts = [...chunk[0].matchAll(/[\p{L}\p{N}]+/gu)];
    const joined = searchWords(chunk[0]).join('');
    if (parts.length > 1 && words.some((word) => matchedLength(joined, word, typos) === joined.length)) {
      mark(marked, chunk.index, chunk[0].length);
      continue;
    }
    for (const part of parts) {
      const term = searchWords(part[0])[0] ?? '';
      // Accents can change a word's length when normalised; then the whole word is marked.
      const sameLength = term.length === part[0].length;
      const longest = Math.max(0, ...words.map((word) => matchedLength(term, word, typos)));
      if (longest > 0) mark(marked, chunk.index + (part.index ?? 0), sameLength ? longest : part[0].length);
    }
  }
}

function markVinTail(vin: string, words: readonly QueryWord[], marked: boolean[]): void {
  const lower = vin.toLowerCase();
  for (const tailLength of [6, 8]) {
    const start = lower.length - tailLength;
    if (start < 0) continue;
    const tail = lower.slice(start);
    for (const word of words) {
      const length = matchedLength(tail, word, false);
      if (length > 0) mark(marked, start, length);
    }
  }
}

function mark(marked: boolean[], start: number, length: number): void {
  for (let i = start; i < start + length && i < marked.length; i++) marked[i] = true;
}

function toParts(text: string, marked: readonly boolean[]): Highlight['parts'] {
  const parts: Highlight['parts'] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] as boolean });
      start = i;
    }
  }
  return parts;
}
