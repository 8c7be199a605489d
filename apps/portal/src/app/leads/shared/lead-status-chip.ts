import { Component, computed, input } from '@angular/core';
import type { LeadStatus } from '@showroom/contracts';
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
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid transparent;
    }
    .chip--new {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font-weight: 600;
    }
    .chip--contacted,
    .chip--appointment_set,
    .chip--showroom_visit {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip--negotiation {
      background: #fff1d6;
      color: #6b4500;
    }
    .chip--sold {
      background: #dff3e4;
      color: #0b5323;
    }
    .chip--lost {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      border-color: var(--mat-sys-outline-variant);
    }
  `,
})
export class LeadStatusChip {
  readonly status = input.required<LeadStatus>();
  protected readonly label = computed(() => LEAD_STATUS_LABELS[this.status()]);
}
