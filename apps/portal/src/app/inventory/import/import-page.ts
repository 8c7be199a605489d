import { DatePipe } from '@angular/common';
import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import {
  FEED_INTERVAL_HOURS,
  MISSING_VEHICLE_ACTIONS,
  type FeedSource,
  type ImportField,
  type ImportJob,
  type ImportPreset,
  type ImportReport,
  type ImportUpload,
  type LockableImportField,
  type MissingVehicleAction,
  type Problem,
} from '@showroom/contracts';
import { catchError, EMPTY, filter, forkJoin, Subject, switchMap, takeWhile, tap, timer } from 'rxjs';
import { ActiveDealership } from '../../core/active-dealership';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { ImportApi } from './import-api';
import {
  countsSummary,
  FIELD_LABELS,
  FIELDS,
  fileProblem,
  isActive,
  isLockable,
  isRequired,
  type Mapping,
  mappingFromPreset,
  mappingToSend,
  MISSING_LABELS,
  missingRequired,
  percentDone,
} from './import-model';

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
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule,
    MatSlideToggleModule,
    ProblemTextPipe,
    RouterLink,
  ],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly fields = FIELDS;
  protected readonly labels = FIELD_LABELS;
  protected readonly isRequired = isRequired;
  protected readonly isLockable = isLockable;
  protected readonly missingActions = MISSING_VEHICLE_ACTIONS;
  protected readonly missingLabels = MISSING_LABELS;
  protected readonly intervals = FEED_INTERVAL_HOURS;
  protected readonly percentDone = percentDone;
  protected readonly countsSummary = countsSummary;
  protected readonly labelOf = (field: string): string => FIELD_LABELS[field as ImportField] ?? field;

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly presets = signal<ImportPreset[]>([]);
  protected readonly jobs = signal<ImportJob[]>([]);

  protected readonly dragging = signal(false);
  protected readonly uploading = signal(false);
  protected readonly fileError = signal<string | null>(null);
  protected readonly uploadProblem = signal<Problem | null>(null);
  protected readonly upload = signal<ImportUpload | null>(null);
  protected readonly presetId = signal<string | null>(null);
  protected readonly mapping = signal<Mapping>({});
  protected readonly locked = signal<ReadonlySet<LockableImportField>>(new Set());
  protected readonly mode = signal<'partial' | 'full'>('partial');
  protected readonly missing = signal<MissingVehicleAction>('keep');
  protected readonly unmapped = computed(() => missingRequired(this.mapping()));
  protected readonly detectedPreset = computed(
    () => this.presets().find((preset) => preset.id === this.upload()?.detectedPresetId) ?? null,
  );

  protected readonly starting = signal(false);
  protected readonly startProblem = signal<Problem | null>(null);
  /** The import on screen: the one just started (followed while it runs), or a past one picked. */
  protected readonly current = signal<ImportJob | null>(null);
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly reportProblem = signal<Problem | null>(null);

  protected readonly feed = signal<FeedSource | null>(null);
  protected readonly feedUrl = signal('');
  protected readonly feedInterval = signal<number>(24);
  protected readonly feedEnabled = signal(false);
  protected readonly feedSaving = signal(false);
  protected readonly feedProblem = signal<Problem | null>(null);

  private readonly watched = new Subject<string>();

  constructor() {
    // Imports belong to a dealership: switching shows the other one's.
    toObservable(inject(ActiveDealership).id)
      .pipe(
        filter((id) => id !== null),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.watched
      .pipe(
        switchMap((id) =>
          timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS).pipe(
            // A read that fails (a network blip) is skipped; the next tick asks again.
            switchMap(() => this.api.job(id).pipe(catchError(() => EMPTY))),
            takeWhile((job) => isActive(job), true),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((job) => {
        if (job.id !== this.current()?.id) return;
        this.current.set(job);
        if (!isActive(job)) this.finished(job);
      });
  }

  private load() {
    this.reset();
    return this.loadState
      .track(
        forkJoin({
          presets: this.api.presets(),
          settings: this.api.settings(),
          jobs: this.api.jobs(),
          feed: this.api.feedSource(),
        }),
      )
      .pipe(
        tap(({ presets, settings, jobs, feed }) => {
          this.presets.set(presets);
          this.jobs.set(jobs);
          this.locked.set(new Set(settings.rules.locked));
          this.mode.set(settings.rules.mode);
          this.missing.set(settings.rules.missing);
          this.showFeed(feed);
          const running = jobs.find(isActive);
          if (running) this.follow(running);
        }),
      );
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  private reset(): void {
    this.upload.set(null);
    this.current.set(null);
    this.report.set(null);
    this.fileError.set(null);
    this.uploadProblem.set(null);
    this.startProblem.set(null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) this.send(file);
  }

  protected picked(input: HTMLInputElement): void {
    const file = input.files?.item(0);
    input.value = '';
    if (file) this.send(file);
  }

  private send(file: File): void {
    if (this.uploading()) return;
    this.reset();
    const problem = fileProblem(file);
    this.fileError.set(problem);
    if (problem) return;
    this.uploading.set(true);
    this.api
      .upload(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (upload) => {
          this.uploading.set(false);
          this.upload.set(upload);
          this.presetId.set(upload.detectedPresetId);
          this.mapping.set(upload.suggestedMapping);
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.uploadProblem.set(problemOf(error));
        },
      });
  }

  protected choosePreset(id: string | null): void {
    this.presetId.set(id);
    const preset = this.presets().find((p) => p.id === id);
    const upload = this.upload();
    if (preset && upload) this.mapping.set(mappingFromPreset(preset, upload.headers));
  }

  protected mapField(field: ImportField, column: string | null): void {
    this.mapping.update((mapping) => ({ ...mapping, [field]: column }));
  }

  protected toggleLock(field: ImportField, on: boolean): void {
    if (!isLockable(field)) return;
    this.locked.update((locked) => {
      const next = new Set(locked);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });
  }

  protected start(): void {
    const upload = this.upload();
    if (!upload || this.starting() || this.unmapped().length > 0) return;
    this.starting.set(true);
    this.startProblem.set(null);
    this.api
      .start(upload.job.id, {
        mapping: mappingToSend(this.mapping()),
        rules: { locked: [...this.locked()], mode: this.mode(), missing: this.missing() },
        presetId: this.presetId(),
        save: true,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (job) => {
          this.starting.set(false);
          this.upload.set(null);
          this.follow(job);
          this.jobs.update((jobs) => [job, ...jobs.filter((j) => j.id !== job.id)]);
        },
        error: (error: unknown) => {
          this.starting.set(false);
          this.startProblem.set(problemOf(error));
        },
      });
  }

  /** Shows a past import's progress and report. */
  protected show(job: ImportJob): void {
    this.upload.set(null);
    this.follow(job);
  }

  protected resume(job: ImportJob): void {
    this.api
      .resume(job.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (queued) => this.follow(queued),
        error: (error: unknown) => this.reportProblem.set(problemOf(error)),
      });
  }

  private follow(job: ImportJob): void {
    this.current.set(job);
    this.report.set(null);
    this.reportProblem.set(null);
    if (isActive(job)) this.watched.next(job.id);
    else this.finished(job);
  }

  private finished(job: ImportJob): void {
    this.jobs.update((jobs) => jobs.map((j) => (j.id === job.id ? job : j)));
    this.readReport(job.id, 1);
  }

  protected readReport(importId: string, page: number): void {
    this.api
      .report(importId, page, REPORT_PAGE_SIZE)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => this.report.set(report),
        error: (error: unknown) => this.reportProblem.set(problemOf(error)),
      });
  }

  protected lastReportPage(report: ImportReport): boolean {
    return report.page * report.pageSize >= report.total;
  }

  private showFeed(feed: FeedSource): void {
    this.feed.set(feed);
    this.feedUrl.set(feed.url ?? '');
    this.feedInterval.set(feed.intervalHours);
    this.feedEnabled.set(feed.enabled);
  }

  protected saveFeed(): void {
    if (this.feedSaving()) return;
    this.feedSaving.set(true);
    this.feedProblem.set(null);
    const url = this.feedUrl().trim();
    this.api
      .saveFeedSource({
        url: url === '' ? null : url,
        intervalHours: this.feedInterval() as (typeof FEED_INTERVAL_HOURS)[number],
        enabled: this.feedEnabled(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (feed) => {
          this.feedSaving.set(false);
          this.showFeed(feed);
        },
        error: (error: unknown) => {
          this.feedSaving.set(false);
          this.feedProblem.set(problemOf(error));
        },
      });
  }
}
