/**
 * How many typos a searcher's word may carry: none under 4 characters, 1 from 4, 2 from 8, and none
 * in a word with digits (a "1500" that finds a "1501" or a year that finds another year is a wrong car).
 */
export function typoBudget(word: string): number {
  if (/\d/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The edits (insert, delete, substitute, swap of neighbours) that turn `word` into `term` — or, with
 * `prefix`, into the closest start of `term` — or -1 when that takes more than `max`.
 */
export function editDistanceWithin(word: string, term: string, max: number, prefix: boolean): number {
  const m = word.length;
  const n = prefix ? Math.min(term.length, m + max) : term.length;
  if (n < m - max || (!prefix && n > m + max)) return -1;
  // Three rows reused across calls: a typo search compares a word with every name of a rooftop.
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const wordChar = word.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const termChar = term.charCodeAt(j - 1);
      const substitution = (previous[j - 1] as number) + (wordChar === termChar ? 0 : 1);
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
      if (
        i > 1 &&
        j > 1 &&
        wordChar === term.charCodeAt(j - 2) &&
        word.charCodeAt(i - 2) === termChar &&
        wordChar !== termChar
      ) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return -1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  let distance = previous[n] as number;
  if (prefix)
    for (let j = Math.max(0, m - max); j <= n; j++) distance = Math.min(distance, previous[j] as number);
  return distance <= max ? distance : -1;
}
