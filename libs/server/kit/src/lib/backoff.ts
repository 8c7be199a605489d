/** The wait before try `attempt + 1` after `attempt` failed: `firstMs`, doubled each time, at most `capMs`. */
export function backoffMs(firstMs: number, attempt: number, capMs = Number.POSITIVE_INFINITY): number {
  return Math.min(capMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
