import { Component } from '@angular/core';
import type { LeadStatus } from '@showroom/contracts';
import { StatusChipBase } from '../../shared/status-chip';
import { LEAD_STATUS_LABELS } from './lead-labels';

/** The status in words; the colour only helps scanning a long list. */
@Component({
  selector: 'sr-lead-status-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + status()"
    data-testid="status-chip"
    [attr.data-status]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        new: primary,
        contacted: secondary,
        appointment_set: secondary,
        showroom_visit: secondary,
        negotiation: warn,
        sold: success,
        lost: neutral,
      )
    );
    .chip--new {
      font-weight: 600;
    }
  `,
})
export class LeadStatusChip extends StatusChipBase<LeadStatus> {
  protected readonly labels = LEAD_STATUS_LABELS;
}
