import { randomUUID } from 'node:crypto';
import {
  FINISHED_PHOTO_FETCH_STATUSES,
  PHOTO_FETCH_ITEM_STATUSES,
  photoUrlProblem,
  type PhotoFetchCounts,
  type PhotoFetchJob,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { PhotoFetchItemRow, PhotoFetchJobRow, PhotoFetchRepository } from './photo-fetch-repository';

/** Who asked for the photos: a dealer who pasted links, or a feed import that listed them. */
export type PhotoFetchOrigin = { kind: 'dealer'; userId: string } | { kind: 'feed'; importId: string };

/** Jobs a vehicle's page lists. */
const RECENT_JOBS = 10;
/**
 * Workers take due links earliest first. A dealer waiting at the screen should not wait behind a
 * feed import's backlog (thousands of links), so pasted links count as due this much earlier.
 */
export const DEALER_HEAD_START_MS = 24 * 60 * 60 * 1000;

/**
 * The photo robot's queue: a list of image links for a vehicle becomes a durable job that the
 * workers (PhotoFetchWorker) fetch in the background; its state is read back link by link.
 */
export class PhotoFetchQueue {
  constructor(
    private readonly repository: PhotoFetchRepository,
    /** Told after each new job (this instance's worker starts at once instead of at its next poll). */
    private readonly onQueued: () => void = () => undefined,
  ) {}

  /**
   * Queues `urls` for the vehicle; answers the job's id at once. A link that cannot be fetched at
   * all (not http(s), credentials in it) is recorded as refused, and a link listed twice as a
   * duplicate of its first mention, so the report still names every link given. 404 (a problem)
   * when the dealership has no such vehicle.
   */
  async enqueue(
    dealershipId: string,
    vehicleId: string,
    urls: readonly string[],
    origin: PhotoFetchOrigin,
  ): Promise<string> {
    if (urls.length === 0) {
      throw problems.validation([{ name: 'urls', reason: 'give at least one image link' }]);
    }
    await this.requireVehicle(dealershipId, vehicleId);
    const firstMention = new Map<string, number>();
    const items = urls.map((raw, position) => {
      const url = raw.trim();
      const problem = photoUrlProblem(url);
      if (problem) return { url, status: 'refused' as const, reason: `the link ${problem}` };
      const first = firstMention.get(url);
      if (first !== undefined) {
        return { url, status: 'duplicate' as const, reason: `the same link as number ${first + 1}` };
      }
      firstMention.set(url, position);
      return { url, status: 'queued' as const, reason: null };
    });
    const id = randomUUID();
    const now = new Date();
    await this.repository.insertJob(dealershipId, {
      id,
      vehicleId,
      originKind: origin.kind,
      originRef: origin.kind === 'dealer' ? origin.userId : origin.importId,
      items,
      now,
      dueAt: origin.kind === 'dealer' ? new Date(now.getTime() - DEALER_HEAD_START_MS) : now,
    });
    this.onQueued();
    return id;
  }

  /** One job with each link's state; 404 when the dealership has no such job. */
  async job(dealershipId: string, jobId: string): Promise<PhotoFetchJob> {
    const row = await this.repository.findJob(dealershipId, jobId);
    if (!row) throw problems.notFound('The photo fetch job');
    return jobOf(row, await this.repository.itemsOf(dealershipId, [jobId]));
  }

  /** The vehicle's latest jobs, newest first; 404 when the dealership has no such vehicle. */
  async recentJobs(dealershipId: string, vehicleId: string): Promise<PhotoFetchJob[]> {
    await this.requireVehicle(dealershipId, vehicleId);
    const rows = await this.repository.recentJobs(dealershipId, vehicleId, RECENT_JOBS);
    const items = await this.repository.itemsOf(
      dealershipId,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      jobOf(
        row,
        items.filter((item) => item.job_id === row.id),
      ),
    );
  }

  private async requireVehicle(dealershipId: string, vehicleId: string): Promise<void> {
    if (!(await this.repository.vehicleExists(dealershipId, vehicleId))) {
      throw problems.notFound('The vehicle');
    }
  }
}

function jobOf(row: PhotoFetchJobRow, items: readonly PhotoFetchItemRow[]): PhotoFetchJob {
  const counts = Object.fromEntries([
    ['total', items.length],
    ...PHOTO_FETCH_ITEM_STATUSES.map((status) => [status, 0]),
  ]) as PhotoFetchCounts;
  let finishedAt = row.created_at;
  for (const item of items) {
    counts[item.status] += 1;
    if (item.updated_at > finishedAt) finishedAt = item.updated_at;
  }
  const running = items.some((item) => !FINISHED_PHOTO_FETCH_STATUSES.includes(item.status));
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    origin: row.origin_kind,
    status: running ? 'running' : 'done',
    counts,
    items: items.map((item) => ({
      position: item.position,
      url: item.url,
      status: item.status,
      reason: item.reason,
      photoId: item.photo_id,
      attempts: item.attempts,
    })),
    createdAt: row.created_at.toISOString(),
    finishedAt: running ? null : finishedAt.toISOString(),
  };
}
