import { Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { Invitation, Role } from '@showroom/contracts';
import { roleLabel } from '../core/labels';
import { Clock } from '../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../leads/shared/time-pipes';
import { invitationsInOrder, mayResendInvitation, mayRevokeInvitation } from './team-model';
import { InvitationStatusChip } from './team-chips';

/**
 * The invitations: the pending ones first with Resend and Revoke (for those the dealer may send), then
 * the recent accepted, revoked and expired ones (an expired one may be sent again). Rows wrap instead of a wide table, so a phone shows
 * the same list.
 */
@Component({
  selector: 'sr-invitation-list',
  imports: [ExactTimePipe, InvitationStatusChip, MatButtonModule, MatIconModule, RelativeTimePipe],
  template: `
    <ul class="invitations" aria-label="Invitations">
      @for (invitation of ordered(); track invitation.id) {
        <li
          class="invitation"
          data-testid="invitation-row"
          [attr.data-invitation-id]="invitation.id"
          [attr.data-email]="invitation.email"
          [attr.data-status]="invitation.status"
        >
          <div class="invitation__text">
            <div class="invitation__top">
              <strong class="invitation__email" data-testid="invitation-email">{{ invitation.email }}</strong>
              <sr-invitation-status-chip [status]="invitation.status" />
              @if (invitation.status === 'pending' && !invitation.sentAt) {
                <span
                  class="undelivered"
                  data-testid="invitation-not-delivered"
                  title="The e-mail could not be sent: resend it"
                >
                  <mat-icon svgIcon="warning" aria-hidden="true" />
                  Not delivered
                </span>
              }
            </div>
            <div class="invitation__meta">
              {{ invitation.name }} ·
              <span data-testid="invitation-role">{{ roleLabel(invitation.role) }}</span>
              · Invited by <span data-testid="invitation-invited-by">{{ invitation.invitedBy.name }}</span>
            </div>
            <div class="invitation__meta" data-testid="invitation-when">
              @switch (invitation.status) {
                @case ('pending') {
                  Expires
                  <time
                    [attr.datetime]="invitation.expiresAt"
                    [attr.title]="invitation.expiresAt | exactTime"
                    >{{ invitation.expiresAt | relativeTime: clock.now() }}</time
                  >
                }
                @case ('expired') {
                  Expired
                  <time
                    [attr.datetime]="invitation.expiresAt"
                    [attr.title]="invitation.expiresAt | exactTime"
                    >{{ invitation.expiresAt | relativeTime: clock.now() }}</time
                  >
                }
                @case ('accepted') {
                  Accepted
                  <time
                    [attr.datetime]="invitation.acceptedAt"
                    [attr.title]="invitation.acceptedAt | exactTime"
                    >{{ invitation.acceptedAt | relativeTime: clock.now() }}</time
                  >
                }
                @default {
                  Invited
                  <time
                    [attr.datetime]="invitation.createdAt"
                    [attr.title]="invitation.createdAt | exactTime"
                    >{{ invitation.createdAt | relativeTime: clock.now() }}</time
                  >
                }
              }
            </div>
          </div>
          @if (mayResend(invitation) || mayRevoke(invitation)) {
            <div class="invitation__actions">
              @if (mayResend(invitation)) {
                <button
                  type="button"
                  matButton
                  data-testid="resend-invitation"
                  [attr.aria-label]="'Resend the invitation to ' + invitation.email"
                  [disabled]="busyId() === invitation.id"
                  (click)="resend.emit(invitation)"
                >
                  Resend
                </button>
              }
              @if (mayRevoke(invitation)) {
                <button
                  type="button"
                  matButton
                  class="revoke"
                  data-testid="revoke-invitation"
                  [attr.aria-label]="'Revoke the invitation to ' + invitation.email"
                  [disabled]="busyId() === invitation.id"
                  (click)="revoke.emit(invitation)"
                >
                  Revoke
                </button>
              }
            </div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'page';
    @use 'tokens';

    .invitations {
      @include page.surface;
      list-style: none;
      margin: 0;
      padding: 0 16px;
    }
    .invitation {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .invitation:last-child {
      border-bottom: 0;
    }
    .invitation__text {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .invitation__top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .invitation__email {
      overflow-wrap: anywhere;
    }
    .invitation__meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .undelivered {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: tokens.$warn-container;
      color: tokens.$on-warn-container;
    }
    .undelivered mat-icon {
      width: 16px;
      height: 16px;
    }
    .invitation__actions {
      display: flex;
      gap: 4px;
      margin-left: auto;
    }
    .revoke {
      color: var(--mat-sys-error);
    }
  `,
})
export class InvitationList {
  readonly invitations = input.required<readonly Invitation[]>();
  /** The dealer's role: Resend and Revoke only on invitations they could have sent. */
  readonly actorRole = input.required<Role | null>();
  /** The invitation being resent or revoked; its buttons wait. */
  readonly busyId = input<string | null>(null);
  readonly resend = output<Invitation>();
  readonly revoke = output<Invitation>();

  protected readonly clock = inject(Clock);
  protected readonly ordered = computed(() => invitationsInOrder(this.invitations()));
  protected readonly roleLabel = roleLabel;

  protected mayResend(invitation: Invitation): boolean {
    return mayResendInvitation(this.actorRole(), invitation);
  }

  protected mayRevoke(invitation: Invitation): boolean {
    return mayRevokeInvitation(this.actorRole(), invitation);
  }
}
