import { Component } from '@angular/core';
import type { InvitationStatus, MemberStatus } from '@showroom/contracts';
import { StatusChipBase } from '../shared/status-chip';
import { INVITATION_STATUS_LABELS, MEMBER_STATUS_LABELS } from './team-model';

/** Active or deactivated, in words; the colour only helps scanning the team. */
@Component({
  selector: 'sr-member-status-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + status()"
    data-testid="member-status"
    [attr.data-status]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        active: success,
        deactivated: neutral,
      )
    );
  `,
})
export class MemberStatusChip extends StatusChipBase<MemberStatus> {
  protected readonly labels = MEMBER_STATUS_LABELS;
}

@Component({
  selector: 'sr-invitation-status-chip',
  template: `<span
    class="chip"
    [class]="'chip--' + status()"
    data-testid="invitation-status"
    [attr.data-status]="status()"
    >{{ label() }}</span
  >`,
  styles: `
    @use 'status-chip';

    @include status-chip.chips(
      (
        pending: primary,
        accepted: success,
        revoked: neutral,
        expired: neutral,
      )
    );
  `,
})
export class InvitationStatusChip extends StatusChipBase<InvitationStatus> {
  protected readonly labels = INVITATION_STATUS_LABELS;
}
