import type { QueryWord } from './text-query';
import { editDistanceWithin } from './typos';

/** Enough for every word shoppers type between two new names. */
const MAX_REMEMBERED_WORDS = 1_000;

/**
 * The names (makes, models, trims, colours: the typo-forgiving vocabulary) that a search word
 * reaches within its typo budget. Finding them compares the word with every name, which costs more
 * than the rest of a text search, while shoppers type the same words again and again and rooftops
 * share most names: so one vocabulary of every name any rooftop has held serves all of an engine's
 * rooftops, and each word's answer is remembered until a new name arrives. A rooftop looks the
 * answer's names up in its own postings, so names it lacks (or that left) simply find nothing.
 */
export class NearMisses {
  private readonly names = new Set<string>();
  private readonly remembered = new Map<string, readonly string[]>();

  /** A rooftop holds this name now; a name never seen before makes the remembered answers stale. */
  addName(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    if (this.remembered.size > 0) this.remembered.clear();
  }

  of(word: QueryWord): readonly string[] {
    const key = `${word.typos}${word.prefix ? '+' : '='}${word.word}`;
    let terms = this.remembered.get(key);
    if (terms === undefined) {
      const found: string[] = [];
      for (const name of this.names)
        if (editDistanceWithin(word.word, name, word.typos, word.prefix) > 0) found.push(name);
      if (this.remembered.size >= MAX_REMEMBERED_WORDS) this.remembered.clear();
      this.remembered.set(key, found);
      terms = found;
    }
    return terms;
  }
}
