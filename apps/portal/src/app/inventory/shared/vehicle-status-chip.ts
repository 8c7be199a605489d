import { Component } from '@angular/core';
import type { VehicleStatus } from '@showroom/contracts';
import { Chip, SCHEME_CHIP_TEMPLATE, SchemeChip, type ChipScheme } from '../../shared/status-chip';
import { STATUS_LABELS } from './vehicle-labels';

const VEHICLE_STATUS_CHIP: ChipScheme<VehicleStatus> = {
  labels: STATUS_LABELS,
  tones: { available: 'success', pending: 'warn', sold: 'primary', archived: 'neutral' },
  testId: 'status-chip',
};

/** A vehicle's status in words. */
@Component({ selector: 'sr-vehicle-status-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class VehicleStatusChip extends SchemeChip<VehicleStatus> {
  protected readonly scheme = VEHICLE_STATUS_CHIP;
}
