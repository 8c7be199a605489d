import type { SynonymRule } from '../port';
import { expandWords, searchWords } from '../synonyms';
import { typoBudget } from './typos';

export interface QueryWord {
  word: string;
  /** Search-as-you-type: the searcher's last word may be the start of a longer one. */
  prefix: boolean;
  /** Typos forgiven in this word; synonyms are taken as written. */
  typos: number;
}

/** One way to satisfy a unit of the search: all of its words must match. */
export type QueryAlternative = QueryWord[];

/** Every unit (a word, or a multi-word synonym) must be matched by one of its alternatives. */
export interface TextQuery {
  units: QueryAlternative[][];
}

export function compileTextQuery(
  text: string | undefined,
  synonyms: readonly SynonymRule[],
): TextQuery | null {
  const words = searchWords(text ?? '');
  if (words.length === 0) return null;
  const expanded = expandWords(words, synonyms);
  const units = expanded.map((alternatives, unitIndex) =>
    alternatives.map((alternative, alternativeIndex) => {
      const own = alternativeIndex === 0;
      const altWords = alternative.split(' ');
      return altWords.map((word, wordIndex) => ({
        word,
        prefix: own && unitIndex === expanded.length - 1 && wordIndex === altWords.length - 1,
        typos: own ? typoBudget(word) : 0,
      }));
    }),
  );
  return { units };
}

/** Every word of a query, for marking highlights. */
export function queryWords(query: TextQuery): QueryWord[] {
  return query.units.flat(2);
}
