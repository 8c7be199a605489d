import { Component, inject, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { LeadSummary } from '@showroom/contracts';
import { opensRow } from '../../shared/row-click';
import { Clock } from '../shared/clock';
import { contactWays, leadVehicleTitle, originLabel, shopperName } from '../shared/lead-labels';
import { LeadStatusChip } from '../shared/lead-status-chip';
import { TaskDue } from '../shared/task-due';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';

/** The inbox on wide screens. The shopper's name is a real link, so keyboard and middle-click work. */
@Component({
  selector: 'sr-lead-table',
  imports: [ExactTimePipe, LeadStatusChip, MatTableModule, RelativeTimePipe, RouterLink, TaskDue],
  template: `
    <table mat-table class="table" aria-label="Leads" [dataSource]="leads()">
      <ng-container matColumnDef="shopper">
        <th mat-header-cell *matHeaderCellDef>Shopper</th>
        <td mat-cell *matCellDef="let lead">
          <a class="name" data-testid="lead-link" [routerLink]="['/leads', lead.id]">{{ name(lead) }}</a>
          @for (line of contact(lead); track $index) {
            <div class="sub" [title]="line">{{ line }}</div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="interest">
        <th mat-header-cell *matHeaderCellDef>Vehicle and source</th>
        <td mat-cell *matCellDef="let lead" class="interest">
          <div data-testid="lead-vehicle">{{ vehicle(lead) || 'No particular vehicle' }}</div>
          <div class="sub sub--wrap" data-testid="lead-origin">{{ origin(lead) }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let lead"><sr-lead-status-chip [status]="lead.status" /></td>
      </ng-container>
      <ng-container matColumnDef="assignee">
        <th mat-header-cell *matHeaderCellDef>Assignee</th>
        <td mat-cell *matCellDef="let lead" data-testid="lead-assignee">
          @if (lead.assignee) {
            {{ lead.assignee.name }}
          } @else {
            <span class="unassigned">Unassigned</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="arrived">
        <th mat-header-cell *matHeaderCellDef>Arrived</th>
        <td mat-cell *matCellDef="let lead" class="nowrap">
          <time [attr.datetime]="lead.createdAt" [attr.title]="lead.createdAt | exactTime">{{
            lead.createdAt | relativeTime: clock.now()
          }}</time>
        </td>
      </ng-container>
      <ng-container matColumnDef="nextTask">
        <th mat-header-cell *matHeaderCellDef>Next task</th>
        <td mat-cell *matCellDef="let lead">
          <sr-task-due [dueAt]="lead.nextTaskDueAt" [overdue]="lead.overdue" />
        </td>
      </ng-container>

      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr
        mat-row
        *matRowDef="let lead; columns: columns"
        class="row"
        data-testid="lead-row"
        [class.row--new]="lead.status === 'new'"
        [class.row--overdue]="lead.overdue"
        [attr.data-lead-id]="lead.id"
        (click)="rowClick($event, lead)"
      ></tr>
    </table>
  `,
  styles: `
    @use 'list-page';

    @include list-page.table($cell-padding: 8px 10px);
    .row--new .name {
      font-weight: 700;
    }
    .row--overdue td:first-child {
      box-shadow: inset 4px 0 0 var(--mat-sys-error);
    }
    .name {
      @include list-page.row-link;
      overflow-wrap: anywhere;
    }
    .sub {
      max-width: 200px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .sub--wrap {
      white-space: normal;
    }
    .interest {
      min-width: 140px;
    }
    .unassigned {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class LeadTable {
  readonly leads = input.required<readonly LeadSummary[]>();
  readonly open = output<LeadSummary>();
  protected readonly clock = inject(Clock);
  protected readonly columns = ['shopper', 'interest', 'status', 'assignee', 'arrived', 'nextTask'];

  protected name(lead: LeadSummary): string {
    return shopperName(lead.shopper);
  }
  /** E-mail and phone on lines of their own, the preferred one first. */
  protected contact(lead: LeadSummary): string[] {
    return contactWays(lead.shopper);
  }
  protected origin(lead: LeadSummary): string {
    return originLabel(lead);
  }
  protected vehicle(lead: LeadSummary): string {
    return leadVehicleTitle(lead.vehicle);
  }

  protected rowClick(event: MouseEvent, lead: LeadSummary): void {
    if (opensRow(event)) this.open.emit(lead);
  }
}
