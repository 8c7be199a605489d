import { computed, Directive, input } from '@angular/core';

/**
 * A status in words on a tinted pill (vehicle statuses, lead statuses); the colour only helps scanning
 * a long list. A feature's chip names its labels here and its tones with `status-chip.chips` (styles/).
 */
@Directive()
export abstract class StatusChipBase<S extends string> {
  readonly status = input.required<S>();
  protected abstract readonly labels: Readonly<Record<S, string>>;
  protected readonly label = computed(() => this.labels[this.status()]);
}
