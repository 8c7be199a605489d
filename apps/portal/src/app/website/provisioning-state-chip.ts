import { Component } from '@angular/core';
import { StatusChipBase } from '../shared/status-chip';
import { PROVISIONING_STATE_LABELS, type ProvisioningState } from './provisioning-labels';

/** Where a site's provisioning stands, in words; the colour only helps scanning the rooftops. */
@Component({
  selector: 'sr-provisioning-state-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + status()"
    data-testid="provisioning-state"
    [attr.data-state]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        pending: neutral,
        running: primary,
        live: success,
        failed: warn,
      )
    );
  `,
})
export class ProvisioningStateChip extends StatusChipBase<ProvisioningState> {
  protected readonly labels = PROVISIONING_STATE_LABELS;
}
