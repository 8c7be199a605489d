import { Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AdminMember } from '@showroom/contracts';
import { roleLabel } from '../core/labels';
import { opensRow } from '../shared/row-click';
import { LastSignIn } from './last-sign-in';
import { MemberStatusChip } from './team-chips';

/** The team on wide screens. The name is a real link, so keyboard and middle-click work. */
@Component({
  selector: 'sr-member-table',
  imports: [LastSignIn, MatTableModule, MemberStatusChip, RouterLink],
  template: `
    <table mat-table class="table" aria-label="Team members" [dataSource]="members()">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let member">
          <a class="name" data-testid="member-link" [routerLink]="['/team', member.id]">{{ member.name }}</a>
          @if (member.id === youId()) {
            <span class="you">(you)</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="email">
        <th mat-header-cell *matHeaderCellDef>E-mail</th>
        <td mat-cell *matCellDef="let member" class="email" data-testid="member-email">{{ member.email }}</td>
      </ng-container>
      <ng-container matColumnDef="role">
        <th mat-header-cell *matHeaderCellDef>Role</th>
        <td mat-cell *matCellDef="let member" data-testid="member-role">{{ roleLabel(member.role) }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let member"><sr-member-status-chip [status]="member.status" /></td>
      </ng-container>
      <ng-container matColumnDef="lastSignIn">
        <th mat-header-cell *matHeaderCellDef>Last sign-in</th>
        <td mat-cell *matCellDef="let member" class="nowrap">
          <sr-last-sign-in [at]="member.lastSignInAt" [known]="signInsKnown()" />
        </td>
      </ng-container>

      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr
        mat-row
        *matRowDef="let member; columns: columns"
        class="row"
        data-testid="member-row"
        [class.row--deactivated]="member.status === 'deactivated'"
        [attr.data-member-id]="member.id"
        [attr.data-email]="member.email"
        (click)="rowClick($event, member)"
      ></tr>
    </table>
  `,
  styles: `
    @use 'list-page';

    @include list-page.table($cell-padding: 8px 12px);
    .name {
      @include list-page.row-link;
      overflow-wrap: anywhere;
    }
    .you {
      margin-left: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .email {
      overflow-wrap: anywhere;
    }
    .row--deactivated td {
      color: var(--mat-sys-on-surface-variant);
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class MemberTable {
  readonly members = input.required<readonly AdminMember[]>();
  readonly signInsKnown = input(true);
  /** The signed-in dealer, marked "(you)". */
  readonly youId = input<string | null>(null);
  readonly open = output<AdminMember>();
  protected readonly columns = ['name', 'email', 'role', 'status', 'lastSignIn'];
  protected readonly roleLabel = roleLabel;

  protected rowClick(event: MouseEvent, member: AdminMember): void {
    if (opensRow(event)) this.open.emit(member);
  }
}
