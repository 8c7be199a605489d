import { DatePipe } from '@angular/common';
import { Component, computed, input } from '@angular/core';
import type { Vehicle } from '@showroom/contracts';
import { formatCents } from '../../core/money';
import {
  BODY_STYLE_LABELS,
  CONDITION_LABELS,
  DRIVETRAIN_LABELS,
  FUEL_TYPE_LABELS,
  formatMileage,
  labelOf,
  TRANSMISSION_LABELS,
} from '../shared/vehicle-labels';

interface Fact {
  label: string;
  value: string;
  testId: string;
  mono?: boolean;
}

/** Every field of a vehicle, as a definition list. */
@Component({
  selector: 'sr-vehicle-facts',
  imports: [DatePipe],
  template: `
    <dl class="facts">
      @for (fact of facts(); track fact.testId) {
        <div class="fact">
          <dt>{{ fact.label }}</dt>
          <dd [class.mono]="fact.mono" [attr.data-testid]="'fact-' + fact.testId">{{ fact.value }}</dd>
        </div>
      }
      <div class="fact">
        <dt>Added</dt>
        <dd>{{ vehicle().createdAt | date: 'mediumDate' }}</dd>
      </div>
      <div class="fact">
        <dt>Last changed</dt>
        <dd>{{ vehicle().updatedAt | date: 'medium' }}</dd>
      </div>
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 16px 24px;
      margin: 0;
    }
    .fact {
      min-width: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    dd {
      margin: 2px 0 0;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    }
  `,
})
export class VehicleFacts {
  readonly vehicle = input.required<Vehicle>();

  protected readonly facts = computed<Fact[]>(() => {
    const v = this.vehicle();
    const text = (value: string | null) => value ?? '—';
    return [
      { label: 'VIN', value: v.vin, testId: 'vin', mono: true },
      { label: 'Stock number', value: v.stockNumber, testId: 'stock-number', mono: true },
      { label: 'Condition', value: CONDITION_LABELS[v.condition], testId: 'condition' },
      { label: 'On the website', value: v.published ? 'Shown' : 'Hidden', testId: 'published' },
      { label: 'Price', value: formatCents(v.priceCents, v.currency), testId: 'price' },
      { label: 'MSRP', value: formatCents(v.msrpCents, v.currency), testId: 'msrp' },
      { label: 'Mileage', value: formatMileage(v.mileage), testId: 'mileage' },
      { label: 'Days in stock', value: String(v.daysInStock), testId: 'days-in-stock' },
      { label: 'Body style', value: labelOf(BODY_STYLE_LABELS, v.bodyStyle), testId: 'body-style' },
      { label: 'Drivetrain', value: labelOf(DRIVETRAIN_LABELS, v.drivetrain), testId: 'drivetrain' },
      { label: 'Transmission', value: labelOf(TRANSMISSION_LABELS, v.transmission), testId: 'transmission' },
      { label: 'Fuel', value: labelOf(FUEL_TYPE_LABELS, v.fuelType), testId: 'fuel-type' },
      { label: 'Engine', value: text(v.engine), testId: 'engine' },
      { label: 'Exterior color', value: text(v.exteriorColor), testId: 'exterior-color' },
      { label: 'Interior color', value: text(v.interiorColor), testId: 'interior-color' },
    ];
  });
}
