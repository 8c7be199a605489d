import bundledSynonyms from '../../search/synonyms.json';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SynonymRule } from './port';

const term = z
  .string()
  .min(1)
  .max(60)
  .refine((text) => searchWords(text).length > 0, 'needs at least one letter or digit');

const SynonymRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    objectID: z.string().min(1),
    type: z.literal('synonym'),
    synonyms: z.array(term).min(2),
  }),
  z.strictObject({
    objectID: z.string().min(1),
    type: z.literal('oneWaySynonym'),
    input: term,
    synonyms: z.array(term).min(1),
  }),
]);

/** Thrown at start for a synonyms file that cannot be used; the message names the file and entry. */
export class SynonymsFileError extends Error {
  constructor(file: string, problem: string) {
    super(`synonyms file ${file}: ${problem}`);
    this.name = 'SynonymsFileError';
  }
}

/** Reads and validates the platform's synonyms (Algolia's format); a bad file fails the start. */
export function loadSynonyms(file: string): SynonymRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SynonymsFileError(file, error instanceof Error ? error.message : String(error));
  }
  return parseSynonyms(raw, file);
}

export function parseSynonyms(raw: unknown, file: string): SynonymRule[] {
  if (!Array.isArray(raw)) throw new SynonymsFileError(file, 'must be a JSON array of synonym rules');
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const parsed = SynonymRuleSchema.safeParse(entry);
    const name = describeEntry(entry, index);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new SynonymsFileError(file, `${name}: ${where}${issue?.message ?? 'invalid'}`);
    }
    if (seen.has(parsed.data.objectID)) throw new SynonymsFileError(file, `${name}: objectID is used twice`);
    seen.add(parsed.data.objectID);
    return parsed.data;
  });
}

function describeEntry(entry: unknown, index: number): string {
  const objectID =
    typeof entry === 'object' && entry !== null && 'objectID' in entry ? entry.objectID : undefined;
  return typeof objectID === 'string' ? `entry ${index} ("${objectID}")` : `entry ${index}`;
}

/**
 * The words of a text as every engine compares them: lower case, accents dropped, split at
 * anything that is not a letter or digit ("Mercedes-Benz" → mercedes, benz).
 */
export function searchWords(text: string): string[] {
  // Plain ASCII (nearly every make, model and code) has no accents to drop.
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Rules keyed by the word sequence that triggers them, compiled once per rules array. */
interface CompiledSynonyms {
  /** "four wheel drive" → every alternative (as space-joined words) it stands for. */
  byPhrase: Map<string, string[]>;
  longestPhrase: number;
}

const compiled = new WeakMap<readonly SynonymRule[], CompiledSynonyms>();

function compile(rules: readonly SynonymRule[]): CompiledSynonyms {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const byPhrase = new Map<string, string[]>();
  let longestPhrase = 1;
  const add = (trigger: string, alternatives: readonly string[]) => {
    const words = searchWords(trigger);
    longestPhrase = Math.max(longestPhrase, words.length);
    const key = words.join(' ');
    const known = byPhrase.get(key) ?? [];
    for (const alternative of alternatives) {
      const phrase = searchWords(alternative).join(' ');
      if (!known.includes(phrase)) known.push(phrase);
    }
    byPhrase.set(key, known);
  };
  for (const rule of rules) {
    if (rule.type === 'synonym') for (const synonym of rule.synonyms) add(synonym, rule.synonyms);
    else add(rule.input, [rule.input, ...rule.synonyms]);
  }
  const result = { byPhrase, longestPhrase };
  compiled.set(rules, result);
  return result;
}

/**
 * Groups a searcher's words (from `searchWords`) into units, each with the alternatives any of which
 * satisfies it: the unit's own words first, then its synonyms. Multi-word synonyms are matched
 * longest first ("four wheel drive" is one unit). Each alternative is its words joined by a space.
 * A vehicle matches the search when it matches some alternative of every unit, an alternative
 * matching when all of its words do.
 */
export function expandWords(words: readonly string[], rules: readonly SynonymRule[]): string[][] {
  const { byPhrase, longestPhrase } = compile(rules);
  const units: string[][] = [];
  for (let start = 0; start < words.length;) {
    let matched = false;
    for (let length = Math.min(longestPhrase, words.length - start); length >= 1; length--) {
      const phrase = words.slice(start, start + length).join(' ');
      const alternatives = byPhrase.get(phrase);
      if (alternatives) {
        units.push([phrase, ...alternatives.filter((alternative) => alternative !== phrase)]);
        start += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      units.push([words[start] as string]);
      start += 1;
    }
  }
  return units;
}

/** The platform's synonyms: the file SEARCH_SYNONYMS_FILE names, or the built-in one. */
export function configuredSynonyms(file: string | undefined): SynonymRule[] {
  return file
    ? loadSynonyms(file)
    : parseSynonyms(bundledSynonyms, 'services/inventory/search/synonyms.json (built in)');
}
