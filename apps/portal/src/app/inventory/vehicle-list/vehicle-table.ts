import { Component, computed, input, output } from '@angular/core';
import { MatSortModule, Sort, SortDirection } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { HighlightField, VehicleHit, VehicleSort } from '@showroom/contracts';
import { opensRow } from '../../shared/row-click';
import { VehicleThumbnail } from '../photos/vehicle-thumbnail';
import { MarkedText } from '../shared/marked-text';
import { MoneyPipe } from '../shared/money.pipe';
import { VehicleStatusChip } from '../shared/vehicle-status-chip';
import { fieldParts, type TextPart, titleParts } from '../shared/vehicle-highlights';
import { CONDITION_SHORT_LABELS, formatMileage } from '../shared/vehicle-labels';

type SortableColumn = 'year' | 'mileage' | 'price' | 'daysInStock';

/**
 * The list on wide screens. Each row's title is a real link, so keyboard and middle-click work; what
 * the search text matched is marked. A group search adds the rooftop each vehicle is at.
 */
@Component({
  selector: 'sr-vehicle-table',
  imports: [
    MarkedText,
    MatSortModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
    VehicleStatusChip,
    VehicleThumbnail,
  ],
  template: `
    <table
      mat-table
      matSort
      class="table"
      aria-label="Vehicles"
      [dataSource]="vehicles()"
      [matSortActive]="sortColumn()"
      [matSortDirection]="sortDirection()"
      (matSortChange)="changeSort($event)"
    >
      <ng-container matColumnDef="photo">
        <th mat-header-cell *matHeaderCellDef class="photo">
          <span class="cdk-visually-hidden">Photo</span>
        </th>
        <td mat-cell *matCellDef="let v" class="photo"><sr-vehicle-thumbnail [hero]="v.heroPhoto" /></td>
      </ng-container>
      <ng-container matColumnDef="stockNumber">
        <th mat-header-cell *matHeaderCellDef>Stock #</th>
        <td mat-cell *matCellDef="let v" class="mono">
          <sr-marked-text [parts]="parts(v, 'stockNumber')" />
        </td>
      </ng-container>
      <ng-container matColumnDef="vehicle">
        <th
          mat-header-cell
          *matHeaderCellDef
          mat-sort-header="year"
          sortActionDescription="Sort by model year"
        >
          Vehicle
        </th>
        <td mat-cell *matCellDef="let v">
          <a
            class="title"
            data-testid="vehicle-link"
            [routerLink]="['/inventory', v.id]"
            [queryParams]="{ dealership: v.dealershipId }"
            ><sr-marked-text [parts]="title(v)"
          /></a>
        </td>
      </ng-container>
      <ng-container matColumnDef="rooftop">
        <th mat-header-cell *matHeaderCellDef>Rooftop</th>
        <td mat-cell *matCellDef="let v" data-testid="vehicle-rooftop">{{ v.rooftop.name }}</td>
      </ng-container>
      <ng-container matColumnDef="vin">
        <th mat-header-cell *matHeaderCellDef>VIN</th>
        <td mat-cell *matCellDef="let v" class="mono vin"><sr-marked-text [parts]="parts(v, 'vin')" /></td>
      </ng-container>
      <ng-container matColumnDef="condition">
        <th mat-header-cell *matHeaderCellDef>Condition</th>
        <td mat-cell *matCellDef="let v">{{ conditionLabel(v) }}</td>
      </ng-container>
      <ng-container matColumnDef="mileage">
        <th mat-header-cell *matHeaderCellDef mat-sort-header="mileage" arrowPosition="before" class="num">
          Mileage
        </th>
        <td mat-cell *matCellDef="let v" class="num">{{ mileage(v) }}</td>
      </ng-container>
      <ng-container matColumnDef="price">
        <th mat-header-cell *matHeaderCellDef mat-sort-header="price" arrowPosition="before" class="num">
          Price
        </th>
        <td mat-cell *matCellDef="let v" class="num price">{{ v.priceCents | money: v.currency }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let v"><sr-vehicle-status-chip [status]="v.status" /></td>
      </ng-container>
      <ng-container matColumnDef="daysInStock">
        <th
          mat-header-cell
          *matHeaderCellDef
          mat-sort-header="daysInStock"
          arrowPosition="before"
          class="num"
        >
          Days
        </th>
        <td mat-cell *matCellDef="let v" class="num">{{ v.daysInStock }}</td>
      </ng-container>

      <tr mat-header-row *matHeaderRowDef="columns()"></tr>
      <tr
        mat-row
        *matRowDef="let v; columns: columns()"
        class="row"
        data-testid="vehicle-row"
        [attr.data-vehicle-id]="v.id"
        (click)="rowClick($event, v)"
      ></tr>
    </table>
  `,
  styles: `
    @use 'list-page';
    @use 'tokens';

    @include list-page.table($cell-padding: 0 10px);
    .mono {
      font-family: tokens.$mono-font;
      font-size: 13px;
    }
    .vin {
      color: var(--mat-sys-on-surface-variant);
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .price {
      font-weight: 600;
    }
    .photo {
      width: 64px;
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .title {
      @include list-page.row-link;
    }
  `,
})
export class VehicleTable {
  readonly vehicles = input.required<readonly VehicleHit[]>();
  /** A group search: the rooftop column shows where each vehicle is. */
  readonly showRooftop = input(false);
  readonly sort = input<VehicleSort | null>(null);
  readonly sortChange = output<VehicleSort | null>();
  readonly open = output<VehicleHit>();

  protected readonly columns = computed(() => [
    'photo',
    'stockNumber',
    'vehicle',
    ...(this.showRooftop() ? ['rooftop'] : []),
    'vin',
    'condition',
    'mileage',
    'price',
    'status',
    'daysInStock',
  ]);
  protected readonly sortColumn = computed(() => this.sort()?.replace(/^-/, '') ?? '');
  protected readonly sortDirection = computed<SortDirection>(() => {
    const sort = this.sort();
    if (!sort) return '';
    return sort.startsWith('-') ? 'desc' : 'asc';
  });

  protected title(vehicle: VehicleHit): TextPart[] {
    return titleParts(vehicle);
  }
  protected parts(vehicle: VehicleHit, field: HighlightField): TextPart[] {
    return fieldParts(vehicle, field);
  }
  protected conditionLabel(vehicle: VehicleHit): string {
    return CONDITION_SHORT_LABELS[vehicle.condition];
  }
  protected mileage(vehicle: VehicleHit): string {
    return formatMileage(vehicle.mileage);
  }

  protected rowClick(event: MouseEvent, vehicle: VehicleHit): void {
    if (opensRow(event)) this.open.emit(vehicle);
  }

  protected changeSort(sort: Sort): void {
    if (!sort.direction) {
      this.sortChange.emit(null);
      return;
    }
    const column = sort.active as SortableColumn;
    this.sortChange.emit((sort.direction === 'desc' ? `-${column}` : column) as VehicleSort);
  }
}
