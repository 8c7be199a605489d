import { Component, computed, input } from '@angular/core';
import type {
  CreditApplicationSummary,
  DealStatus,
  DealTradeIn,
  ReservationStatus,
} from '@showroom/contracts';
import { StatusChipBase } from '../../shared/status-chip';
import {
  CREDIT_STATUS_LABELS,
  DEAL_STATUS_LABELS,
  RESERVATION_STATUS_LABELS,
  TRADE_STATUS_LABELS,
} from './deal-labels';

/** The deal's status in words; the colour only helps scanning the inbox. */
@Component({
  selector: 'sr-deal-status-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + status()"
    data-testid="deal-status-chip"
    [attr.data-status]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        draft: neutral,
        submitted: primary,
        countered: warn,
        accepted: success,
        withdrawn: neutral,
      )
    );
    .chip--submitted {
      font-weight: 600;
    }
  `,
})
export class DealStatusChip extends StatusChipBase<DealStatus> {
  protected readonly labels = DEAL_STATUS_LABELS;
}

type PartStatus =
  | { part: 'trade'; status: DealTradeIn['status'] }
  | { part: 'credit'; status: CreditApplicationSummary['status'] }
  | { part: 'reservation'; status: ReservationStatus };

const PART_TONES: Record<string, 'attention' | 'done' | 'quiet'> = {
  'trade:awaiting-appraisal': 'attention',
  'trade:estimated': 'quiet',
  'trade:appraised': 'done',
  'credit:received': 'done',
  'credit:deleted': 'quiet',
  'reservation:held': 'done',
  'reservation:awaiting-payment': 'quiet',
  'reservation:released': 'quiet',
  'reservation:expired': 'quiet',
  'reservation:failed': 'attention',
  'reservation:replaced': 'quiet',
};

/** What stands of a deal's trade-in, credit application or reservation, as a small chip. */
@Component({
  selector: 'sr-deal-part-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + tone()"
    [attr.data-testid]="'deal-' + value().part + '-chip'"
    [attr.data-status]="value().status"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        attention: warn,
        done: success,
        quiet: neutral,
      )
    );
  `,
})
export class DealPartChip {
  readonly value = input.required<PartStatus>();
  protected readonly tone = computed(() => {
    const { part, status } = this.value();
    return PART_TONES[`${part}:${status}`] ?? 'quiet';
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
