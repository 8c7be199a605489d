import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PhotoFetchJob, Problem } from '@showroom/contracts';
import { catchError, EMPTY, Subject, switchMap, takeWhile, timer } from 'rxjs';
import { PhotoFetchApi } from '../../api/photo-fetch-api';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';

/** How often a running job is read again. */
export const POLL_INTERVAL_MS = 1000;

/**
 * The photo robot's job on screen for one vehicle: the latest one when the panel opens, or the one
 * the dealer just started, read again every second while it runs. Provided by the panel.
 */
@Injectable()
export class PhotoFetchRun {
  private readonly api = inject(PhotoFetchApi);

  private readonly loadState = new LoadState('loading', false);
  readonly status = this.loadState.status;
  readonly problem = this.loadState.problem;

  readonly job = signal<PhotoFetchJob | null>(null);
  readonly running = computed(() => this.job()?.status === 'running');
  /** Links with an outcome, of all the job's links (0–100). */
  readonly percentDone = computed(() => {
    const job = this.job();
    if (!job || job.counts.total === 0) return 0;
    const done = job.counts.total - job.counts.queued - job.counts.fetching;
    return Math.round((done / job.counts.total) * 100);
  });
  readonly starting = signal(false);
  readonly startProblem = signal<Problem | null>(null);

  /** A job this panel saw running has finished: how many photos it added. */
  readonly finished = new Subject<number>();

  private vehicleId = '';
  private readonly watched = new Subject<string>();

  constructor() {
    this.watched
      .pipe(
        switchMap((jobId) =>
          jobId
            ? timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS).pipe(
                // A read that fails (a network blip) is skipped; the next tick asks again.
                switchMap(() => this.api.job(jobId).pipe(catchError(() => EMPTY))),
                takeWhile((job) => job.status === 'running', true),
              )
            : EMPTY,
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((job) => {
        if (job.id !== this.job()?.id) return;
        this.job.set(job);
        if (job.status === 'done') this.finished.next(job.counts.added);
      });
  }

  /** Shows the vehicle's latest job, and follows it if it still runs. */
  open(vehicleId: string): void {
    this.vehicleId = vehicleId;
    this.watched.next('');
    this.job.set(null);
    this.startProblem.set(null);
    this.loadState.track(this.api.recent(vehicleId)).subscribe((jobs) => this.show(jobs[0] ?? null));
  }

  /** `started` runs once the service has the job (the pasted links may then be cleared). */
  start(urls: readonly string[], started: () => void = () => undefined): void {
    if (this.starting() || this.running()) return;
    this.starting.set(true);
    this.startProblem.set(null);
    this.api.start(this.vehicleId, urls).subscribe({
      next: (job) => {
        this.starting.set(false);
        this.show(job);
        started();
      },
      error: (error: unknown) => {
        this.starting.set(false);
        this.startProblem.set(problemOf(error));
      },
    });
  }

  private show(job: PhotoFetchJob | null): void {
    this.job.set(job);
    if (job?.status === 'running') this.watched.next(job.id);
  }
}
