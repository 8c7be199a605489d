import { Component } from '@angular/core';
import type { VehicleStatus } from '@showroom/contracts';
import { StatusChipBase } from '../../shared/status-chip';
import { STATUS_LABELS } from './vehicle-labels';

@Component({
  selector: 'sr-status-chip',
  template: `<span class="chip" [class]="'chip--' + status()" data-testid="status-chip">{{ label() }}</span>`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        available: success,
        pending: warn,
        sold: primary,
        archived: neutral,
      )
    );
  `,
})
export class StatusChip extends StatusChipBase<VehicleStatus> {
  protected readonly labels = STATUS_LABELS;
}
