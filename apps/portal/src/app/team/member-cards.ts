import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AdminMember } from '@showroom/contracts';
import { roleLabel } from '../core/labels';
import { LastSignIn } from './last-sign-in';
import { MemberStatusChip } from './team-chips';

/** The team on phones: one card per member, the whole card is the link. */
@Component({
  selector: 'sr-member-cards',
  imports: [LastSignIn, MemberStatusChip, RouterLink],
  template: `
    <ul class="cards" aria-label="Team members">
      @for (member of members(); track member.id) {
        <li data-testid="member-row" [attr.data-member-id]="member.id" [attr.data-email]="member.email">
          <a
            class="card"
            data-testid="member-link"
            [class.card--deactivated]="member.status === 'deactivated'"
            [routerLink]="['/team', member.id]"
          >
            <span class="card__top">
              <span class="card__name"
                >{{ member.name }}
                @if (member.id === youId()) {
                  <span class="you">(you)</span>
                }
              </span>
              <sr-member-status-chip [status]="member.status" />
            </span>
            <span class="card__meta" data-testid="member-email">{{ member.email }}</span>
            <span class="card__bottom">
              <span data-testid="member-role">{{ roleLabel(member.role) }}</span>
              <span
                >Last sign-in <sr-last-sign-in [at]="member.lastSignInAt" [known]="signInsKnown()"
              /></span>
            </span>
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'list-page';

    @include list-page.cards;
    .card {
      contain-intrinsic-size: auto 96px;
    }
    .card__top,
    .card__bottom {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px;
      flex-wrap: wrap;
    }
    .card__name {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .card--deactivated .card__name {
      color: var(--mat-sys-on-surface-variant);
    }
    .you {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .card__meta,
    .card__bottom {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class MemberCards {
  readonly members = input.required<readonly AdminMember[]>();
  readonly signInsKnown = input(true);
  readonly youId = input<string | null>(null);
  protected readonly roleLabel = roleLabel;
}
