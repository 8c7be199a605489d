import { Component, inject, input } from '@angular/core';
import { Clock } from '../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../leads/shared/time-pipes';

/** "3 hours ago" with the exact time on hover; "Never" or "Unknown" (identity provider silent). */
@Component({
  selector: 'sr-last-sign-in',
  imports: [ExactTimePipe, RelativeTimePipe],
  template: `
    @if (at(); as at) {
      <time [attr.datetime]="at" [attr.title]="at | exactTime" data-testid="member-last-sign-in">{{
        at | relativeTime: clock.now()
      }}</time>
    } @else {
      <span
        class="none"
        data-testid="member-last-sign-in"
        [attr.title]="known() ? null : 'The identity provider did not answer; try again later'"
        >{{ known() ? 'Never' : 'Unknown' }}</span
      >
    }
  `,
  styles: `
    .none {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
  `,
})
export class LastSignIn {
  readonly at = input.required<string | null>();
  /** False when the identity provider did not answer: a missing time is then unknown, not "never". */
  readonly known = input(true);
  protected readonly clock = inject(Clock);
}
