import { Component, inject, input } from '@angular/core';
import type { SignIn } from '@showroom/contracts';
import { Clock } from '../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../leads/shared/time-pipes';

/**
 * Recent sign-ins, newest first: when (exact time on hover), the browser and the IP address. Used for
 * the dealer's own (Security) and on a team member's page.
 */
@Component({
  selector: 'sr-sign-in-list',
  imports: [ExactTimePipe, RelativeTimePipe],
  template: `
    @if (!known()) {
      <p class="note" data-testid="sign-ins-unknown">
        The sign-in service did not answer, so recent sign-ins cannot be shown right now. Try again later.
      </p>
    } @else {
      <ul class="sign-ins" [attr.aria-label]="label()">
        @for (signIn of signIns(); track $index) {
          <li class="sign-in" data-testid="sign-in-row">
            <time class="sign-in__when" [attr.datetime]="signIn.at" [attr.title]="signIn.at | exactTime">{{
              signIn.at | relativeTime: clock.now()
            }}</time>
            <span class="sign-in__browser" data-testid="sign-in-browser">{{ signIn.userAgent }}</span>
            <span class="sign-in__ip" data-testid="sign-in-ip">{{ signIn.ipAddress }}</span>
          </li>
        } @empty {
          <li class="note" data-testid="sign-ins-empty">No sign-ins yet.</li>
        }
      </ul>
    }
  `,
  styles: `
    @use 'tokens';

    .sign-ins {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .sign-in {
      display: grid;
      grid-template-columns: minmax(110px, 1fr) minmax(0, 2fr) auto;
      gap: 4px 12px;
      align-items: baseline;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sign-in:last-child {
      border-bottom: 0;
    }
    .sign-in__when {
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .sign-in__browser {
      overflow-wrap: anywhere;
    }
    .sign-in__ip {
      font-family: tokens.$mono-font;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    @media #{tokens.$phone} {
      .sign-in {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      .sign-in__browser {
        grid-column: 1 / -1;
        grid-row: 2;
        font: var(--mat-sys-body-small);
      }
    }
  `,
})
export class SignInList {
  readonly signIns = input.required<readonly SignIn[]>();
  /** False when the identity provider did not answer: the list is then unknown, not empty. */
  readonly known = input(true);
  readonly label = input('Recent sign-ins');
  protected readonly clock = inject(Clock);
}
