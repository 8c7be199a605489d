export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A background chore (a worker's prune) run at most once an hour per instance: `due` answers true,
 * and counts the chore as run, when an hour has passed since it last ran (the first call is due).
 */
export class Hourly {
  private ranAt = Number.NEGATIVE_INFINITY;

  due(now: number): boolean {
    if (now - this.ranAt < HOUR_MS) return false;
    this.ranAt = now;
    return true;
  }

  /** The chore ran outside the schedule (called directly): the next hour starts now. */
  ran(now: number): void {
    this.ranAt = now;
  }
}
