import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LeadSummary } from '@showroom/contracts';
import { Clock } from '../shared/clock';
import { contactLine, leadVehicleTitle, originLabel, shopperName } from '../shared/lead-labels';
import { LeadStatusChip } from '../shared/lead-status-chip';
import { TaskDue } from '../shared/task-due';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';

/** The inbox on phones: one card per lead, the whole card is the link. */
@Component({
  selector: 'sr-lead-cards',
  imports: [ExactTimePipe, LeadStatusChip, RelativeTimePipe, RouterLink, TaskDue],
  template: `
    <ul class="cards" aria-label="Leads">
      @for (lead of leads(); track lead.id) {
        <li data-testid="lead-row" [attr.data-lead-id]="lead.id">
          <a
            class="card"
            data-testid="lead-link"
            [class.card--overdue]="lead.overdue"
            [routerLink]="['/leads', lead.id]"
          >
            <span class="card__top">
              <span class="card__name" [class.card__name--new]="lead.status === 'new'">{{ name(lead) }}</span>
              <sr-lead-status-chip [status]="lead.status" />
            </span>
            <span class="card__meta">{{ contact(lead) }}</span>
            <span class="card__meta">
              {{ origin(lead) }}
              @if (vehicle(lead); as title) {
                · {{ title }}
              }
            </span>
            <span class="card__bottom">
              <time [attr.datetime]="lead.createdAt" [attr.title]="lead.createdAt | exactTime">{{
                lead.createdAt | relativeTime: clock.now()
              }}</time>
              <span>{{ lead.assignee?.name ?? 'Unassigned' }}</span>
            </span>
            @if (lead.nextTaskDueAt) {
              <sr-task-due [dueAt]="lead.nextTaskDueAt" [overdue]="lead.overdue" prefix="Next task " />
            }
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'list-page';

    @include list-page.cards;
    .card--overdue {
      border-left: 4px solid var(--mat-sys-error);
    }
    .card__top,
    .card__bottom {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px;
    }
    .card__name {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .card__name--new {
      font-weight: 700;
    }
    .card__meta,
    .card__bottom {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class LeadCards {
  readonly leads = input.required<readonly LeadSummary[]>();
  protected readonly clock = inject(Clock);

  protected name(lead: LeadSummary): string {
    return shopperName(lead.shopper);
  }
  protected contact(lead: LeadSummary): string {
    return contactLine(lead.shopper);
  }
  protected origin(lead: LeadSummary): string {
    return originLabel(lead);
  }
  protected vehicle(lead: LeadSummary): string {
    return leadVehicleTitle(lead.vehicle);
  }
}
