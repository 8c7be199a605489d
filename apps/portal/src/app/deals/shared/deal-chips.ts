import { Component, computed, input } from '@angular/core';
import type {
  CreditApplicationSummary,
  DealStatus,
  DealTradeIn,
  ReservationStatus,
} from '@showroom/contracts';
import {
  Chip,
  SCHEME_CHIP_TEMPLATE,
  SchemeChip,
  type ChipScheme,
  type ChipTone,
} from '../../shared/status-chip';
import {
  CREDIT_STATUS_LABELS,
  DEAL_STATUS_LABELS,
  RESERVATION_STATUS_LABELS,
  TRADE_STATUS_LABELS,
} from './deal-labels';

const DEAL_STATUS_CHIP: ChipScheme<DealStatus> = {
  labels: DEAL_STATUS_LABELS,
  tones: {
    draft: 'neutral',
    submitted: 'primary',
    countered: 'warn',
    accepted: 'success',
    withdrawn: 'neutral',
  },
  strong: ['submitted'],
  testId: 'deal-status-chip',
};

/** The deal's status in words. */
@Component({ selector: 'sr-deal-status-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class DealStatusChip extends SchemeChip<DealStatus> {
  protected readonly scheme = DEAL_STATUS_CHIP;
}

type PartStatus =
  | { part: 'trade'; status: DealTradeIn['status'] }
  | { part: 'credit'; status: CreditApplicationSummary['status'] }
  | { part: 'reservation'; status: ReservationStatus };

/** A part needing the desk's attention is warn, a finished one success, the rest neutral. */
const PART_TONES: Record<string, ChipTone> = {
  'trade:awaiting-appraisal': 'warn',
  'trade:estimated': 'neutral',
  'trade:appraised': 'success',
  'credit:received': 'success',
  'credit:deleted': 'neutral',
  'reservation:held': 'success',
  'reservation:awaiting-payment': 'neutral',
  'reservation:released': 'neutral',
  'reservation:expired': 'neutral',
  'reservation:failed': 'warn',
  'reservation:replaced': 'neutral',
};

/** What stands of a deal's trade-in, credit application or reservation, as a small chip. */
@Component({
  selector: 'sr-deal-part-chip',
  imports: [Chip],
  template: `<sr-chip
    [label]="label()"
    [tone]="tone()"
    [status]="value().status"
    [testId]="'deal-' + value().part + '-chip'"
  />`,
})
export class DealPartChip {
  readonly value = input.required<PartStatus>();
  protected readonly tone = computed(() => {
    const { part, status } = this.value();
    return PART_TONES[`${part}:${status}`] ?? 'neutral';
  });
  protected readonly label = computed(() => {
    const value = this.value();
    switch (value.part) {
      case 'trade':
        return TRADE_STATUS_LABELS[value.status];
      case 'credit':
        return CREDIT_STATUS_LABELS[value.status];
      case 'reservation':
        return RESERVATION_STATUS_LABELS[value.status];
    }
  });
}
