import { DatePipe } from '@angular/common';
import { Component, DestroyRef, inject, NgZone, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type {
  FeedSource,
  ImportJob,
  ImportPreset,
  ImportReport,
  ImportRules,
  ImportUpload,
  Problem,
} from '@showroom/contracts';
import { catchError, EMPTY, forkJoin, map, of, Subject, switchMap, takeUntil } from 'rxjs';
import { problemOf } from '../../core/problem';
import { dealershipLoad } from '../../shared/dealership-load';
import { FileDrop, FilePicker } from '../../shared/file-drop';
import { pollWhile } from '../../shared/poll';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { ImportApi } from './import-api';
import { ImportFeedSource } from './import-feed-source';
import { ImportMapping } from './import-mapping';
import { ImportProgress } from './import-progress';
import { countsSummary, fileProblem, isActive } from './import-model';

/** How often a running import is read again. */
export const POLL_INTERVAL_MS = 1000;
/** Report rows a page shows. */
export const REPORT_PAGE_SIZE = 50;

/**
 * `/inventory/import` (inventory:write): a dealer drops a CSV from their DMS or inventory tool,
 * checks the columns (a preset for the common exports, a select per field), chooses what an import
 * may change, starts it and follows its progress to the report of skipped rows. Past imports and
 * the feed URL fetched on a schedule are below.
 */
@Component({
  selector: 'sr-import-page',
  imports: [
    DatePipe,
    FileDrop,
    FilePicker,
    ImportFeedSource,
    ImportMapping,
    ImportProgress,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    RouterLink,
  ],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly zone = inject(NgZone);

  protected readonly countsSummary = countsSummary;

  /** The page's data for the active dealership; a switch reloads it and drops older answers. */
  protected readonly page = dealershipLoad({
    query: of(null),
    load: () => {
      this.reset();
      return forkJoin({
        presets: this.api.presets(),
        settings: this.api.settings(),
        jobs: this.api.jobs(),
        feed: this.api.feedSource(),
      });
    },
    loaded: ({ presets, settings, jobs, feed }) => {
      this.presets.set(presets);
      this.jobs.set(jobs);
      this.rules.set(settings.rules);
      this.feed.set(feed);
      const running = jobs.find(isActive);
      if (running) this.follow(running);
    },
  });
  protected readonly presets = signal<ImportPreset[]>([]);
  protected readonly jobs = signal<ImportJob[]>([]);
  /** The rules a new file starts with: the saved ones, then those of the last import started here. */
  protected readonly rules = signal<ImportRules>({ locked: [], mode: 'partial', missing: 'keep' });

  protected readonly uploading = signal(false);
  protected readonly fileError = signal<string | null>(null);
  protected readonly uploadProblem = signal<Problem | null>(null);
  protected readonly upload = signal<ImportUpload | null>(null);

  /** The import on screen: the one just started (followed while it runs), or a past one picked. */
  protected readonly current = signal<ImportJob | null>(null);
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly reportProblem = signal<Problem | null>(null);

  protected readonly feed = signal<FeedSource | null>(null);

  /** Ends an upload or a resume on its way: its answer is the previous dealership's. */
  private readonly switched = new Subject<void>();
  /** The running import to poll; null stops polling (another dealership, or nothing running). */
  private readonly watched = new Subject<string | null>();
  /** The report page to read; a newer request (or null) drops the answer of the one before. */
  private readonly reportRequests = new Subject<{ importId: string; page: number } | null>();

  constructor() {
    this.watched
      .pipe(
        switchMap((id) =>
          id === null
            ? EMPTY
            : pollWhile(() => this.api.job(id), isActive, {
                intervalMs: POLL_INTERVAL_MS,
                zone: this.zone,
              }).pipe(
                // The import is gone, or another dealership's: say so, stop asking.
                catchError((error: unknown) => {
                  if (this.current()?.id === id) this.reportProblem.set(problemOf(error));
                  return EMPTY;
                }),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((job) => {
        // The list shows every import's latest state, also one the dealer looked away from.
        this.jobs.update((jobs) => jobs.map((j) => (j.id === job.id ? job : j)));
        if (job.id !== this.current()?.id) return;
        this.current.set(job);
        if (!isActive(job)) this.finished(job);
      });
    this.reportRequests
      .pipe(
        switchMap((request) =>
          request === null
            ? EMPTY
            : this.api.report(request.importId, request.page, REPORT_PAGE_SIZE).pipe(
                map((report) => ({ report })),
                catchError((error: unknown) => of({ problem: problemOf(error) })),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        if ('problem' in answer) this.reportProblem.set(answer.problem);
        else this.report.set(answer.report);
      });
  }

  /** Another dealership (or a reload): nothing of the previous one stays on screen or keeps polling. */
  private reset(): void {
    this.switched.next();
    this.uploading.set(false);
    this.watched.next(null);
    this.reportRequests.next(null);
    this.upload.set(null);
    this.current.set(null);
    this.report.set(null);
    this.reportProblem.set(null);
    this.fileError.set(null);
    this.uploadProblem.set(null);
  }

  protected take(files: readonly File[]): void {
    const file = files[0];
    if (file) this.send(file);
  }

  private send(file: File): void {
    if (this.uploading()) return;
    this.upload.set(null);
    this.fileError.set(null);
    this.uploadProblem.set(null);
    const problem = fileProblem(file);
    this.fileError.set(problem);
    if (problem) return;
    this.uploading.set(true);
    this.api
      .upload(file)
      .pipe(takeUntil(this.switched), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (upload) => {
          this.uploading.set(false);
          this.upload.set(upload);
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.uploadProblem.set(problemOf(error));
        },
      });
  }

  /** The mapping card started the import: follow it, list it, and keep its rules for the next file. */
  protected started(job: ImportJob): void {
    this.upload.set(null);
    // The permission to remove much of the lot was for that import only.
    if (job.rules) this.rules.set({ ...job.rules, allowLargeRemoval: undefined });
    this.follow(job);
    this.jobs.update((jobs) => [job, ...jobs.filter((j) => j.id !== job.id)]);
  }

  /** Shows a past import's progress and report. */
  protected show(job: ImportJob): void {
    this.upload.set(null);
    this.follow(job);
  }

  protected resume(job: ImportJob): void {
    this.api
      .resume(job.id)
      .pipe(takeUntil(this.switched), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (queued) => this.follow(queued),
        error: (error: unknown) => this.reportProblem.set(problemOf(error)),
      });
  }

  private follow(job: ImportJob): void {
    this.current.set(job);
    this.report.set(null);
    this.reportProblem.set(null);
    this.reportRequests.next(null);
    if (isActive(job)) this.watched.next(job.id);
    else this.finished(job);
  }

  private finished(job: ImportJob): void {
    this.jobs.update((jobs) => jobs.map((j) => (j.id === job.id ? job : j)));
    this.readReport(job.id, 1);
  }

  protected readReport(importId: string, page: number): void {
    this.reportRequests.next({ importId, page });
  }
}
