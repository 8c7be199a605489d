import type { QueryWord } from './text-query';
import { editDistanceWithin } from './typos';

/** Enough for every word shoppers type between two changes of a rooftop's names. */
const MAX_REMEMBERED_WORDS = 1_000;

/**
 * The terms of a dealership's typo-forgiving vocabulary (names: makes, models, trims, colours) that a
 * search word reaches within its typo budget. Finding them compares the word with every name, which
 * costs more than the rest of a text search, while shoppers type the same words again and again: so
 * each word's answer is remembered until a name is added to or leaves the vocabulary.
 */
export class NearMisses {
  private readonly remembered = new Map<string, readonly string[]>();

  constructor(private readonly vocabulary: () => Iterable<string>) {}

  /** The vocabulary gained or lost a term. */
  forget(): void {
    if (this.remembered.size > 0) this.remembered.clear();
  }

  of(word: QueryWord): readonly string[] {
    const key = `${word.typos}${word.prefix ? '+' : '='}${word.word}`;
    let terms = this.remembered.get(key);
    if (terms === undefined) {
      const found: string[] = [];
      for (const term of this.vocabulary())
        if (editDistanceWithin(word.word, term, word.typos, word.prefix) > 0) found.push(term);
      if (this.remembered.size >= MAX_REMEMBERED_WORDS) this.remembered.clear();
      this.remembered.set(key, found);
      terms = found;
    }
    return terms;
  }
}
