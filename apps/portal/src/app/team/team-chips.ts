import { Component } from '@angular/core';
import type { InvitationStatus, MemberStatus } from '@showroom/contracts';
import { Chip, SCHEME_CHIP_TEMPLATE, SchemeChip, type ChipScheme } from '../shared/status-chip';
import { INVITATION_STATUS_LABELS, MEMBER_STATUS_LABELS } from './team-model';

const MEMBER_STATUS_CHIP: ChipScheme<MemberStatus> = {
  labels: MEMBER_STATUS_LABELS,
  tones: { active: 'success', deactivated: 'neutral' },
  testId: 'member-status',
};

const INVITATION_STATUS_CHIP: ChipScheme<InvitationStatus> = {
  labels: INVITATION_STATUS_LABELS,
  tones: { pending: 'primary', accepted: 'success', revoked: 'neutral', expired: 'neutral' },
  testId: 'invitation-status',
};

/** Active or deactivated, in words. */
@Component({ selector: 'sr-member-status-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class MemberStatusChip extends SchemeChip<MemberStatus> {
  protected readonly scheme = MEMBER_STATUS_CHIP;
}

/** Where an invitation stands, in words. */
@Component({ selector: 'sr-invitation-status-chip', imports: [Chip], template: SCHEME_CHIP_TEMPLATE })
export class InvitationStatusChip extends SchemeChip<InvitationStatus> {
  protected readonly scheme = INVITATION_STATUS_CHIP;
}
