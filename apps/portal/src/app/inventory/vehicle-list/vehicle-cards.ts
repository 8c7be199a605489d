import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Vehicle } from '@showroom/contracts';
import { MoneyPipe } from '../shared/money.pipe';
import { StatusChip } from '../shared/status-chip';
import { CONDITION_SHORT_LABELS, formatMileage, vehicleTitle } from '../shared/vehicle-labels';

/** The list on phones: one card per vehicle, the whole card is the link. */
@Component({
  selector: 'sr-vehicle-cards',
  imports: [MoneyPipe, RouterLink, StatusChip],
  template: `
    <ul class="cards" aria-label="Vehicles">
      @for (vehicle of vehicles(); track vehicle.id) {
        <li data-testid="vehicle-row" [attr.data-vehicle-id]="vehicle.id">
          <a class="card" data-testid="vehicle-link" [routerLink]="['/inventory', vehicle.id]">
            <span class="card__top">
              <span class="card__title">{{ title(vehicle) }}</span>
              <sr-status-chip [status]="vehicle.status" />
            </span>
            <span class="card__price">{{ vehicle.priceCents | money: vehicle.currency }}</span>
            <span class="card__meta">
              {{ conditions[vehicle.condition] }} · {{ mileage(vehicle) }} · {{ vehicle.daysInStock }} days in
              stock
            </span>
            <span class="card__ids">
              <span>#{{ vehicle.stockNumber }}</span>
              <span class="mono">{{ vehicle.vin }}</span>
            </span>
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'list-page';
    @use 'tokens';

    @include list-page.cards;
    .card__top {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px;
    }
    .card__title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .card__price {
      font: var(--mat-sys-title-large);
      font-weight: 600;
    }
    .card__meta,
    .card__ids {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .card__ids {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .mono {
      font-family: tokens.$mono-font;
    }
  `,
})
export class VehicleCards {
  readonly vehicles = input.required<readonly Vehicle[]>();
  protected readonly conditions = CONDITION_SHORT_LABELS;

  protected title(vehicle: Vehicle): string {
    return vehicleTitle(vehicle);
  }
  protected mileage(vehicle: Vehicle): string {
    return formatMileage(vehicle.mileage);
  }
}
