import { Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MAX_PHOTO_FETCH_URLS, type PhotoFetchItem, type PhotoFetchItemStatus } from '@showroom/contracts';
import { Permissions } from '../../core/permissions';
import { nonZeroCounts } from '../../shared/counts-text';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { readPastedLinks } from './pasted-links';
import { PhotoFetchRun } from './photo-fetch-run';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** What a link's status means to a dealer. */
const STATUS_LABELS: Record<PhotoFetchItemStatus, string> = {
  queued: 'Waiting',
  fetching: 'Fetching…',
  added: 'Added',
  duplicate: 'Already there',
  failed: 'Failed',
  refused: 'Refused',
};

/**
 * The photo robot on a vehicle's photos: paste image links (from the dealer's old website, a DMS, an
 * auction listing) and the robot fetches them in the background; the panel follows the job link by
 * link. Shows the vehicle's latest job when it opens. `photosAdded` tells the page how many photos a
 * job added once it finishes (only when it added any). The job is the `PhotoFetchRun` of the page
 * around it (the vehicle's photos section), so it is still followed when the panel closes.
 */
@Component({
  selector: 'sr-photo-fetch-panel',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemTextPipe],
  templateUrl: './photo-fetch-panel.html',
  styleUrl: './photo-fetch-panel.scss',
})
export class PhotoFetchPanel {
  readonly vehicleId = input.required<string>();
  readonly photosAdded = output<number>();

  protected readonly run = inject(PhotoFetchRun);
  private readonly permissions = inject(Permissions);

  protected readonly canWrite = computed(() => this.permissions.can('inventory:write'));
  protected readonly text = signal('');
  protected readonly pasted = computed(() => readPastedLinks(this.text()));
  protected readonly canStart = computed(() => {
    const { urls, problems, tooMany } = this.pasted();
    return (
      urls.length > 0 && problems.length === 0 && !tooMany && !this.run.starting() && !this.run.running()
    );
  });
  protected readonly maxLinks = MAX_PHOTO_FETCH_URLS;
  protected readonly labels = STATUS_LABELS;

  constructor() {
    effect(() => {
      const id = this.vehicleId();
      untracked(() => {
        this.text.set('');
        // Shown again after "Done": the job followed meanwhile is kept, not read afresh.
        if (this.run.vehicleId !== id) this.run.open(id);
      });
    });
    this.run.finished.pipe(takeUntilDestroyed()).subscribe((added) => {
      if (added > 0) this.photosAdded.emit(added);
    });
  }

  protected start(): void {
    if (!this.canStart()) return;
    this.run.start(this.pasted().urls, () => this.text.set(''));
  }

  protected readonly summary = computed(() => {
    const job = this.run.job();
    if (!job) return '';
    const { total, queued, fetching, added, duplicate, failed, refused } = job.counts;
    return [
      `${total - queued - fetching} of ${total} links done`,
      nonZeroCounts([
        [added, 'added'],
        [duplicate, 'already there'],
        [failed + refused, 'not added'],
      ]),
    ]
      .filter(Boolean)
      .join(' · ');
  });

  protected trackItem(_index: number, item: PhotoFetchItem): number {
    return item.position;
  }
}
