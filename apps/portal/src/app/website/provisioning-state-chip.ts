import { Component } from '@angular/core';
import { Chip, SCHEME_CHIP_TEMPLATE, SchemeChip, type ChipScheme } from '../shared/status-chip';
import { PROVISIONING_STATE_LABELS, type ProvisioningState } from './provisioning-labels';

const PROVISIONING_STATE_CHIP: ChipScheme<ProvisioningState> = {
  labels: PROVISIONING_STATE_LABELS,
  tones: { pending: 'neutral', running: 'primary', live: 'success', failed: 'warn' },
  testId: 'provisioning-state',
};

/** Where a site's provisioning stands, in words. */
@Component({ selector: 'sr-provisioning-state-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class ProvisioningStateChip extends SchemeChip<ProvisioningState> {
  protected readonly scheme = PROVISIONING_STATE_CHIP;
}
