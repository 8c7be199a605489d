import { ChangeDetectionStrategy, Component, computed, Directive, input } from '@angular/core';

/** The tints a chip may take (styles/_status-chip.scss). */
export type ChipTone = 'primary' | 'secondary' | 'warn' | 'success' | 'neutral';

/**
 * A status in words on a tinted pill (vehicle, lead, deal, member, site statuses): the word says it,
 * the tone only helps scanning a long list. `status` is written to `data-status` for tests and QA.
 */
@Component({
  selector: 'sr-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="chip"
    [class]="'chip--' + tone()"
    [class.chip--strong]="strong()"
    [attr.data-testid]="testId()"
    [attr.data-status]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips();
  `,
})
export class Chip {
  readonly label = input.required<string>();
  readonly tone = input.required<ChipTone>();
  readonly status = input.required<string>();
  readonly testId = input.required<string>();
  /** Bold: a status that asks for action (a new lead, a submitted deal). */
  readonly strong = input(false);
}

/** How a feature shows each of its statuses: the words, the tone, which ones stand out, its test id. */
export interface ChipScheme<S extends string> {
  labels: Readonly<Record<S, string>>;
  tones: Readonly<Record<S, ChipTone>>;
  strong?: readonly S[];
  testId: string;
}

/** The template of a feature's chip: its scheme applied to its status (see {@link SchemeChip}). */
export const SCHEME_CHIP_TEMPLATE = `<sr-chip
  [label]="label()"
  [tone]="tone()"
  [status]="status()"
  [testId]="scheme.testId"
  [strong]="strong()"
/>`;

/**
 * A feature's status chip: `status` in, its scheme out. A feature declares a component with
 * `imports: [Chip]`, `template: SCHEME_CHIP_TEMPLATE` and its scheme.
 */
@Directive()
export abstract class SchemeChip<S extends string> {
  readonly status = input.required<S>();
  protected abstract readonly scheme: ChipScheme<S>;
  protected readonly label = computed(() => this.scheme.labels[this.status()]);
  protected readonly tone = computed(() => this.scheme.tones[this.status()]);
  protected readonly strong = computed(() => this.scheme.strong?.includes(this.status()) ?? false);
}
