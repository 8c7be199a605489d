import { Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { VinDecodingResponse } from '@showroom/contracts';

/** What the VIN says about the car, and whether this dealership already has it. */
@Component({
  selector: 'sr-vin-insight',
  imports: [MatIconModule, MatProgressSpinnerModule, RouterLink],
  template: `
    <div class="insight" aria-live="polite">
      @if (checking()) {
        <span class="line"><mat-spinner diameter="16" /> Checking VIN…</span>
      } @else if (decoding(); as d) {
        @if (d.valid) {
          <span class="line" data-testid="vin-decoded">
            <mat-icon svgIcon="check" class="ok" />
            {{ summary() }}
          </span>
          @if (duplicateId(); as id) {
            <span class="line warn" role="alert" data-testid="vin-duplicate">
              <mat-icon svgIcon="warning" />
              <span>
                This dealership already has a vehicle with this VIN.
                <a [routerLink]="['/inventory', id]">Open it</a>
              </span>
            </span>
          }
          @if (yearMismatch(); as years) {
            <span class="line warn" data-testid="vin-year-mismatch">
              <mat-icon svgIcon="warning" />
              The VIN's model-year code stands for {{ years }}.
            </span>
          }
        }
      }
    </div>
  `,
  styles: `
    .insight {
      display: grid;
      gap: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      min-height: 20px;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .line mat-icon {
      width: 18px;
      height: 18px;
      flex: none;
    }
    .ok {
      color: #1b7a3a;
    }
    .warn {
      color: #8a5300;
    }
    .warn a {
      color: inherit;
      font-weight: 600;
    }
  `,
})
export class VinInsight {
  readonly decoding = input<VinDecodingResponse | null>(null);
  readonly checking = input(false);
  /** The vehicle being edited: finding itself is not a duplicate. */
  readonly vehicleId = input<string | null>(null);
  readonly year = input<number | null>(null);

  protected readonly summary = computed(() => {
    const d = this.decoding();
    if (!d) return '';
    const maker = d.manufacturer ?? d.make;
    const parts = [maker, d.country, d.modelYear ? `model year ${d.modelYear}` : null].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : 'Valid VIN';
  });
  protected readonly duplicateId = computed(() => {
    const id = this.decoding()?.existingVehicleId ?? null;
    return id !== null && id !== this.vehicleId() ? id : null;
  });
  protected readonly yearMismatch = computed(() => {
    const years = this.decoding()?.candidateModelYears ?? [];
    const year = this.year();
    return year !== null && years.length > 0 && !years.includes(year) ? years.join(' or ') : null;
  });
}
