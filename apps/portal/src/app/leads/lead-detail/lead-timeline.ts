import {
  Component,
  DestroyRef,
  effect,
  inject,
  InjectionToken,
  input,
  NgZone,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { LeadEvent, Problem } from '@showroom/contracts';
import { Subscription } from 'rxjs';
import { LeadsApi } from '../../api/leads-api';
import { problemOf } from '../../core/problem';
import { Clock } from '../shared/clock';
import { LEAD_EVENT_LABELS } from '../shared/lead-labels';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';

export const TIMELINE_PAGE_SIZE = 20;
/**
 * The service writes timeline entries through its outbox, a moment after the change they describe:
 * after each change the history is read at once and once more after this many milliseconds.
 */
export const TIMELINE_FOLLOW_UP_MS = new InjectionToken<number>('TIMELINE_FOLLOW_UP_MS', {
  factory: () => 1500,
});

/** Everything that happened to a lead, newest first, older pages on demand. */
@Component({
  selector: 'sr-lead-timeline',
  imports: [ExactTimePipe, MatButtonModule, MatProgressSpinnerModule, RelativeTimePipe],
  template: `
    @if (problem(); as problem) {
      <p class="error" role="alert" data-testid="timeline-error">
        The history could not be loaded: {{ problem.detail ?? problem.title }}
        <button type="button" matButton (click)="reload()">Try again</button>
      </p>
    }
    <ol class="events">
      @for (event of events(); track event.id) {
        <li class="event" data-testid="timeline-event" [attr.data-type]="event.type">
          <div class="event__head">
            <span class="event__type">{{ labels[event.type] ?? event.type }}</span>
            <time [attr.datetime]="event.at" [attr.title]="event.at | exactTime">{{
              event.at | relativeTime: clock.now()
            }}</time>
          </div>
          <div class="event__summary">{{ event.summary }}</div>
          @if (event.actor) {
            <div class="event__actor">by {{ event.actor.name }}</div>
          }
        </li>
      } @empty {
        @if (!loading() && !problem()) {
          <li class="empty">Nothing has happened yet.</li>
        }
      }
    </ol>
    @if (loading()) {
      <div class="loading" role="status"><mat-spinner diameter="24" /> Loading the history…</div>
    } @else if (nextCursor()) {
      <button type="button" matButton="outlined" data-testid="timeline-more" (click)="loadOlder()">
        Load older
      </button>
    }
  `,
  styles: `
    .events {
      list-style: none;
      margin: 0;
      padding: 0 0 0 12px;
      border-left: 2px solid var(--mat-sys-outline-variant);
      display: grid;
      gap: 12px;
    }
    .event {
      position: relative;
    }
    .event::before {
      content: '';
      position: absolute;
      left: -18px;
      top: 6px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .event__head {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-label-large);
    }
    .event__head time,
    .event__actor,
    .empty {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .event__summary {
      overflow-wrap: anywhere;
    }
    .loading {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    button {
      margin-top: 12px;
    }
  `,
})
export class LeadTimeline {
  readonly leadId = input.required<string>();
  /** Bumped by the page after every change it made, so the newest events show. */
  readonly version = input(0);

  private readonly leadsApi = inject(LeadsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly zone = inject(NgZone);
  private readonly followUpMs = inject(TIMELINE_FOLLOW_UP_MS);
  protected readonly clock = inject(Clock);
  protected readonly labels: Record<string, string> = LEAD_EVENT_LABELS;

  protected readonly events = signal<LeadEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private request: Subscription | null = null;

  constructor() {
    effect((onCleanup) => {
      const leadId = this.leadId();
      const changed = this.version() > 0;
      untracked(() => this.load(leadId, null));
      if (changed) {
        // Outside Angular's zone, so the page (and QA's Protractor suite) does not wait for it.
        const followUp = this.zone.runOutsideAngular(() =>
          setTimeout(() => this.zone.run(() => this.load(leadId, null)), this.followUpMs),
        );
        onCleanup(() => clearTimeout(followUp));
      }
    });
  }

  protected reload(): void {
    this.load(this.leadId(), null);
  }

  protected loadOlder(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(this.leadId(), cursor);
  }

  private load(leadId: string, cursor: string | null): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.request = this.leadsApi
      .timeline(leadId, { cursor, limit: TIMELINE_PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.loading.set(false);
          this.events.set(cursor ? [...this.events(), ...page.items] : page.items);
          this.nextCursor.set(page.nextCursor);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.problem.set(problemOf(error));
        },
      });
  }
}
