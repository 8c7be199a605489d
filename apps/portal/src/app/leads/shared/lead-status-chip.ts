import { Component } from '@angular/core';
import type { LeadStatus } from '@showroom/contracts';
import { Chip, SCHEME_CHIP_TEMPLATE, SchemeChip, type ChipScheme } from '../../shared/status-chip';
import { LEAD_STATUS_LABELS } from './lead-labels';

const LEAD_STATUS_CHIP: ChipScheme<LeadStatus> = {
  labels: LEAD_STATUS_LABELS,
  tones: {
    new: 'primary',
    contacted: 'secondary',
    appointment_set: 'secondary',
    showroom_visit: 'secondary',
    negotiation: 'warn',
    sold: 'success',
    lost: 'neutral',
  },
  strong: ['new'],
  testId: 'status-chip',
};

/** A lead's status in words. */
@Component({ selector: 'sr-lead-status-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class LeadStatusChip extends SchemeChip<LeadStatus> {
  protected readonly scheme = LEAD_STATUS_CHIP;
}
