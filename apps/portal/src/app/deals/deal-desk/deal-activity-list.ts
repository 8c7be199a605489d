import { Component, computed, inject, input } from '@angular/core';
import type { DealActivity } from '@showroom/contracts';
import { Clock } from '../../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../../leads/shared/time-pipes';
import { ACTIVITY_KIND_LABELS } from '../shared/deal-labels';

/** What happened on the deal, newest first. */
@Component({
  selector: 'sr-deal-activity-list',
  imports: [ExactTimePipe, RelativeTimePipe],
  template: `
    <ol class="events">
      @for (entry of newestFirst(); track $index) {
        <li class="event" data-testid="deal-activity" [attr.data-kind]="entry.kind">
          <time [attr.datetime]="entry.at" [attr.title]="entry.at | exactTime">{{
            entry.at | relativeTime: clock.now()
          }}</time>
          <div>
            <strong>{{ labels[entry.kind] }}</strong>
            <span class="actor"> · {{ entry.actor }}</span>
            @if (entry.text) {
              <div class="text">{{ entry.text }}</div>
            }
          </div>
        </li>
      } @empty {
        <li class="actor">Nothing yet.</li>
      }
    </ol>
  `,
  styles: `
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .event {
      display: grid;
      grid-template-columns: 110px minmax(0, 1fr);
      gap: 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    time,
    .actor {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      overflow-wrap: anywhere;
    }
  `,
})
export class DealActivityList {
  readonly activity = input.required<DealActivity[]>();
  protected readonly clock = inject(Clock);
  protected readonly labels = ACTIVITY_KIND_LABELS;
  protected readonly newestFirst = computed(() =>
    [...this.activity()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
  );
}
