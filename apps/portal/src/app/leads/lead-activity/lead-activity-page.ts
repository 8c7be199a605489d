import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { LeadEvent, Problem } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { LeadCountsStore } from '../../core/lead-counts';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { Clock } from '../shared/clock';
import { LEAD_EVENT_LABELS } from '../shared/lead-labels';
import { LeadsLayout } from '../shared/leads-layout';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';

export const ACTIVITY_PAGE_SIZE = 25;

/**
 * `/leads/activity`: what happened on the dealership's leads, newest first (a salesperson sees
 * their own leads'), each line linked to its lead; it refreshes itself when something changes.
 */
@Component({
  selector: 'sr-lead-activity-page',
  imports: [
    ExactTimePipe,
    LeadsLayout,
    MatButtonModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    RelativeTimePipe,
    RouterLink,
  ],
  template: `
    <sr-leads-layout view="activity">
      <section class="surface" aria-label="Recent lead activity">
        @if (problem(); as problem) {
          <p class="error" role="alert" data-testid="activity-error">
            The activity could not be loaded: {{ problem | problemText }}
            <button type="button" matButton (click)="load(null)">Try again</button>
          </p>
        }
        <ol class="events">
          @for (event of events(); track event.id) {
            <li class="event" data-testid="activity-event" [attr.data-type]="event.type">
              <time [attr.datetime]="event.at" [attr.title]="event.at | exactTime">{{
                event.at | relativeTime: clock.now()
              }}</time>
              <div class="event__body">
                <a [routerLink]="['/leads', event.leadId]" data-testid="activity-lead">{{
                  event.shopperName
                }}</a>
                <span class="event__type">{{ labels[event.type] ?? event.type }}</span>
                <div class="event__summary">{{ event.summary }}</div>
                @if (event.actor) {
                  <div class="event__actor">by {{ event.actor.name }}</div>
                }
              </div>
            </li>
          } @empty {
            @if (!loading() && !problem()) {
              <li class="empty" data-testid="activity-empty">No lead activity yet.</li>
            }
          }
        </ol>
        @if (loading()) {
          <div class="loading" role="status"><mat-spinner diameter="24" /> Loading activity…</div>
        } @else if (nextCursor()) {
          <button type="button" matButton="outlined" data-testid="activity-more" (click)="load(nextCursor())">
            Load older
          </button>
        }
      </section>
    </sr-leads-layout>
  `,
  styles: `
    @use 'page';

    .surface {
      @include page.surface;
      padding: 16px;
    }
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
    }
    .event {
      display: grid;
      grid-template-columns: 110px minmax(0, 1fr);
      gap: 12px;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .event time,
    .event__actor,
    .event__type,
    .empty {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .event__body a {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
    }
    .event__summary {
      overflow-wrap: anywhere;
    }
    .loading {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
    button {
      margin-top: 12px;
    }
    @media (max-width: 599px) {
      .event {
        grid-template-columns: minmax(0, 1fr);
        gap: 2px;
      }
    }
  `,
})
export class LeadActivityPage {
  private readonly leadsApi = inject(LeadsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly clock = inject(Clock);
  protected readonly labels: Record<string, string> = LEAD_EVENT_LABELS;

  protected readonly events = signal<LeadEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    this.load(null);
    inject(LeadCountsStore)
      .leadsChanged.pipe(takeUntilDestroyed())
      .subscribe(() => this.load(null));
  }

  /** The newest page (cursor null), or the page older than `cursor`. */
  protected load(cursor: string | null): void {
    this.loading.set(true);
    this.problem.set(null);
    this.leadsApi
      .activity({ cursor, limit: ACTIVITY_PAGE_SIZE })
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
