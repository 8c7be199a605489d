import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import type { AdminMember, AdminMemberList, Invitation } from '@showroom/contracts';
import { EMPTY, filter, map, merge, type Observable, switchMap, tap } from 'rxjs';
import { TeamAdminApi } from '../api/team-admin-api';
import { ActiveDealership } from '../core/active-dealership';
import { Notifier } from '../core/notifier';
import { Permissions } from '../core/permissions';
import { problemOf } from '../core/problem';
import { Session } from '../core/session';
import { matchesMedia, PHONE_LAYOUT } from '../core/viewport';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/confirm-dialog';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { SkeletonRows } from '../shared/skeleton';
import { InvitationList } from './invitation-list';
import { InviteDialog, type InviteDialogData } from './invite-dialog';
import { MemberCards } from './member-cards';
import { MemberTable } from './member-table';
import { grantableRoles } from './team-model';

/**
 * `/team` (owners and managers): the dealership's people with their role, status and last sign-in,
 * and the invitations, with Invite, Resend and Revoke. A member's own page changes their role or access.
 * An owner also finds "Group people" here: everyone across the group's rooftops (`/team/group`).
 */
@Component({
  selector: 'sr-team-page',
  imports: [
    InvitationList,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MemberCards,
    MemberTable,
    ProblemTextPipe,
    RouterLink,
    SkeletonRows,
  ],
  templateUrl: './team-page.html',
  styleUrl: './team-page.scss',
})
export class TeamPage {
  private readonly api = inject(TeamAdminApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly session = inject(Session);
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly phone = matchesMedia(PHONE_LAYOUT);
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  protected readonly actorRole = this.activeDealership.role;
  protected readonly youId = computed(() => this.session.me()?.id ?? null);
  /** What the dealer may invite people as: a manager never offers "Owner". */
  protected readonly roles = computed(() => grantableRoles(this.actorRole()));
  /** The group's owner also sees its people across every rooftop (the Rooftops entry's rule). */
  protected readonly canSeeGroup = computed(() => this.permissions.can('rooftops:manage'));

  private readonly membersState = new LoadState('loading', false);
  protected readonly membersStatus = this.membersState.status;
  protected readonly membersProblem = this.membersState.problem;
  protected readonly members = signal<AdminMemberList | null>(null);

  private readonly invitationsState = new LoadState('loading', false);
  protected readonly invitationsStatus = this.invitationsState.status;
  protected readonly invitationsProblem = this.invitationsState.problem;
  protected readonly invitations = signal<Invitation[] | null>(null);
  /** The invitation being resent or revoked. */
  protected readonly busyInvitation = signal<string | null>(null);

  constructor() {
    toObservable(this.activeDealership.id)
      .pipe(
        filter((id) => id !== null),
        switchMap(() => this.leaveWithoutPermission() ?? merge(this.loadMembers(), this.loadInvitations())),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reloadMembers(): void {
    this.loadMembers().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected reloadInvitations(): void {
    this.loadInvitations().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected openMember(member: AdminMember): void {
    void this.router.navigate(['/team', member.id]);
  }

  protected invite(): void {
    const data: InviteDialogData = { roles: this.roles() };
    this.dialog
      .open<InviteDialog, InviteDialogData, Invitation>(InviteDialog, {
        data,
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(
        filter((invitation) => invitation !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((invitation) => {
        this.invitations.update((list) => [
          invitation,
          ...(list ?? []).filter((i) => i.id !== invitation.id),
        ]);
        this.notifier.show(
          invitation.sentAt
            ? `Invitation sent to ${invitation.email}`
            : `${invitation.email} is invited, but the e-mail could not be sent: resend it from the list`,
          invitation.sentAt ? undefined : 'OK',
          invitation.sentAt ? 3000 : 8000,
        );
      });
  }

  protected resend(invitation: Invitation): void {
    if (this.busyInvitation()) return;
    this.busyInvitation.set(invitation.id);
    this.api
      .resendInvitation(invitation.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (sent) => {
          this.busyInvitation.set(null);
          this.replaceInvitation(sent);
          this.notifier.show(
            sent.sentAt
              ? `Invitation sent again to ${sent.email}, with a new link`
              : `The e-mail to ${sent.email} could not be sent`,
            sent.sentAt ? undefined : 'OK',
            sent.sentAt ? 3000 : 8000,
          );
        },
        error: (error: unknown) => {
          this.busyInvitation.set(null);
          const problem = problemOf(error);
          this.notifier.show(`The invitation was not resent: ${problem.detail ?? problem.title}`, 'OK', 8000);
        },
      });
  }

  /** The link stops working at once: asked first. */
  protected revoke(invitation: Invitation): void {
    if (this.busyInvitation()) return;
    const data: ConfirmDialogData = {
      title: 'Revoke the invitation?',
      message:
        `The link sent to ${invitation.email} stops working at once, and ${invitation.name} does not join ` +
        `${this.dealershipName() || 'the dealership'}. You can invite them again later.`,
      confirmLabel: 'Revoke invitation',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        tap(() => this.busyInvitation.set(invitation.id)),
        switchMap(() => this.api.revokeInvitation(invitation.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.busyInvitation.set(null);
          this.replaceInvitation({ ...invitation, status: 'revoked' });
          this.notifier.show(`The invitation to ${invitation.email} is revoked`);
        },
        error: (error: unknown) => {
          this.busyInvitation.set(null);
          const problem = problemOf(error);
          this.notifier.show(
            `The invitation was not revoked: ${problem.detail ?? problem.title}`,
            'OK',
            8000,
          );
        },
      });
  }

  private replaceInvitation(changed: Invitation): void {
    this.invitations.update((list) => list?.map((i) => (i.id === changed.id ? changed : i)) ?? [changed]);
  }

  private loadMembers(): Observable<AdminMemberList> {
    return this.membersState.track(this.api.members().pipe(tap((list) => this.members.set(list))));
  }

  private loadInvitations(): Observable<Invitation[]> {
    return this.invitationsState.track(
      this.api.invitations().pipe(
        map((list) => list.items),
        tap((items) => this.invitations.set(items)),
      ),
    );
  }

  /** Switched to a dealership where the dealer does not manage the team: back to the inventory. */
  private leaveWithoutPermission(): Observable<never> | null {
    if (this.permissions.can('team:manage')) return null;
    void this.router.navigateByUrl('/inventory');
    return EMPTY;
  }
}
