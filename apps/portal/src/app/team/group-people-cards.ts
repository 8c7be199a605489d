import { Component, input, output } from '@angular/core';
import type { GroupCell, GroupRow, RooftopRef } from './group-people-model';
import { GroupRoleCell } from './group-role-cell';

/** The group's people on phones: a card per person, a line per rooftop. */
@Component({
  selector: 'sr-group-people-cards',
  imports: [GroupRoleCell],
  template: `
    <ul class="cards" aria-label="People of the group by rooftop">
      @for (row of rows(); track row.person.id) {
        <li
          class="card"
          data-testid="group-person"
          [attr.data-person-id]="row.person.id"
          [attr.data-email]="row.person.email"
        >
          <span class="card__name"
            ><span data-testid="group-person-name">{{ row.person.name }}</span>
            @if (row.person.id === youId()) {
              <span class="you">(you)</span>
            }
          </span>
          <span class="card__meta" data-testid="group-person-email">{{ row.person.email }}</span>
          <dl class="lines">
            @for (rooftop of rooftops(); track rooftop.id) {
              <div class="line" data-testid="group-cell" [attr.data-rooftop-id]="rooftop.id">
                <dt class="line__rooftop">{{ rooftop.name }}</dt>
                <dd class="line__role">
                  <sr-group-role-cell
                    [person]="row.person"
                    [cell]="cellOf(row, rooftop)"
                    [reachable]="reachable().has(rooftop.id)"
                    (followed)="followed.emit($event)"
                  />
                </dd>
              </div>
            }
          </dl>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'list-page';

    @include list-page.cards;
    .card {
      contain-intrinsic-size: auto 150px;
    }
    .card__name {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .you {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .card__meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .lines {
      margin: 4px 0 0;
      display: grid;
    }
    .line {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding: 2px 0;
    }
    .line__rooftop {
      font: var(--mat-sys-body-medium);
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .line__role {
      margin: 0;
    }
  `,
})
export class GroupPeopleCards {
  readonly rows = input.required<readonly GroupRow[]>();
  readonly rooftops = input.required<readonly RooftopRef[]>();
  readonly youId = input<string | null>(null);
  readonly reachable = input<ReadonlySet<string>>(new Set());
  readonly followed = output<GroupCell>();

  protected cellOf(row: GroupRow, rooftop: RooftopRef): GroupCell {
    return row.cells[rooftop.id] ?? { rooftop, membership: null };
  }
}
