/** `done` of `total` as a whole percentage (0–100); 0 while the total is unknown (0). */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}

/**
 * "3 added · 1 skipped": each count that is not zero with its words, joined by " · "; '' when all
 * are zero. A job's summary line (an import, a photo fetch).
 */
export function nonZeroCounts(counts: ReadonlyArray<readonly [count: number, words: string]>): string {
  return counts
    .filter(([count]) => count !== 0)
    .map(([count, words]) => `${count} ${words}`)
    .join(' · ');
}
