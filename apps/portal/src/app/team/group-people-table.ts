import { Component, computed, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { GroupCell, GroupRow, RooftopRef } from './group-people-model';
import { GroupRoleCell } from './group-role-cell';

/** The group's people on wide screens: a row per person, a column per rooftop. */
@Component({
  selector: 'sr-group-people-table',
  imports: [GroupRoleCell, MatTableModule],
  template: `
    <table mat-table class="table" aria-label="People of the group by rooftop" [dataSource]="rows()">
      <ng-container matColumnDef="person">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let row">
          <span class="name" data-testid="group-person-name">{{ row.person.name }}</span>
          @if (row.person.id === youId()) {
            <span class="you">(you)</span>
          }
          <span class="email" data-testid="group-person-email">{{ row.person.email }}</span>
        </td>
      </ng-container>
      @for (rooftop of rooftops(); track rooftop.id) {
        <ng-container [matColumnDef]="rooftop.id">
          <th
            mat-header-cell
            *matHeaderCellDef
            data-testid="group-rooftop"
            [attr.data-rooftop-id]="rooftop.id"
          >
            {{ rooftop.name }}
            @if (rooftop.id === activeId()) {
              <span class="here">you are working here</span>
            }
          </th>
          <td mat-cell *matCellDef="let row" data-testid="group-cell" [attr.data-rooftop-id]="rooftop.id">
            <sr-group-role-cell
              [person]="row.person"
              [cell]="cellOf(row, rooftop)"
              [reachable]="reachable().has(rooftop.id)"
              (followed)="followed.emit($event)"
            />
          </td>
        </ng-container>
      }

      <tr mat-header-row *matHeaderRowDef="columns()"></tr>
      <tr
        mat-row
        *matRowDef="let row; columns: columns()"
        data-testid="group-person"
        [attr.data-person-id]="row.person.id"
        [attr.data-email]="row.person.email"
      ></tr>
    </table>
  `,
  styles: `
    @use 'list-page';

    @include list-page.table($cell-padding: 8px 12px);
    .name {
      display: block;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .you {
      color: var(--mat-sys-on-surface-variant);
    }
    .email,
    .here {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .here {
      font-weight: 400;
    }
  `,
})
export class GroupPeopleTable {
  readonly rows = input.required<readonly GroupRow[]>();
  readonly rooftops = input.required<readonly RooftopRef[]>();
  /** The signed-in dealer, marked "(you)". */
  readonly youId = input<string | null>(null);
  /** The active dealership's column says so. */
  readonly activeId = input<string | null>(null);
  /** The rooftops the dealer works at (only those can be switched to). */
  readonly reachable = input<ReadonlySet<string>>(new Set());
  readonly followed = output<GroupCell>();

  protected readonly columns = computed(() => ['person', ...this.rooftops().map((rooftop) => rooftop.id)]);

  protected cellOf(row: GroupRow, rooftop: RooftopRef): GroupCell {
    return row.cells[rooftop.id] ?? { rooftop, membership: null };
  }
}
