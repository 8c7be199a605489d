import { computed, inject, Injectable, NgZone, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PhotoFetchJob, Problem } from '@showroom/contracts';
import { catchError, concat, EMPTY, map, type Observable, of, Subject, switchMap, tap, timer } from 'rxjs';
import { PhotoFetchApi } from '../../api/photo-fetch-api';
import { problemOf } from '../../core/problem';
import { percentOf } from '../../shared/counts-text';
import { LoadState } from '../../shared/load-state';
import { pollWhile } from '../../shared/poll';

/** How long after an answer a running job is read again. */
export const POLL_INTERVAL_MS = 1000;

/**
 * The photo robot's job on screen for one vehicle: the latest one when the panel opens, or the one
 * the dealer just started, read again while it runs. Provided by the vehicle's photos section, not
 * the panel: a dealer who clicks "Done" while the robot works still gets its photos.
 *
 * Opening a vehicle and starting a job go through one line (switchMap): the answer for a vehicle
 * the dealer has left (its latest job, a job started there) is dropped, never shown or followed on
 * the vehicle open now.
 */
@Injectable()
export class PhotoFetchRun {
  private readonly api = inject(PhotoFetchApi);
  private readonly zone = inject(NgZone);

  private readonly loadState = new LoadState('loading', false);
  readonly status = this.loadState.status;
  readonly problem = this.loadState.problem;

  readonly job = signal<PhotoFetchJob | null>(null);
  readonly running = computed(() => this.job()?.status === 'running');
  /** Links with an outcome, of all the job's links (0–100). */
  readonly percentDone = computed(() => {
    const job = this.job();
    return job ? percentOf(job.counts.total - job.counts.queued - job.counts.fetching, job.counts.total) : 0;
  });
  readonly starting = signal(false);
  readonly startProblem = signal<Problem | null>(null);

  /** A job seen running has finished: how many photos it added. */
  readonly finished = new Subject<number>();
  /** A job seen running has added photos since it was last read: the vehicle's photos are worth reading. */
  readonly arrived = new Subject<void>();

  private openVehicleId = '';
  /** What to show next: the vehicle's latest job, or one just started. A newer one drops the older. */
  private readonly shown = new Subject<Observable<PhotoFetchJob | null>>();

  constructor() {
    this.shown
      .pipe(
        switchMap((read) =>
          read.pipe(
            switchMap((job) => (job?.status === 'running' ? concat(of(job), this.follow(job)) : of(job))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((job) => this.update(job));
  }

  /** The vehicle whose jobs are shown ('' before any). */
  get vehicleId(): string {
    return this.openVehicleId;
  }

  /** Shows the vehicle's latest job, and follows it if it still runs. */
  open(vehicleId: string): void {
    this.openVehicleId = vehicleId;
    this.job.set(null);
    this.starting.set(false);
    this.startProblem.set(null);
    this.shown.next(this.loadState.track(this.api.recent(vehicleId)).pipe(map((jobs) => jobs[0] ?? null)));
  }

  /** Stops following (another vehicle is on screen and has no panel open yet). */
  close(): void {
    this.openVehicleId = '';
    this.job.set(null);
    this.starting.set(false);
    this.startProblem.set(null);
    this.shown.next(EMPTY);
  }

  /** `started` runs once the service has the job (the pasted links may then be cleared). */
  start(urls: readonly string[], started: () => void = () => undefined): void {
    if (this.starting() || this.running()) return;
    this.starting.set(true);
    this.startProblem.set(null);
    this.shown.next(
      this.api.start(this.openVehicleId, urls).pipe(
        tap(() => {
          this.starting.set(false);
          started();
        }),
        catchError((error: unknown) => {
          this.starting.set(false);
          this.startProblem.set(problemOf(error));
          return EMPTY;
        }),
      ),
    );
  }

  /**
   * The job read again while it runs, outside Angular's zone (end-to-end tests wait for the zone to
   * settle), the next read only once the previous one answered; a 4xx (the job is gone, the permission
   * lost) stops following and leaves the last answer shown.
   */
  private follow(job: PhotoFetchJob): Observable<PhotoFetchJob> {
    let first = true;
    const read = () => {
      const answer = this.api.job(job.id);
      if (!first) return answer;
      // The job was read a moment ago: the first read waits its turn too.
      first = false;
      return timer(POLL_INTERVAL_MS).pipe(switchMap(() => answer));
    };
    return pollWhile(read, (answer) => answer.status === 'running', {
      intervalMs: POLL_INTERVAL_MS,
      zone: this.zone,
    }).pipe(catchError(() => EMPTY));
  }

  private update(job: PhotoFetchJob | null): void {
    const before = this.job();
    this.job.set(job);
    if (!job || before?.id !== job.id || before.status !== 'running') return;
    const had = new Set(before.items.filter((item) => item.status === 'added').map((item) => item.photoId));
    const added = job.items.some((item) => item.status === 'added' && !had.has(item.photoId));
    const done = job.status === 'done';
    if (added || (done && job.counts.added > 0)) this.arrived.next();
    if (done) this.finished.next(job.counts.added);
  }
}
