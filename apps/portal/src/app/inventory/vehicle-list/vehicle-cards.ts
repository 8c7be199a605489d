import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HighlightField, VehicleHit } from '@showroom/contracts';
import { VehicleThumbnail } from '../photos/vehicle-thumbnail';
import { MarkedText } from '../shared/marked-text';
import { MoneyPipe } from '../shared/money.pipe';
import { VehicleStatusChip } from '../shared/vehicle-status-chip';
import { fieldParts, type TextPart, titleParts } from '../shared/vehicle-highlights';
import { CONDITION_SHORT_LABELS, formatMileage } from '../shared/vehicle-labels';

/**
 * The list on phones: one card per vehicle, the whole card is the link; what the search text matched
 * is marked. A group search names each vehicle's rooftop.
 */
@Component({
  selector: 'sr-vehicle-cards',
  imports: [MarkedText, MoneyPipe, RouterLink, VehicleStatusChip, VehicleThumbnail],
  template: `
    <ul class="cards" aria-label="Vehicles">
      @for (vehicle of vehicles(); track vehicle.id) {
        <li data-testid="vehicle-row" [attr.data-vehicle-id]="vehicle.id">
          <a
            class="card"
            data-testid="vehicle-link"
            [routerLink]="['/inventory', vehicle.id]"
            [queryParams]="{ dealership: vehicle.dealershipId }"
          >
            <sr-vehicle-thumbnail class="card__photo" [hero]="vehicle.heroPhoto" [width]="96" [height]="72" />
            <span class="card__top">
              <span class="card__title"><sr-marked-text [parts]="title(vehicle)" /></span>
              <sr-vehicle-status-chip [status]="vehicle.status" />
            </span>
            <span class="card__price">{{ vehicle.priceCents | money: vehicle.currency }}</span>
            <span class="card__meta">
              {{ conditions[vehicle.condition] }} · {{ mileage(vehicle) }} · {{ vehicle.daysInStock }} days in
              stock
            </span>
            @if (showRooftop()) {
              <span class="card__meta" data-testid="vehicle-rooftop">{{ vehicle.rooftop.name }}</span>
            }
            <span class="card__ids">
              <span>#<sr-marked-text [parts]="parts(vehicle, 'stockNumber')" /></span>
              <span class="mono"><sr-marked-text [parts]="parts(vehicle, 'vin')" /></span>
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
    // The photo on the left, the text beside it on every line.
    .card {
      grid-template-columns: 96px 1fr;
      column-gap: 12px;
    }
    .card > :not(.card__photo) {
      grid-column: 2;
    }
    .card__photo {
      grid-row: 1 / span 4;
      align-self: start;
    }
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
  readonly vehicles = input.required<readonly VehicleHit[]>();
  readonly showRooftop = input(false);
  protected readonly conditions = CONDITION_SHORT_LABELS;

  protected title(vehicle: VehicleHit): TextPart[] {
    return titleParts(vehicle);
  }
  protected parts(vehicle: VehicleHit, field: HighlightField): TextPart[] {
    return fieldParts(vehicle, field);
  }
  protected mileage(vehicle: VehicleHit): string {
    return formatMileage(vehicle.mileage);
  }
}
