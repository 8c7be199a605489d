import { DatePipe } from '@angular/common';
import { Component, DestroyRef, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { FEED_INTERVAL_HOURS, type FeedSource, type Problem } from '@showroom/contracts';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { ImportApi } from './import-api';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * The import page's "Feed URL" card: where the DMS publishes its CSV, how often it is fetched, and
 * how the last fetch went. Saves on its own; the page gives it the source as loaded for the active
 * dealership (a switch replaces this card, and an answer on its way with it).
 */
@Component({
  selector: 'sr-import-feed-source',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    ProblemTextPipe,
  ],
  templateUrl: './import-feed-source.html',
  styleUrl: './import-feed-source.scss',
})
export class ImportFeedSource {
  private readonly api = inject(ImportApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly source = input.required<FeedSource>();

  protected readonly intervals = FEED_INTERVAL_HOURS;
  /** The source as last loaded or saved. */
  protected readonly current = linkedSignal(() => this.source());
  protected readonly feedUrl = linkedSignal(() => this.current().url ?? '');
  protected readonly feedInterval = linkedSignal<number>(() => this.current().intervalHours);
  protected readonly feedEnabled = linkedSignal(() => this.current().enabled);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected save(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
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
          this.saving.set(false);
          this.current.set(feed);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.problem.set(problemOf(error));
        },
      });
  }
}
