import { Component, computed, input } from '@angular/core';
import type { VehicleStatus } from '@showroom/contracts';
import { STATUS_LABELS } from './vehicle-labels';

@Component({
  selector: 'sr-status-chip',
  template: `<span class="chip" [class]="'chip--' + status()" data-testid="status-chip">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid transparent;
    }
    .chip--available {
      background: #dff3e4;
      color: #0b5323;
    }
    .chip--pending {
      background: #fff1d6;
      color: #6b4500;
    }
    .chip--sold {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--archived {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      border-color: var(--mat-sys-outline-variant);
    }
  `,
})
export class StatusChip {
  readonly status = input.required<VehicleStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}
