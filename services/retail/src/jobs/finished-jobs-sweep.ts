import { PollingWorker } from '@showroom/server-kit';
import type { Logger } from 'pino';
import type { JobClaims } from './job-claims';

const DAY_MS = 86_400_000;
const BATCH = 500;

export interface FinishedJobsSweepSettings {
  /** Done and failed jobs are kept this long (a failed one, for someone to look at), then deleted. */
  retentionDays: number;
  intervalMs: number;
}

/** Deletes the jobs done or failed longer ago than the retention, a batch at a time; how many went. */
export async function forgetFinishedJobs(
  claims: JobClaims,
  retentionDays: number,
  now: Date,
  isStopping: () => boolean = () => false,
): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  let forgotten = 0;
  while (!isStopping()) {
    const deleted = await claims.forgetFinished(before, BATCH);
    forgotten += deleted;
    if (deleted < BATCH) break;
  }
  return forgotten;
}

/**
 * The queue does not grow for ever, nor keep what finished jobs carried (a failed shopper e-mail's
 * signed link, names): every instance sweeps now and then; deletes are idempotent.
 */
export function finishedJobsSweep(
  claims: JobClaims,
  settings: FinishedJobsSweepSettings,
  logger: Logger,
  clock: () => Date,
): PollingWorker {
  const worker: PollingWorker = new PollingWorker({
    name: 'finished retail jobs sweep',
    run: () => forgetFinishedJobs(claims, settings.retentionDays, clock(), () => worker.stopping),
    intervalMs: settings.intervalMs,
    logger,
  });
  return worker;
}
